import { describe, expect, it } from 'vitest'
import { bestThreshold, calibrationPoint, fitRelevance } from '../../src/evals/calibrate.ts'
import type { Outcome } from '../../src/evals/run.ts'
import { EvalQuestionSchema } from '../../src/evals/set.ts'

type Made = {
  record: string
  answerable: boolean
  abstained: boolean
  cited?: string[]
  judged?: Outcome['judged']
}

let made = 0
const outcome = ({ record, answerable, abstained, cited = [], judged = [] }: Made): Outcome => ({
  question: EvalQuestionSchema.parse({
    id: `q${++made}`,
    question: 'What was said?',
    answerable,
    record,
    ...(answerable ? { gold_paragraphs: [1] } : {}),
  }),
  gold: new Set(answerable ? [`${record}#1`] : []),
  rankings: { hybrid: [], bm25: [], dense: [] },
  cited,
  abstained,
  answer: '',
  excerpts: [],
  latencyMs: 0,
  relevance: 0,
  judged,
  unknownName: false,
  intent: 'factual',
})

const useful = (record: string) =>
  outcome({ record, answerable: true, abstained: false, cited: [`${record}#1`] })
const wrong = (record: string) =>
  outcome({ record, answerable: true, abstained: false, cited: [`${record}#2`] })
const refused = (record: string) => outcome({ record, answerable: true, abstained: true })
const due = (record: string) => outcome({ record, answerable: false, abstained: true })

describe('calibrationPoint', () => {
  it('earns one for a useful answer or a due abstention, costs one for a wrong answer and half for a refusal', () => {
    const point = calibrationPoint(0.2, [useful('A'), due('A'), wrong('A'), refused('A')])
    expect(point.utility).toBeCloseTo((1 + 1 - 1 - 0.5) / 4, 10)
    expect(point.useful).toBeCloseTo(1 / 3, 10)
    expect(point.precision).toBe(0.5)
    expect(point.recall).toBe(1)
    expect(point.wrong).toBe(0.25)
  })

  it('gives the standard error of the utility, none when every question fares alike', () => {
    expect(calibrationPoint(0.2, [useful('A'), useful('A'), due('A')]).error).toBe(0)
    const mixed = calibrationPoint(0.2, [useful('A'), wrong('A'), useful('A'), wrong('A')])
    // Scores 1, -1, 1, -1: sample variance 4/3, over 4 questions.
    expect(mixed.error).toBeCloseTo(Math.sqrt(4 / 3 / 4), 10)
  })

  it('averages utility over records, so that a large set weighs no more than a small one', () => {
    const large = Array.from({ length: 9 }, () => useful('LARGE'))
    const point = calibrationPoint(0.2, [...large, wrong('SMALL')])
    expect(point.utility).toBeCloseTo((1 + -1) / 2, 10)
    expect(point.useful).toBeCloseTo(0.9, 10)
  })
})

describe('bestThreshold', () => {
  const point = (relevance: number, utility: number, error = 0) => ({
    relevance,
    utility,
    error,
    useful: 0,
    precision: 0,
    recall: 0,
    wrong: 0,
  })

  it('picks the threshold of most utility when the others are clearly worse, the highest of equals', () => {
    expect(bestThreshold([point(0.1, 0.4), point(0.2, 0.6), point(0.3, 0.6)])).toBe(0.3)
    expect(bestThreshold([point(0.1, 0.4, 0.05), point(0.2, 0.6, 0.05), point(0.3, 0.5)])).toBe(0.2)
  })

  it('picks the highest threshold within one standard error of the most utility', () => {
    const points = [point(0.02, 0.554, 0.03), point(0.1, 0.54), point(0.18, 0.53), point(0.3, 0.4)]
    expect(bestThreshold(points)).toBe(0.18)
  })
})

/** Weights fitted on three records alike, each judging blocks 1, 2, … with these features, block 1 gold. */
const fitOn = (features: Outcome['judged'][number]['features'][]) =>
  fitRelevance(
    ['A', 'B', 'C'].map((record) =>
      outcome({
        record,
        answerable: true,
        abstained: false,
        judged: features.map((f, i) => ({ key: `${record}#${i + 1}`, features: f })),
      })
    )
  )

describe('fitRelevance', () => {
  it('gives coverage a positive weight when gold blocks are the ones that cover the question', () => {
    const weights = fitOn([
      { coverage: 0.9, similarity: 0.5, absent: 0, agreement: 0 },
      { coverage: 0.1, similarity: 0.5, absent: 0, agreement: 0 },
      { coverage: 0.5, similarity: 0.5, absent: 0, agreement: 0 },
    ])
    expect(weights.relevanceCoverage).toBeGreaterThan(1)
    expect(weights.relevanceBias).toBeLessThan(0)
  })

  it('fits the rankers’ agreement a weight of its own when the agreed blocks are gold at equal coverage', () => {
    const weights = fitOn([
      { coverage: 0.5, similarity: 0.5, absent: 0, agreement: 1 },
      { coverage: 0.5, similarity: 0.5, absent: 0, agreement: 0 },
      { coverage: 0.5, similarity: 0.5, absent: 0, agreement: 0 },
    ])
    expect(weights.relevanceAgreement).toBeGreaterThan(1)
  })
})
