// Runs an eval set against an index: three rankings and one answer per question, then the metrics.
import { ask } from '../answer/answer.ts'
import type { AskQuery, AskResponse } from '../answer/schema.ts'
import { AskRequestSchema } from '../answer/schema.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { blockKey } from '../index/lexical.ts'
import { RETRIEVERS, type RetrieverName, search } from '../retrieve/search.ts'
import { mean, ndcgAt, percentile, ratio, recallAt, reciprocalRank } from './metrics.ts'
import type { AnswerMetrics, EvalReport, RetrievalMetrics, Summary } from './schema.ts'
import type { EvalQuestion } from './set.ts'
import { resolveGold } from './set.ts'

/** Everything measured for one question. */
export type Outcome = {
  question: EvalQuestion
  gold: Set<string>
  /** Block keys, best first, top 10, per retriever. */
  rankings: Record<RetrieverName, string[]>
  cited: string[]
  abstained: boolean
  answer: string
  excerpts: { grounded: boolean }[]
  latencyMs: number
  /** For a generative answer: the model's claims, and how many of them verified. */
  claims?: { made: number; verified: number }
}

export const RANKING_DEPTH = 10

export type RunOptions = {
  onProgress?: (done: number, total: number, outcome: Outcome) => void
  /** How a question is answered: by default extractively. */
  answer?: (query: AskQuery) => Promise<AskResponse>
}

/** Answers every question; gold labels are resolved first, so a bad label fails before any work. */
export const runEval = async (
  index: SearchIndex,
  questions: EvalQuestion[],
  { onProgress, answer = (query) => ask(index, query) }: RunOptions = {}
): Promise<Outcome[]> => {
  const golds = questions.map((q) => resolveGold(q, index))
  const outcomes: Outcome[] = []
  for (const [i, question] of questions.entries()) {
    const rankings = {} as Record<RetrieverName, string[]>
    for (const mode of RETRIEVERS) {
      rankings[mode] = (await search(index, question.question, { mode, k: RANKING_DEPTH })).map(
        (r) => blockKey(r.block)
      )
    }
    const started = performance.now()
    const response = await answer(AskRequestSchema.parse({ question: question.question }))
    const claims = response.verification?.sentences.filter((s) => s.verdict !== 'no_claim')
    const latencyMs = performance.now() - started
    const outcome: Outcome = {
      question,
      gold: golds[i] ?? new Set(),
      rankings,
      cited: [
        ...new Set(response.excerpts.map((e) => blockKey({ record: e.record, id: e.block }))),
      ],
      abstained: response.abstained,
      answer: response.answer,
      excerpts: response.excerpts.map((e) => ({
        grounded:
          index.byKey
            .get(blockKey({ record: e.record, id: e.block }))
            ?.text.slice(e.start, e.end) === e.text,
      })),
      latencyMs,
      ...(claims
        ? {
            claims: {
              made: claims.length,
              verified: claims.filter((s) => s.verdict === 'supported').length,
            },
          }
        : {}),
    }
    outcomes.push(outcome)
    onProgress?.(i + 1, questions.length, outcome)
  }
  return outcomes
}

export const retrievalMetrics = (outcomes: Outcome[], mode: RetrieverName): RetrievalMetrics => {
  const answerable = outcomes.filter((o) => o.question.answerable)
  const avg = (f: (o: Outcome) => number) => mean(answerable.map(f))
  return {
    'recall@1': avg((o) => recallAt(o.rankings[mode], o.gold, 1)),
    'recall@3': avg((o) => recallAt(o.rankings[mode], o.gold, 3)),
    'recall@5': avg((o) => recallAt(o.rankings[mode], o.gold, 5)),
    'mrr@10': avg((o) => reciprocalRank(o.rankings[mode], o.gold, RANKING_DEPTH)),
    'ndcg@10': avg((o) => ndcgAt(o.rankings[mode], o.gold, RANKING_DEPTH)),
  }
}

