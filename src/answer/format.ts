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

/**
 * Why nothing is cited: the question's words no paragraph contains, or no close enough match;
 * among the paragraphs of one speaker when the question or request names one.
 */
export const unmatchedReason = (missing: string[], speaker?: string): string => {
  const paragraphs = speaker ? `paragraph by “${speaker}”` : 'paragraph'
  return missing.length > 0
    ? `No ${paragraphs} mentions ${missing.map((w) => `“${w}”`).join(' or ')}.`
    : `No ${paragraphs} matches it closely enough to cite.`
}

export const formatAbstention = (question: string, reason: string, records: string[]): string => {
  const where = records.length === 1 ? `The record ${records[0]}` : 'The indexed records'
  return `${where} does not appear to address “${question}”. ${reason}`
}
