// Plain-text account of how a record was read: masthead, numbering, headings, speakers, warnings.
import type { Masthead, ParsedRecord, RecordInfo } from '../records/block.ts'
import { ROLE_LABELS } from '../records/block.ts'

/** The masthead fields a record states, in the order a cover prints them. */
const MASTHEAD_FIELDS: [keyof Masthead, string][] = [
  ['body', 'body'],
  ['session', 'session'],
  ['recordKind', 'kind'],
  ['meeting', 'meeting'],
  ['part', 'part'],
  ['access', 'access'],
  ['date', 'date'],
  ['time', 'time'],
  ['place', 'place'],
  ['chair', 'chair'],
  ['temporaryChair', 'temporary chair'],
  ['laterChairs', 'later'],
  ['distributed', 'distributed'],
  ['language', 'language'],
  ['originalLanguage', 'original'],
  ['state', 'State'],
]

type Readable = Pick<
  ParsedRecord,
  'meta' | 'file' | 'format' | 'numbering' | 'roster' | 'warnings'
> & {
  paragraphs: { label: string | null }[]
  headings: number
  procedural: number
}

/** A parsed record as the account needs it. */
export const readableOf = (record: ParsedRecord): Readable => ({
  ...record,
  paragraphs: record.blocks.filter((b) => b.kind === 'paragraph'),
  headings: record.blocks.filter((b) => b.kind === 'heading').length,
  procedural: record.blocks.filter((b) => b.kind === 'procedural').length,
})

export const formatRecord = (record: Readable): string => {
  const { meta } = record
  const stated = MASTHEAD_FIELDS.flatMap(([key, name]) => {
    const value = meta[key]
    if (value === null || (Array.isArray(value) && value.length === 0)) return []
    return [`${name} ${Array.isArray(value) ? value.join(', ') : String(value)}`]
  })
  const labels = record.paragraphs.map((p) => p.label)
  const main = labels.filter((l) => l !== null && !l.includes('.'))
  const range = main.length > 0 ? ` (${main[0]}–${main.at(-1)})` : ''
  const sub = labels.length - main.length
  const speakers = record.roster
    .map(
      (r) =>
        `${r.speaker} (${r.roles.map((role) => ROLE_LABELS[role]).join(', ')}${r.state && r.speaker !== r.state ? `, ${r.state}` : ''})`
    )
    .join('; ')
  return [
    `${record.file} → ${meta.symbol} (${record.format})`,
    `  masthead: ${stated.join('; ') || '(none stated)'}`,
    ...(meta.agendaItems.length > 0 ? [`  agenda: ${meta.agendaItems.join(' | ')}`] : []),
    `  numbering: ${record.numbering === 'printed' ? 'as printed' : 'recounted'}, ${main.length} paragraphs${range}${sub > 0 ? ` and ${sub} numbered items within them` : ''}; ${record.headings} headings; ${record.procedural} unnumbered lines`,
    `  speakers (${record.roster.length}): ${speakers || '(none)'}`,
    ...record.warnings.map((w) => `  warning: ${w}`),
  ].join('\n')
}

/** One line for a record in an index: symbol, file, paragraphs and numbering. */
export const recordSummary = (r: RecordInfo): string =>
  `${r.symbol}: ${r.file} (${r.format}), ${r.paragraphs} paragraphs, numbers ${r.numbering === 'printed' ? 'as printed' : 'recounted'}, ${r.roster.length} speakers`
