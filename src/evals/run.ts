// Runs eval sets through the pipeline: three rankings and one answer per question, then the metrics and the relevance threshold's curve.
import type { RelevanceFeatures } from '../answer/judge.ts'
import { judge, relevanceOf } from '../answer/judge.ts'
import type { AskQuery, AskResponse } from '../answer/schema.ts'
import { AskRequestSchema } from '../answer/schema.ts'
import { blockKey } from '../index/lexical.ts'
import type { Pipeline } from '../pipeline/pipeline.ts'
import type { Question } from '../question/question.ts'
import { PolicySchema } from '../policy.ts'
import { unknownNames } from '../retrieve/coverage.ts'
import { RETRIEVERS, type RetrieverName } from '../retrieve/search.ts'
import { mean, ndcgAt, percentile, ratio, recallAt, reciprocalRank } from './metrics.ts'
import type { ClaimMetrics } from './claims.ts'
import type { DialogueMetrics } from './dialogue.ts'
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
  /** The best relevance among the judged blocks, and whether the question names what no block has. */
  relevance: number
  /** Each judged block's key and the features its relevance is calibrated on. */
  judged: { key: string; features: RelevanceFeatures }[]
  unknownName: boolean
  /** How the question was read: a broad one is graded by every paragraph it cites. */
  intent: Question['intent']
  /** For a generative answer: the model's claims, and how many of them verified. */
  claims?: { made: number; verified: number }
}

export const RANKING_DEPTH = 10

export type RunOptions = {
  onProgress?: (done: number, total: number, outcome: Outcome) => void
  /** How a question is answered: by default through the pipeline, extractively. */
  answer?: (query: AskQuery) => Promise<AskResponse>
}

/** Answers every question; gold labels are resolved first, so a bad label fails before any work. */
export const runEval = async (
  pipeline: Pipeline,
  questions: EvalQuestion[],
  { onProgress, answer = (query) => pipeline.ask(query) }: RunOptions = {}
): Promise<Outcome[]> => {
  const { corpus } = pipeline
  const golds = questions.map((q) => resolveGold(q, corpus.index))
  const outcomes: Outcome[] = []
  for (const [i, question] of questions.entries()) {
    const request = AskRequestSchema.parse({
      question: question.question,
      ...(question.record ? { record: question.record } : {}),
      history: question.history.map((q) => ({ question: q })),
    })
    const rankings = {} as Record<RetrieverName, string[]>
    for (const mode of RETRIEVERS) {
      rankings[mode] = (await pipeline.search({ ...request, mode, k: RANKING_DEPTH })).map((r) =>
        blockKey(r.block)
      )
    }
    const read = pipeline.read(request)
    const retrieval = await pipeline.retrieve(read, request.k)
    const judged = await judge(corpus, read, retrieval.terms, retrieval.ranked)
    const started = performance.now()
    const response = await answer(request)
    const latencyMs = performance.now() - started
    const claims = response.verification?.sentences.filter((s) => s.verdict !== 'no_claim')
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
        // Verbatim at its offsets, and quoted as it is in an extractive answer's text.
        grounded:
          corpus.index.byKey
            .get(blockKey({ record: e.record, id: e.block }))
            ?.text.slice(e.start, e.end) === e.text &&
          (response.mode !== 'extractive' || response.answer.includes(`“${e.text}”`)),
      })),
      latencyMs,
      relevance: Math.max(0, ...judged.map((j) => j.relevance)),
      judged: judged.map((j) => ({
        key: blockKey(j.block),
        features: {
          coverage: j.coverage,
          similarity: j.similarity,
          absent: j.absent,
          agreement: j.agreement,
        },
      })),
      unknownName: unknownNames(retrieval.terms, corpus, read.record).length > 0,
      intent: read.intent,
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

/** Retrieval is measured on questions a paragraph answers. */
const withGold = (outcomes: Outcome[]) =>
  outcomes.filter((o) => o.question.answerable && o.gold.size > 0)

export const retrievalMetrics = (outcomes: Outcome[], mode: RetrieverName): RetrievalMetrics => {
  const answerable = withGold(outcomes)
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
  const answerable = withGold(outcomes)
  return Array.from({ length: depth }, (_, i) =>
    mean(answerable.map((o) => recallAt(o.rankings[mode], o.gold, i + 1)))
  )
}

/** Whether an answer contains every must_include string, case-insensitively. */
export const includesAll = (o: Outcome): boolean =>
  o.question.must_include.every((s) => o.answer.toLowerCase().includes(s.toLowerCase()))

/**
 * A useful answer to an answerable question: not an abstention, a gold paragraph among those it
 * quotes (when the question has gold paragraphs), and every key fact shown.
 */
export const isUseful = (o: Outcome): boolean =>
  o.question.answerable &&
  !o.abstained &&
  (o.gold.size === 0 || o.cited.some((k) => o.gold.has(k))) &&
  includesAll(o)

