// Retrieval and answer metrics: pure functions over rankings, gold sets and answers.

/** 1-based rank of the first gold item within the first `depth` items, or null. */
export const firstGoldRank = (
  ranked: string[],
  gold: Set<string>,
  depth = ranked.length
): number | null => {
  const i = ranked.slice(0, depth).findIndex((key) => gold.has(key))
  return i < 0 ? null : i + 1
}

export const recallAt = (ranked: string[], gold: Set<string>, k: number): number =>
  firstGoldRank(ranked, gold, k) === null ? 0 : 1

export const reciprocalRank = (ranked: string[], gold: Set<string>, depth = 10): number => {
  const rank = firstGoldRank(ranked, gold, depth)
  return rank === null ? 0 : 1 / rank
}

/** nDCG with binary relevance over all gold items. */
export const ndcgAt = (ranked: string[], gold: Set<string>, k = 10): number => {
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, key, i) => sum + (gold.has(key) ? 1 / Math.log2(i + 2) : 0), 0)
  let ideal = 0
  for (let i = 0; i < Math.min(gold.size, k); i++) ideal += 1 / Math.log2(i + 2)
  return ideal === 0 ? 0 : dcg / ideal
}

export const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length

/** Nearest-rank percentile (p in 0..100). */
export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  )
}

/** Share of `part` in `whole`, or `empty` when there is nothing to measure. */
export const ratio = (part: number, whole: number, empty = 1): number =>
  whole === 0 ? empty : part / whole

/** The harmonic mean of precision and recall. */
export const f1 = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
