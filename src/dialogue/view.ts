// What a reader of the map narrows it to (member, status, topic words), and the map as Markdown and CSV for a report's footnotes.
import { listed } from '../answer/format.ts'
import { InvalidRequestError } from '../errors.ts'
import { normalizeForMatch } from '../text/normalize.ts'
import type { DialogueMap, DialogueQuestion, DialogueScope, ReplyStatus } from './schema.ts'

export type DialogueFilter = {
  member?: string
  status?: ReplyStatus
  q?: string
  scope?: DialogueScope
}

export const STATUS_LABELS: Record<ReplyStatus, string> = {
  answered: 'answered',
  partly: 'partly answered',
  no_reply: 'no reply recorded',
}

/** Who asked the map's questions, in the order they first asked. */
export const askersOf = (map: DialogueMap): string[] => [
  ...new Set(map.questions.flatMap((question) => question.speaker ?? [])),
]

/**
 * The questions asked by `member` (any part of the name), with `status`, mentioning every word of
 * `q`. A member who asked nothing in the map is a bad filter, not an empty answer: it throws,
 * naming those who did.
 */
export const filterQuestions = (
  map: DialogueMap,
  { member, status, q }: DialogueFilter
): DialogueQuestion[] => {
  const who = member ? normalizeForMatch(member).toLowerCase() : null
  const askers = askersOf(map)
  if (who && !askers.some((a) => normalizeForMatch(a).toLowerCase().includes(who)))
    throw new InvalidRequestError(
      `no member who asked a question in ${map.records.join(', ')} matches "${member}"; those who did: ${askers.join(', ') || 'none'}`
    )
  const words = q ? normalizeForMatch(q).toLowerCase().split(' ').filter(Boolean) : []
  return map.questions.filter((question) => {
    if (status && question.status !== status) return false
    if (
      who &&
      !normalizeForMatch(question.speaker ?? '')
        .toLowerCase()
        .includes(who)
    )
      return false
    const text = normalizeForMatch(
      [question.excerpt.text, ...question.replies.map((r) => r.excerpt.text)].join(' ')
    ).toLowerCase()
    return words.every((w) => text.includes(w))
  })
}

/** What a map is of: a record, or the dialogue of its records. */
export const title = (map: DialogueMap): string =>
  map.scope === 'dialogue' ? `the dialogue of ${listed(map.records)}` : map.record

/** Where the map's judgement holds: "in CMW/C/SR.593" or "in A and B". */
export const coverage = (map: DialogueMap): string => `in ${listed(map.records)}`

const COLUMNS = [
  'question',
  'asked by',
  'citation',
  'status',
  'reply citations',
  'reply excerpt',
  'closest paragraphs',
]

const rowOf = (q: DialogueQuestion): string[] => [
  q.excerpt.text,
  q.speaker ?? '',
  q.citation,
  STATUS_LABELS[q.status],
  q.replies.map((r) => r.citation).join('; '),
  q.replies.map((r) => r.excerpt.text).join(' … '),
  q.closest.map((c) => c.citation).join('; '),
]

/** RFC 4180: every field quoted, quotes doubled, CRLF between rows. */
export const dialogueCsv = (questions: readonly DialogueQuestion[]): string =>
  [COLUMNS, ...questions.map(rowOf)]
    .map((row) => row.map((field) => `"${field.replace(/"/g, '""')}"`).join(','))
    .join('\r\n')
    .concat('\r\n')

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ')

/** What a reader must know before citing the map: how replies are found, and what that misses. */
export const LINKING_CAVEAT =
  'A reply may lie in a meeting that is not in the library. Replies are linked by what they share with the question, which misses many: read the delegation’s paragraphs before citing “no reply recorded”.'

export const dialogueMarkdown = (
  map: DialogueMap,
  questions: readonly DialogueQuestion[]
): string =>
  [
    `# Dialogue map: ${title(map)}`,
    '',
    `${map.counts.questions} questions ${coverage(map)}: ${map.counts.answered} answered, ${map.counts.partly} partly answered, ${map.counts.no_reply} with no reply recorded.`,
    '',
    LINKING_CAVEAT,
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...questions.map((q) => `| ${rowOf(q).map(cell).join(' | ')} |`),
    '',
  ].join('\n')