export const answerMetrics = (outcomes: Outcome[]): AnswerMetrics => {
  const answerable = outcomes.filter((o) => o.question.answerable)
  const graded = withGold(outcomes)
  const cited = graded.filter((o) => o.cited.length > 0)
  const withMust = answerable.filter((o) => o.question.must_include.length > 0)
  const excerpts = outcomes.flatMap((o) => o.excerpts)
  const abstained = outcomes.filter((o) => o.abstained)
  const unanswerable = outcomes.filter((o) => !o.question.answerable)
  const goldShare = (o: Outcome, of: number) =>
    ratio(o.cited.filter((k) => o.gold.has(k)).length, of, 0)
  return {
    useful: ratio(answerable.filter(isUseful).length, answerable.length),
    citation_precision:
      cited.length === 0 ? 1 : mean(cited.map((o) => goldShare(o, o.cited.length))),
    citation_recall: mean(graded.map((o) => goldShare(o, o.gold.size))),
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

/** One threshold's effect: abstention precision and recall, and how many gold paragraphs reach it. */
export type CurvePoint = {
  relevance: number
  precision: number
  recall: number
  /** Share of answerable questions whose gold paragraph reaches the threshold. */
  reached: number
}

/** How a judged block's features are scored; by default, as the run scored them. */
export type Scorer = (features: RelevanceFeatures) => number

/**
 * Each relevance threshold's effect, had the threshold alone (with the names-and-figures rule)
 * decided: a question abstains when no judged block reaches it, and is answered from the right
 * paragraph when a gold one does. Meeting questions are answered from the masthead and left out.
 */
export const thresholdCurve = (
  outcomes: readonly Outcome[],
  score: Scorer,
  { from = 0.02, to = 0.6, step = 0.02 } = {}
): CurvePoint[] => {
  const judged = outcomes
    .filter((o) => o.question.category !== 'meeting')
    .map((o) => {
      const scored = o.judged.map((j) => ({ key: j.key, relevance: score(j.features) }))
      return {
        answerable: o.question.answerable,
        unknownName: o.unknownName,
        best: Math.max(0, ...scored.map((j) => j.relevance)),
        gold: Math.max(0, ...scored.filter((j) => o.gold.has(j.key)).map((j) => j.relevance)),
      }
    })
  const unanswerable = judged.filter((q) => !q.answerable)
  const answerable = judged.filter((q) => q.answerable)
  const points: CurvePoint[] = []
  for (let t = from; t <= to + 1e-9; t += step) {
    const relevance = Math.round(t * 1000) / 1000
    const abstains = (q: (typeof judged)[number]) => q.unknownName || q.best < relevance
    const reaches = (q: (typeof judged)[number]) => !q.unknownName && q.gold >= relevance
    const predicted = judged.filter(abstains)
    points.push({
      relevance,
      precision: ratio(predicted.filter((q) => !q.answerable).length, predicted.length),
      recall: ratio(unanswerable.filter(abstains).length, unanswerable.length),
      reached: ratio(answerable.filter(reaches).length, answerable.length),
    })
  }
  return points
}

/** The JSON report: exactly the documented keys. */
export const buildReport = (
  set: string,
  outcomes: Outcome[],
  policy: Record<string, number>,
  { dialogue = [], claims = [] }: { dialogue?: DialogueMetrics[]; claims?: ClaimMetrics[] } = {}
): EvalReport => {
  const { questions, retrievers, answer } = summarise(outcomes)
  const latencies = outcomes.map((o) => o.latencyMs)
  const idOf = (key: string) => key.slice(key.indexOf('#') + 1)
  const grouped = (key: (o: Outcome) => string) =>
    Object.fromEntries(groupOutcomes(outcomes, key).map(([k, os]) => [k, summarise(os)]))
  const score: Scorer = (f) => relevanceOf(PolicySchema.parse(policy), f)
  const curve = (split: string) =>
    thresholdCurve(
      outcomes.filter((o) => o.question.split === split),
      score
    )
  const tuning = curve('tune')
  return {
    set,
    questions,
    policy,
    retrievers,
    answer,
    latency_ms: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)) },
    by_split: grouped((o) => o.question.split),
    by_category: grouped((o) => o.question.category),
    by_record: grouped((o) => o.question.record ?? '(unnamed)'),
    threshold: {
      tuning,
      heldOut: curve('holdout'),
      inForce: policy.relevance ?? 0,
    },
    claims,
    dialogue,
    results: outcomes.map((o) => ({
      id: o.question.id,
      ranked: o.rankings.hybrid.map(idOf),
      cited: o.cited.map(idOf),
      abstained: o.abstained,
      useful: isUseful(o),
      answer: o.answer,
    })),
  }
}

const round = (x: number): number => Math.round(x * 100) / 100
