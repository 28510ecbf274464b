import { FakeListChatModel } from '@langchain/core/utils/testing'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { EvalReportSchema } from '../../src/evals/schema.ts'
import { buildReport, runEval } from '../../src/evals/run.ts'
import { parseEvalSet } from '../../src/evals/set.ts'
import { loadAnswerPrompt } from '../../src/generate/prompt.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { DEFAULT_POLICY } from '../../src/policy.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

const SET = [
  {
    id: 'a',
    question: 'How many migrant integration centres are there at the northern border?',
    answerable: true,
    gold_paragraphs: [19],
    category: 'factoid',
  },
  {
    id: 'b',
    question:
      'What is the total capacity of the migrant integration centres at the northern border?',
    answerable: true,
    gold_paragraphs: [19],
    category: 'factoid',
  },
]
  .map((q) => JSON.stringify(q))
  .join('\n')

describe('runEval in generative mode', () => {
  it('reports faithfulness: the share of the model’s claims whose citations verify', async () => {
    const prompt = await loadAnswerPrompt(join(PROJECT_ROOT, 'prompts'))
    const model = new FakeListChatModel({
      responses: [
        // Two claims, one verified: the second cites a paragraph the model was not given.
        'There are “three migrant integration centres at the northern border” [para 19]. Each was built in 2019 [para 98].',
        // One claim, misquoted.
        'Their capacity is “2,000 persons in all” [para 19].',
      ],
    })
    const generator = { name: 'fake', model, prompt }
    const outcomes = await runEval(
      composePipeline(index, { generator }),
      parseEvalSet(SET, 'inline')
    )
    const report = EvalReportSchema.parse(buildReport('inline', outcomes, DEFAULT_POLICY))
    expect(report.answer.faithfulness).toBeCloseTo(1 / 3)
    expect(report.answer.grounded).toBe(1)
    expect(outcomes.map((o) => o.claims)).toEqual([
      { made: 2, verified: 1 },
      { made: 1, verified: 0 },
    ])
  })

  it('leaves faithfulness out of an extractive run', async () => {
    const report = buildReport(
      'inline',
      await runEval(composePipeline(index), parseEvalSet(SET, 'inline')),
      DEFAULT_POLICY
    )
    expect(report.answer.faithfulness).toBeUndefined()
  })
})