/** recall@k for k = 1..depth: the curve the report draws. */
export const recallCurve = (
  outcomes: Outcome[],
  mode: RetrieverName,
  depth = RANKING_DEPTH
): number[] => {
  const answerable = outcomes.filter((o) => o.question.answerable)
  return Array.from({ length: depth }, (_, i) =>
    mean(answerable.map((o) => recallAt(o.rankings[mode], o.gold, i + 1)))
  )
}

/** Whether an answer contains every must_include string, case-insensitively. */
export const includesAll = (o: Outcome): boolean =>
  o.question.must_include.every((s) => o.answer.toLowerCase().includes(s.toLowerCase()))

export const answerMetrics = (outcomes: Outcome[]): AnswerMetrics => {
  const answerable = outcomes.filter((o) => o.question.answerable)
  const cited = answerable.filter((o) => o.cited.length > 0)
  const withMust = answerable.filter((o) => o.question.must_include.length > 0)
  const excerpts = outcomes.flatMap((o) => o.excerpts)
  const abstained = outcomes.filter((o) => o.abstained)
  const unanswerable = outcomes.filter((o) => !o.question.answerable)
  const goldShare = (o: Outcome, of: number) =>
    ratio(o.cited.filter((k) => o.gold.has(k)).length, of, 0)
  return {
    citation_precision:
      cited.length === 0 ? 1 : mean(cited.map((o) => goldShare(o, o.cited.length))),
    citation_recall: mean(answerable.map((o) => goldShare(o, o.gold.size))),
    must_include: ratio(withMust.filter(includesAll).length, withMust.length),
    grounded: ratio(excerpts.filter((e) => e.grounded).length, excerpts.length),
    abstention_precision: ratio(
      abstained.filter((o) => !o.question.answerable).length,
      abstained.length
    ),
    abstention_recall: ratio(unanswerable.filter((o) => o.abstained).length, unanswerable.length),
    answered_when_answerable: ratio(
      answerable.filter((o) => !o.abstained).length,
      answerable.length
    ),
    ...faithfulness(outcomes),
  }
}

/** Over every generative answer, the share of the model's claims whose citations verify. */
const faithfulness = (outcomes: Outcome[]): { faithfulness?: number } => {
  const generative = outcomes.flatMap((o) => (o.claims ? [o.claims] : []))
  if (generative.length === 0) return {}
  const made = generative.reduce((n, c) => n + c.made, 0)
  return {
    faithfulness: ratio(
      generative.reduce((n, c) => n + c.verified, 0),
      made,
      0
    ),
  }
}

export const summarise = (outcomes: Outcome[]): Summary => ({
  questions: outcomes.length,
  retrievers: {
    hybrid: retrievalMetrics(outcomes, 'hybrid'),
    bm25: retrievalMetrics(outcomes, 'bm25'),
    dense: retrievalMetrics(outcomes, 'dense'),
  },
  answer: answerMetrics(outcomes),
})

/** Outcomes grouped by a key, groups in name order. */
export const groupOutcomes = (
  outcomes: Outcome[],
  key: (o: Outcome) => string
): [string, Outcome[]][] => {
  const groups = new Map<string, Outcome[]>()
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o])
  return [...groups].sort(([a], [b]) => a.localeCompare(b))
}

/** The JSON report: exactly the documented keys. */
export const buildReport = (set: string, outcomes: Outcome[]): EvalReport => {
  const { questions, retrievers, answer } = summarise(outcomes)
  const latencies = outcomes.map((o) => o.latencyMs)
  const idOf = (key: string) => key.slice(key.indexOf('#') + 1)
  return {
    set,
    questions,
    retrievers,
    answer,
    latency_ms: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)) },
    by_category: Object.fromEntries(
      groupOutcomes(outcomes, (o) => o.question.category).map(([k, os]) => [k, summarise(os)])
    ),
    results: outcomes.map((o) => ({
      id: o.question.id,
      ranked: o.rankings.hybrid.map(idOf),
      cited: o.cited.map(idOf),
      abstained: o.abstained,
      answer: o.answer,
    })),
  }
}

const round = (x: number): number => Math.round(x * 100) / 100
