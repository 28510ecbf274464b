// Score fusion: a convex combination of per-query normalised scores (Bruch et al. 2023 found it
// ahead of reciprocal rank fusion); a block missing from one ranking gets nothing from it.
import type { Block } from '../records/block.ts'

type Ranked = { block: Block; score: number }

/** Scales a ranking's scores to [0, 1] by its own best and worst (a lone result scores 1). */
const normalise = (ranking: Ranked[]): Map<Block, number> => {
  const scores = ranking.map((r) => r.score)
  const max = Math.max(...scores)
  const min = Math.min(...scores)
  return new Map(ranking.map((r) => [r.block, max > min ? (r.score - min) / (max - min) : 1]))
}

/** Fuses rankings by weighted normalised score; `weights` should sum to 1. */
export const fuseRankings = (rankings: Ranked[][], weights: number[]): Ranked[] => {
  const fused = new Map<Block, number>()
  rankings.forEach((ranking, r) => {
    for (const [block, score] of normalise(ranking)) {
      fused.set(block, (fused.get(block) ?? 0) + (weights[r] ?? 0) * score)
    }
  })
  return [...fused].map(([block, score]) => ({ block, score })).sort((a, b) => b.score - a.score)
}
