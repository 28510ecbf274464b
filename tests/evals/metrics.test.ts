import { describe, expect, it } from 'vitest'
import {
  firstGoldRank,
  ndcgAt,
  percentile,
  ratio,
  recallAt,
  reciprocalRank,
} from '../../src/evals/metrics.ts'

const gold = new Set(['b', 'd'])
const ranked = ['a', 'b', 'c', 'd', 'e']

describe('retrieval metrics', () => {
  it('find a question at the first rank holding any gold block', () => {
    expect(firstGoldRank(ranked, gold)).toBe(2)
    expect(recallAt(ranked, gold, 1)).toBe(0)
    expect(recallAt(ranked, gold, 2)).toBe(1)
    expect(reciprocalRank(ranked, gold)).toBe(0.5)
    expect(reciprocalRank(ranked, gold, 1)).toBe(0)
  })

  it('compute nDCG over all gold blocks', () => {
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5)
    const ideal = 1 + 1 / Math.log2(3)
    expect(ndcgAt(ranked, gold, 10)).toBeCloseTo(dcg / ideal, 10)
    expect(ndcgAt(['b', 'd'], gold)).toBe(1)
    expect(ndcgAt(['x'], gold)).toBe(0)
  })
})

describe('aggregates', () => {
  it('take nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10]
    expect(percentile(values, 50)).toBe(5)
    expect(percentile(values, 95)).toBe(10)
    expect(percentile([], 50)).toBe(0)
  })

  it('report a ratio with nothing to measure as the given default', () => {
    expect(ratio(1, 4)).toBe(0.25)
    expect(ratio(0, 0)).toBe(1)
    expect(ratio(0, 0, 0)).toBe(0)
  })
})
