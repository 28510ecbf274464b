// Score fusion: a convex combination of per-query normalised scores (Bruch et al. 2023 found it
// ahead of reciprocal rank fusion); a block missing from one ranking gets nothing from it.
import type { Block } from '../records/block.ts'

type Ranked = { block: Block; score: number }

/**
 * Scales a ranking's scores by its own best, so that each ranking's top result scores 1. On our
 * tuning split this beat min–max scaling, z-scores and reciprocal rank fusion (see README).
 */
const normalise = (ranking: Ranked[]): Map<Block, number> => {
  const max = Math.max(...ranking.map((r) => r.score))
  return new Map(ranking.map((r) => [r.block, max > 0 ? r.score / max : 0]))
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
