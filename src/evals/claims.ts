// Measures the claim verifier on labelled model sentences: how many true paraphrases it accepts, and how many distortions and inventions it lets through.
import { z } from 'zod'
import { verifyAnswer } from '../generate/verify.ts'
import type { Block } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import { ratio } from './metrics.ts'
import { EvalSetError, parseJsonLines } from './set.ts'

export const CLAIM_LABELS = ['paraphrase', 'distortion', 'invention'] as const

export const LabelledClaimSchema = z.object({
  id: z.string().min(1),
  record: z.string().min(1),
  claim: z.string().min(1),
  paragraph: z.string().min(1),
  label: z.enum(CLAIM_LABELS),
  kind: z.string().min(1),
  split: z.enum(['tune', 'holdout']).default('tune'),
  why: z.string().optional(),
})
export type LabelledClaim = z.infer<typeof LabelledClaimSchema>

export const parseClaims = (text: string, name: string): LabelledClaim[] =>
  parseJsonLines(text, name, LabelledClaimSchema)

/** Share of each label (and each kind of distortion) the verifier accepts, per split. */
export const ClaimMetricsSchema = z.object({
  set: z.string(),
  split: z.enum(['tune', 'holdout']),
  claims: z.number().int(),
  accepted: z.record(z.string(), z.object({ claims: z.number().int(), accepted: z.number() })),
})
export type ClaimMetrics = z.infer<typeof ClaimMetricsSchema>

/**
 * Verifies each claim as a model's one-sentence answer, every numbered paragraph of its record
 * given as a source, and counts how many of each label and kind are accepted.
 */
export const evaluateClaims = (
  corpus: Corpus,
  claims: readonly LabelledClaim[],
  set: string
): ClaimMetrics[] =>
  (['holdout', 'tune'] as const).flatMap((split) => {
    const mine = claims.filter((c) => c.split === split)
    if (mine.length === 0) return []
    const verdicts = mine.map((c) => {
      const blocks = [...(corpus.index.recordBlocks.get(c.record) ?? [])]
      if (blocks.length === 0)
        throw new EvalSetError(`${set}: ${c.id}: record ${c.record} is not indexed`)
      const sources = new Map(
        blocks.flatMap((b): [string, Block][] => (b.label ? [[b.label, b]] : []))
      )
      const verification = verifyAnswer(corpus, c.claim, sources)
      return { claim: c, ok: verification.sentences.every((s) => s.verdict === 'supported') }
    })
    const groups = new Map<string, boolean[]>()
    for (const { claim, ok } of verdicts)
      for (const key of [
        claim.label,
        ...(claim.label === 'distortion' ? [`distortion: ${claim.kind}`] : []),
      ])
        groups.set(key, [...(groups.get(key) ?? []), ok])
    return [
      {
        set,
        split,
        claims: mine.length,
        accepted: Object.fromEntries(
          [...groups].map(([k, oks]) => [
            k,
            { claims: oks.length, accepted: ratio(oks.filter(Boolean).length, oks.length) },
          ])
        ),
      },
    ]
  })

/** What the verifier is tuned for: true claims accepted, false ones refused, each counting alike. */
export const balancedAccuracy = (m: ClaimMetrics): number => {
  const share = (k: string) => m.accepted[k]?.accepted ?? 0
  return (share('paraphrase') + (1 - share('distortion')) + (1 - share('invention'))) / 3
}
