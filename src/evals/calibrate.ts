// Fits the relevance model's weights on the tuning questions: a logistic regression of "this judged block is a gold paragraph" on its features.
import type { Policy } from '../policy.ts'
import { ratio } from './metrics.ts'
import type { Outcome } from './run.ts'
import { isUseful } from './run.ts'

export type RelevanceWeights = Pick<
  Policy,
  | 'relevanceBias'
  | 'relevanceCoverage'
  | 'relevanceSimilarity'
  | 'relevanceAbsent'
  | 'relevanceAgreement'
>

type Sample = { x: number[]; y: number; weight: number }

/** Each record's questions weigh as much as another's, so that one large set does not decide. */
const recordWeights = (outcomes: readonly Outcome[]): ((o: Outcome) => number) => {
  const counts = new Map<string, number>()
  for (const o of outcomes) counts.set(recordOf(o), (counts.get(recordOf(o)) ?? 0) + 1)
  return (o) => outcomes.length / counts.size / (counts.get(recordOf(o)) ?? 1)
}

const recordOf = (o: Outcome): string => o.question.record ?? ''

const samplesOf = (outcomes: readonly Outcome[]): Sample[] => {
  // Questions about the meeting are answered from the masthead, not by relevance.
  const asked = outcomes.filter((o) => o.question.category !== 'meeting')
  const weightOf = recordWeights(asked)
  return asked.flatMap((o) =>
    o.judged.map(({ key, features: f }) => ({
      x: [f.coverage, f.similarity, f.absent, f.agreement],
      y: o.question.answerable && o.gold.has(key) ? 1 : 0,
      weight: weightOf(o),
    }))
  )
}

/**
 * Maximum-likelihood weights by Newton's method (five parameters, a few thousand samples), with
 * a little L2 shrinkage so that a feature the tuning questions never vary cannot run away.
 */
export const fitRelevance = (
  outcomes: readonly Outcome[],
  { iterations = 50, shrinkage = 1e-3 } = {}
): RelevanceWeights => {
  const samples = samplesOf(outcomes)
  const n = 1 + (samples[0]?.x.length ?? 0)
  const w = Array.from({ length: n }, () => 0)
  for (let step = 0; step < iterations; step++) {
    const gradient = Array.from({ length: n }, () => 0)
    const hessian = Array.from({ length: n }, () => Array.from({ length: n }, () => 0))
    for (const { x, y, weight } of samples) {
      const v = [1, ...x]
      const p = 1 / (1 + Math.exp(-v.reduce((sum, vi, i) => sum + vi * (w[i] ?? 0), 0)))
      for (let i = 0; i < n; i++) {
        gradient[i] = (gradient[i] ?? 0) + weight * (v[i] ?? 0) * (y - p)
        for (let j = 0; j < n; j++)
          (hessian[i] as number[])[j] =
            ((hessian[i] as number[])[j] ?? 0) + weight * (v[i] ?? 0) * (v[j] ?? 0) * p * (1 - p)
      }
    }
    for (let i = 1; i < n; i++) {
      gradient[i] = (gradient[i] ?? 0) - shrinkage * samples.length * (w[i] ?? 0)
      ;(hessian[i] as number[])[i] = ((hessian[i] as number[])[i] ?? 0) + shrinkage * samples.length
    }
    const delta = solve(hessian, gradient)
    for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) + (delta[i] ?? 0)
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break
  }
  const round = (x: number | undefined) => Math.round((x ?? 0) * 1000) / 1000
  return {
    relevanceBias: round(w[0]),
    relevanceCoverage: round(w[1]),
    relevanceSimilarity: round(w[2]),
    relevanceAbsent: round(w[3]),
    relevanceAgreement: round(w[4]),
  }
}

/** Gaussian elimination with partial pivoting, for the Newton step. */
const solve = (a: number[][], b: number[]): number[] => {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i] ?? 0])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r
    ;[m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]]
    const head = m[col] as number[]
    if (Math.abs(head[col] ?? 0) < 1e-12) continue
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const row = m[r] as number[]
      const f = (row[col] ?? 0) / (head[col] ?? 1)
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (head[c] ?? 0)
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] || 1))
}

