// The readable eval report: held-out figures first, then tuning; categories, records, the relevance threshold's curve, failures.
import type { CalibrationPoint } from './calibrate.ts'
import type { ClaimMetrics } from './claims.ts'
import type { DialogueMetrics } from './dialogue.ts'
import type { RetrieverName } from '../retrieve/search.ts'
import { RETRIEVERS } from '../retrieve/search.ts'
import { escapeCell } from './escape.ts'
import type { Outcome } from './run.ts'
import { groupOutcomes, includesAll, isUseful, summarise } from './run.ts'
import type { EvalReport, RetrievalMetrics } from './schema.ts'

const f3 = (x: number) => x.toFixed(3)
const RETRIEVAL_KEYS: (keyof RetrievalMetrics)[] = [
  'recall@1',
  'recall@3',
  'recall@5',
  'mrr@10',
  'ndcg@10',
]

const table = (header: string[], rows: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')

const retrieverTable = (retrievers: Record<RetrieverName, RetrievalMetrics>) =>
  table(
    ['metric', ...RETRIEVERS],
    RETRIEVAL_KEYS.map((m) => [m, ...RETRIEVERS.map((r) => f3(retrievers[r][m]))])
  )

/** One row per group; a metric the group cannot measure (no answerable question, say) shows "–". */
const summaryRows = (groups: [string, Outcome[]][]) =>
  table(
    [
      'group',
      'questions',
      'useful',
      'hybrid r@1',
      'hybrid mrr@10',
      'bm25 mrr@10',
      'cit. precision',
      'cit. recall',
      'must_include',
      'grounded',
      'abst. precision',
      'abst. recall',
      'answered',
    ],
    groups.map(([name, outcomes]) => {
      const s = summarise(outcomes)
      const answerable = outcomes.some((o) => o.question.answerable)
      const graded = outcomes.some((o) => o.question.answerable && o.gold.size > 0)
      const when = (applies: boolean, x: number) => (applies ? f3(x) : '–')
      return [
        name,
        String(s.questions),
        when(answerable, s.answer.useful),
        when(graded, s.retrievers.hybrid['recall@1']),
        when(graded, s.retrievers.hybrid['mrr@10']),
        when(graded, s.retrievers.bm25['mrr@10']),
        when(
          outcomes.some((o) => o.question.answerable && o.cited.length > 0),
          s.answer.citation_precision
        ),
        when(graded, s.answer.citation_recall),
        when(
          outcomes.some((o) => o.question.must_include.length > 0),
          s.answer.must_include
        ),
        when(
          outcomes.some((o) => o.excerpts.length > 0),
          s.answer.grounded
        ),
        when(
          outcomes.some((o) => o.abstained),
          s.answer.abstention_precision
        ),
        when(
          outcomes.some((o) => !o.question.answerable),
          s.answer.abstention_recall
        ),
        when(answerable, s.answer.answered_when_answerable),
      ]
    })
  )

/** Why a question counts as a failure, or null. */
export const failureOf = (o: Outcome): string | null => {
  if (!o.question.answerable) return o.abstained ? null : 'answered an unanswerable question'
  if (o.abstained) return 'abstained on an answerable question'
  if (isUseful(o) && !o.excerpts.some((e) => !e.grounded)) return null
  const reasons: string[] = []
  if (o.gold.size > 0 && !o.cited.some((k) => o.gold.has(k)))
    reasons.push('no gold paragraph quoted')
  if (!includesAll(o)) reasons.push('answer lacks a key fact (must_include)')
  if (o.excerpts.some((e) => !e.grounded)) reasons.push('excerpt not verbatim at its offsets')
  return reasons.join('; ') || 'not useful'
}

const idOf = (key: string) => key.slice(key.indexOf('#') + 1)

export type MarkdownInput = {
  report: EvalReport
  outcomes: Outcome[]
  chart: string
  generatedAt: string
}

export const renderMarkdown = ({ report, outcomes, chart, generatedAt }: MarkdownInput): string => {
  const failures = outcomes.flatMap((o) => {
    const reason = failureOf(o)
    if (!reason) return []
    const expected = o.question.answerable
      ? `${[...o.gold].map(idOf).join(', ') || 'the cover'}${o.question.must_include.length ? ` with ${o.question.must_include.map((s) => `“${s}”`).join(', ')}` : ''}`
      : 'abstain'
    const got = o.abstained
      ? `abstained (best relevance ${f3(o.relevance)})`
      : `quoted ${o.cited.map(idOf).join(', ') || '(none)'}; top 5: ${o.rankings.hybrid.slice(0, 5).map(idOf).join(', ')}`
    return [
      [
        o.question.id,
        o.question.split,
        escapeCell(o.question.question),
        escapeCell(expected),
        escapeCell(got),
        reason,
      ],
    ]
  })
  const heldOut = outcomes.filter((o) => o.question.split === 'holdout')
  const { tuning, heldOut: heldOutCurve, inForce } = report.threshold
  return [
    `# Eval report: ${report.set}`,
    '',
    `Generated ${generatedAt} · ${report.questions} questions (${outcomes.filter((o) => o.question.answerable).length} answerable; ${heldOut.length} held out) · latency p50 ${report.latency_ms.p50} ms, p95 ${report.latency_ms.p95} ms per answer.`,
    '',
    '## Held out and tuning',
    '',
    'Held-out questions were written by someone who had not seen the system, and never used for tuning.',
    '',
    summaryRows(
      groupOutcomes(outcomes, (o) => (o.question.split === 'holdout' ? 'held out' : 'tuning'))
    ),
    '',
    '## By category, held out',
    '',
    heldOut.length === 0
      ? 'No held-out questions.'
      : summaryRows(groupOutcomes(heldOut, (o) => o.question.category)),
    '',
    '## By category, all',
    '',
    summaryRows(groupOutcomes(outcomes, (o) => o.question.category)),
    '',
    '## By record and split',
    '',
    summaryRows(
      groupOutcomes(outcomes, (o) => `${o.question.record ?? '(unnamed)'} · ${o.question.split}`)
    ),
    '',
    '## Retrieval (questions with gold paragraphs)',
    '',
    retrieverTable(report.retrievers),
    '',
    `![recall@k per retriever](${chart})`,
    '',
    '## The relevance threshold',
    '',
    `Had the threshold alone decided (with the names-and-figures rule): abstention precision and recall, and the share of answerable questions whose gold paragraph reaches it. In force (chosen on the tuning split by \`npm run eval -- --calibrate\`): ${inForce}.`,
    '',
    table(
      [
        'relevance',
        'tuning: precision',
        'recall',
        'reached',
        'held out: precision',
        'recall',
        'reached',
      ],
      tuning.map((p, i) => {
        const h = heldOutCurve[i]
        return [
          p.relevance === inForce ? `**${p.relevance}**` : String(p.relevance),
          f3(p.precision),
          f3(p.recall),
          f3(p.reached),
          ...(h ? [f3(h.precision), f3(h.recall), f3(h.reached)] : ['–', '–', '–']),
        ]
      })
    ),
    '',
    '## Generated claims checked against what they cite',
    '',
    report.claims.length === 0
      ? 'No labelled claims.'
      : `Each labelled sentence verified as a model's answer citing one paragraph (every numbered paragraph of its record given): the share the verifier accepts. True paraphrases should be accepted; distortions and inventions refused.\n\n${claimsTable(report.claims)}`,
    '',
    '## Dialogue map',
    '',
    report.dialogue.length === 0
      ? 'No gold map whose records are indexed.'
      : `Each gold map's questions found (by paragraph and quote), links from questions to the paragraphs that reply, "no reply recorded" as the positive class, and the share of gold questions found with the right status (answered, partly, no reply).\n\n${dialogueTable(report.dialogue)}`,
    '',
    '## Policy',
    '',
    '```json',
    JSON.stringify(report.policy, null, 2),
    '```',
    '',
    `## Failures (${failures.length})`,
    '',
    failures.length === 0
      ? 'None.'
      : table(['id', 'split', 'question', 'expected', 'got', 'why'], failures),
    '',
  ].join('\n')
}

/** The calibration sweep, the chosen threshold in bold. */
export const calibrationTable = (points: readonly CalibrationPoint[], chosen: number): string =>
  table(
    ['relevance', 'useful', 'abst. precision', 'abst. recall', 'wrong', 'utility', '± s.e.'],
    points.map((p) => [
      p.relevance === chosen ? `**${p.relevance}**` : String(p.relevance),
      f3(p.useful),
      f3(p.precision),
      f3(p.recall),
      f3(p.wrong),
      f3(p.utility),
      f3(p.error),
    ])
  )

/** The dialogue map against the gold maps, held out first. */
export const dialogueTable = (metrics: readonly DialogueMetrics[]): string =>
  table(
    [
      'gold map',
      'split',
      'questions',
      'found',
      'question precision',
      'link precision',
      'link recall',
      'no reply precision',
      'no reply recall',
      'status accuracy',
      'true reply among the closest, when none is linked',
    ],
    [...metrics]
      .sort((a, b) => (a.split === b.split ? 0 : a.split === 'holdout' ? -1 : 1))
      .map((m) => [
        m.set,
        m.split === 'holdout' ? 'held out' : 'tuning',
        String(m.questions),
        f3(m.question_recall),
        f3(m.question_precision),
        f3(m.link_precision),
        f3(m.link_recall),
        f3(m.no_reply_precision),
        f3(m.no_reply_recall),
        f3(m.status_accuracy),
        `${Math.round(m.closest_recall * m.missed)} of ${m.missed} (${f3(m.closest_recall)})`,
      ])
  )

/** Acceptance by label and kind of distortion, held out first. */
export const claimsTable = (metrics: readonly ClaimMetrics[]): string => {
  const keys = [...new Set(metrics.flatMap((m) => Object.keys(m.accepted)))].sort()
  return table(
    [
      'accepted',
      ...metrics.map((m) => `${m.split === 'holdout' ? 'held out' : 'tuning'} (${m.claims})`),
    ],
    keys.map((k) => [
      k,
      ...metrics.map((m) => {
        const a = m.accepted[k]
        return a ? `${f3(a.accepted)} of ${a.claims}` : '–'
      }),
    ])
  )
}
