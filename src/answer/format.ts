// Readable answer text: each excerpt quoted verbatim, attributed to its speaker, with its citation inline.
import type { Block } from '../records/block.ts'
import { ROLE_LABELS, citationFor } from '../records/block.ts'
import type { Excerpt } from './schema.ts'

/** "Ms. Dzumhur (Committee member)", "Ms. Diallo (Chair, Country Rapporteur)", or "The record". */
export const speakerLabel = (block: Pick<Block, 'speaker' | 'roles'>): string =>
  block.speaker === null
    ? 'The record'
    : `${block.speaker} (${block.roles.map((r) => ROLE_LABELS[r]).join(', ')})`

export const formatAnswer = (excerpts: { excerpt: Excerpt; block: Block }[]): string =>
  [
    'According to the summary record:',
    ...excerpts.map(
      ({ excerpt, block }) => `- ${speakerLabel(block)}: “${excerpt.text}” (${citationFor(block)})`
    ),
  ].join('\n')

export const formatAbstention = (
  question: string,
  missing: string[],
  records: string[]
): string => {
  const where = records.length === 1 ? `The record ${records[0]}` : 'The indexed records'
  const detail =
    missing.length > 0
      ? ` No paragraph mentions ${missing.map((w) => `“${w}”`).join(' or ')}.`
      : ' No paragraph matches it closely enough to cite.'
  return `${where} does not appear to address “${question}”.${detail}`
}
