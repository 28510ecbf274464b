// Readable answer text: each excerpt quoted verbatim, attributed to its speaker, with its citation; broad answers by side.
import type { Block } from '../records/block.ts'
import { ROLE_LABELS, citationFor } from '../records/block.ts'
import type { Excerpt } from './schema.ts'

/** "Ms. Dzumhur (Committee member)", "Ms. Diallo (Chair, Country Rapporteur)", or "The record". */
export const speakerLabel = (block: Pick<Block, 'speaker' | 'roles'>): string =>
  block.speaker === null
    ? 'The record'
    : `${block.speaker} (${block.roles.map((r) => ROLE_LABELS[r]).join(', ')})`

const excerptLine = ({ excerpt, block }: { excerpt: Excerpt; block: Block }): string =>
  `- ${speakerLabel(block)}: “${excerpt.text}” (${citationFor(block)})`

export type Quoted = { excerpt: Excerpt; block: Block }

/** A list of quotations under a heading line. */
export const formatQuotes = (heading: string, quotes: readonly Quoted[]): string =>
  [heading, ...quotes.map(excerptLine)].join('\n')

/** "Also mentioned in CMW/C/SR.593, paras 12, 36." */
export const formatAlso = (blocks: readonly Block[]): string | null => {
  if (blocks.length === 0) return null
  const byRecord = new Map<string, string[]>()
  for (const b of blocks)
    byRecord.set(b.record, [...(byRecord.get(b.record) ?? []), b.label ?? b.id])
  const parts = [...byRecord].map(
    ([record, labels]) => `${record}, ${labels.length > 1 ? 'paras' : 'para.'} ${labels.join(', ')}`
  )
  return `Also mentioned in ${parts.join('; ')}.`
}

export const formatAbstention = (
  question: string,
  reason: string,
  records: readonly string[]
): string => {
  const where = records.length === 1 ? `The record ${records[0]} does` : 'The indexed records do'
  return `${where} not appear to address “${question}”. ${reason}`
}

/** "A", "A and B", "A, B and C" (or "… or C"). */
export const listed = (items: readonly string[], conjunction: 'and' | 'or' = 'and'): string =>
  items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`

/** Where to read for a reply the map or the answer did not find: a line naming the paragraphs, if any. */
export const formatClosest = (cited: string): string =>
  cited ? `\nThe delegation's paragraphs closest to it: ${cited}.` : ''
