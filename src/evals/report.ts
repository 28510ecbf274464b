// The readable eval report: side-by-side retriever table, answer metrics, splits, categories, failures.
import type { RetrieverName } from '../retrieve/search.ts'
import { RETRIEVERS } from '../retrieve/search.ts'
import { escapeCell } from './escape.ts'
import type { Outcome } from './run.ts'
import { groupOutcomes, includesAll, summarise } from './run.ts'
import type { EvalReport, RetrievalMetrics, Summary } from './schema.ts'

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

const answerTable = (summary: Summary) =>
  table(
    ['metric', 'value'],
    Object.entries(summary.answer).map(([k, v]) => [k, v === undefined ? '–' : f3(v)])
  )

/** One row per group; a metric the group cannot measure (no answerable question, say) shows "–". */
const summaryRows = (groups: [string, Outcome[]][]) =>
  table(
    [
      'group',
      'questions',
      'hybrid r@1',
      'hybrid r@5',
      'hybrid mrr@10',
      'bm25 mrr@10',
      'cit. precision',
      'cit. recall',
      'must_include',
      'abst. precision',
      'abst. recall',
      'answered',
    ],
    groups.map(([name, outcomes]) => {
      const s = summarise(outcomes)
      const answerable = outcomes.some((o) => o.question.answerable)
      const when = (applies: boolean, x: number) => (applies ? f3(x) : '–')
      return [
        name,
        String(s.questions),
        when(answerable, s.retrievers.hybrid['recall@1']),
        when(answerable, s.retrievers.hybrid['recall@5']),
        when(answerable, s.retrievers.hybrid['mrr@10']),
        when(answerable, s.retrievers.bm25['mrr@10']),
        when(
          outcomes.some((o) => o.question.answerable && o.cited.length > 0),
          s.answer.citation_precision
        ),
        when(answerable, s.answer.citation_recall),
        when(
          outcomes.some((o) => o.question.must_include.length > 0),
          s.answer.must_include
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
  const reasons: string[] = []
  if (!o.rankings.hybrid.slice(0, 5).some((k) => o.gold.has(k)))
    reasons.push('no gold block in hybrid top 5')
  if (o.cited.some((k) => !o.gold.has(k))) reasons.push('cited a non-gold block')
  if (!includesAll(o)) reasons.push('answer lacks a must_include string')
  if (o.excerpts.some((e) => !e.grounded)) reasons.push('excerpt not verbatim at its offsets')
  return reasons.length > 0 ? reasons.join('; ') : null
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
      ? `${[...o.gold].map(idOf).join(', ')}${o.question.must_include.length ? ` incl. ${o.question.must_include.map((s) => `“${s}”`).join(', ')}` : ''}`
      : 'abstain'
    const got = o.abstained
      ? 'abstained'
      : `cited ${o.cited.map(idOf).join(', ') || '(none)'}; top 5: ${o.rankings.hybrid.slice(0, 5).map(idOf).join(', ')}`
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
  return [
    `# Eval report: ${report.set}`,
    '',
    `Generated ${generatedAt} · ${report.questions} questions (${outcomes.filter((o) => o.question.answerable).length} answerable) · latency p50 ${report.latency_ms.p50} ms, p95 ${report.latency_ms.p95} ms per answer.`,
    '',
    '## Retrieval (answerable questions)',
    '',
    retrieverTable(report.retrievers),
    '',
    `![recall@k per retriever](${chart})`,
    '',
    '## Answers',
    '',
    answerTable(report),
    '',
    '## Tuning split and held-out split',
    '',
    'Held-out questions were never inspected while the method was tuned.',
    '',
    summaryRows(groupOutcomes(outcomes, (o) => o.question.split)),
    '',
    '## By category',
    '',
    summaryRows(groupOutcomes(outcomes, (o) => o.question.category)),
    '',
    `## Failures (${failures.length})`,
    '',
    failures.length === 0
      ? 'None.'
      : table(['id', 'split', 'question', 'expected', 'got', 'why'], failures),
    '',
  ].join('\n')
}