/** What a run on the tuning questions earns at one threshold. */
export type CalibrationPoint = {
  relevance: number
  /** Share of answerable questions answered usefully. */
  useful: number
  /** Abstention precision and recall. */
  precision: number
  recall: number
  /** Share of all questions answered from no gold paragraph, or answered when the record is silent. */
  wrong: number
  /** Useful answers and due abstentions, less wrong answers and half the refusals, per question: each record's mean, averaged. */
  utility: number
  /** The utility's standard error, from each record's spread. */
  error: number
}

/**
 * What refusing an answerable question costs, against the one a wrong answer costs: a refusal
 * fails the user, but a wrong citation misleads them, the worse failure.
 */
const REFUSAL_COST = 0.5

/** What one question earns: a useful answer or a due abstention one, a wrong answer minus one. */
const score = (o: Outcome): number => {
  if (!o.question.answerable) return o.abstained ? 1 : -1
  if (o.abstained) return -REFUSAL_COST
  if (isUseful(o)) return 1
  // Answered from no gold paragraph: wrong. Otherwise partial, which earns nothing.
  return o.gold.size > 0 && !o.cited.some((c) => o.gold.has(c)) ? -1 : 0
}

/** What a run's outcomes come to: useful answers, due and undue abstentions, wrong answers. */
const tally = (outcomes: readonly Outcome[]) => {
  const answerable = outcomes.filter((o) => o.question.answerable)
  const scores = outcomes.map(score)
  const utility = ratio(
    scores.reduce((sum, x) => sum + x, 0),
    outcomes.length
  )
  const variance =
    outcomes.length > 1
      ? scores.reduce((sum, x) => sum + (x - utility) ** 2, 0) / (outcomes.length - 1)
      : 0
  return {
    answerable: answerable.length,
    unanswerable: outcomes.length - answerable.length,
    useful: answerable.filter(isUseful).length,
    due: outcomes.filter((o) => !o.question.answerable && o.abstained).length,
    abstained: outcomes.filter((o) => o.abstained).length,
    wrong: scores.filter((x) => x === -1).length,
    utility,
    /** The variance of the utility's mean. */
    spread: ratio(variance, outcomes.length),
  }
}

/**
 * A run's standing at its threshold: a useful answer or a due abstention earns one, a wrong
 * answer (no gold paragraph cited, or an answer where the record is silent) costs one, a refusal
 * of an answerable question costs half that, and a partial answer earns nothing. The utility is
 * each record's mean, averaged over records, so that one large set does not decide; its standard
 * error comes from the spread of each record's questions.
 */
export const calibrationPoint = (
  relevance: number,
  outcomes: readonly Outcome[]
): CalibrationPoint => {
  const all = tally(outcomes)
  const records = new Map<string, Outcome[]>()
  for (const o of outcomes) records.set(recordOf(o), [...(records.get(recordOf(o)) ?? []), o])
  const tallies = [...records.values()].map(tally)
  return {
    relevance,
    useful: ratio(all.useful, all.answerable),
    precision: ratio(all.due, all.abstained),
    recall: ratio(all.due, all.unanswerable),
    wrong: ratio(all.wrong, outcomes.length),
    utility: ratio(
      tallies.reduce((sum, t) => sum + t.utility, 0),
      tallies.length
    ),
    error: ratio(Math.sqrt(tallies.reduce((sum, t) => sum + t.spread, 0)), tallies.length),
  }
}

/**
 * The highest threshold whose utility is within one standard error of the most (the one-standard-
 * error rule): thresholds that close are told apart by noise, and of those the highest answers
 * wrongly least, the worst failure.
 */
export const bestThreshold = (points: readonly CalibrationPoint[]): number => {
  const best = [...points].sort((a, b) => b.utility - a.utility || a.relevance - b.relevance)[0]
  if (!best) return 0
  return Math.max(
    ...points.filter((p) => p.utility >= best.utility - best.error).map((p) => p.relevance)
  )
}
