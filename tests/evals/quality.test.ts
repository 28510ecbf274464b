import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { buildReport, runEval } from '../../src/evals/run.ts'
import type { EvalReport } from '../../src/evals/schema.ts'
import { EvalReportSchema, ThresholdsSchema } from '../../src/evals/schema.ts'
import { parseEvalSet } from '../../src/evals/set.ts'
import { DEFAULT_POLICY } from '../../src/policy.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

const read = (path: string) => readFile(join(PROJECT_ROOT, path), 'utf8')
const thresholds = ThresholdsSchema.parse(JSON.parse(await read('evals/thresholds.json')))
let report: EvalReport

beforeAll(async () => {
  const { index } = await openRealIndex()
  const questions = parseEvalSet(await read('evals/sets/cmw-c-sr-593.jsonl'), 'default')
  report = buildReport('default', await runEval(composePipeline(index), questions), DEFAULT_POLICY)
})

describe('quality on the default eval set', () => {
  it('produces a report with exactly the documented keys', () => {
    expect(EvalReportSchema.parse(report)).toEqual(report)
    expect(Object.keys(report)).toEqual([
      'set',
      'questions',
      'policy',
      'retrievers',
      'answer',
      'latency_ms',
      'by_split',
      'by_category',
      'by_record',
      'threshold',
      'claims',
      'dialogue',
      'results',
    ])
  })

  const retrievalFloors = Object.entries(thresholds.retrievers).flatMap(([retriever, floors]) =>
    Object.entries(floors).map(
      ([metric, floor]) =>
        [retriever as 'hybrid' | 'bm25' | 'dense', metric as 'mrr@10', floor] as const
    )
  )
  it.each(retrievalFloors)('%s %s stays at or above %d', (retriever, metric, floor) => {
    expect(report.retrievers[retriever][metric]).toBeGreaterThanOrEqual(floor)
  })

  it.each(Object.entries(thresholds.answer))('answer %s stays at or above %d', (metric, floor) => {
    expect(report.answer[metric as keyof EvalReport['answer']]).toBeGreaterThanOrEqual(floor)
  })

  it('keeps hybrid retrieval ahead of BM25 alone on recall@1 and mrr@10', () => {
    expect(report.retrievers.hybrid['recall@1']).toBeGreaterThanOrEqual(
      report.retrievers.bm25['recall@1']
    )
    expect(report.retrievers.hybrid['mrr@10']).toBeGreaterThan(report.retrievers.bm25['mrr@10'])
  })
})
