// The block model: schemas for a record's masthead, its roster and its parsed blocks, the shapes every other domain uses.
import { z } from 'zod'
import { SOURCE_FORMATS } from '../ingest/source.ts'

import { ROLES } from './roles.ts'

export { ROLES, ROLE_LABELS } from './roles.ts'
export type { Role } from './roles.ts'
export const RoleSchema = z.enum(ROLES)

export const RECORD_KINDS = ['summary record', 'partial summary record', 'report'] as const

/** What a record's cover says about it; every field but the symbol may be missing from a document. */
export const MastheadSchema = z.object({
  symbol: z.string().min(1),
  body: z.string().nullable(),
  bodyAcronym: z.string().nullable(),
  session: z.string().nullable(),
  /** "593rd meeting". */
  meeting: z.string().nullable(),
  meetingNumber: z.number().int().positive().nullable(),
  recordKind: z.enum(RECORD_KINDS).nullable(),
  /** "Summary record of the first part (public) …". */
  part: z.enum(['first', 'second', 'third']).nullable(),
  access: z.enum(['public', 'closed']).nullable(),
  /** The meeting's date, YYYY-MM-DD. */
  date: z.string().nullable(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  /** A temporary or acting chair named on the cover before the Chair. */
  temporaryChair: z.string().nullable(),
  /** "later: Mr. Y (Vice-Chair)". */
  laterChairs: z.array(z.string()),
  countryRapporteurs: z.array(z.string()),
  /** The distribution date, YYYY-MM-DD. */
  distributed: z.string().nullable(),
  /** The language of this version, where the cover prints it apart from the original's. */
  language: z.string().nullable(),
  originalLanguage: z.string().nullable(),
  agendaItems: z.array(z.string()),
  /** The dialogue heading: "Fourth periodic report of Mexico (continued) (CMW/C/MEX/4)". */
  dialogue: z.string().nullable(),
  /** The State under review. */
  state: z.string().nullable(),
})
export type Masthead = z.infer<typeof MastheadSchema>

/** A masthead that states nothing but its symbol. */
export const blankMasthead = <S extends string | null>(
  symbol: S
): Omit<Masthead, 'symbol'> & { symbol: S } => ({
  symbol,
  body: null,
  bodyAcronym: null,
  session: null,
  meeting: null,
  meetingNumber: null,
  recordKind: null,
  part: null,
  access: null,
  date: null,
  time: null,
  place: null,
  chair: null,
  temporaryChair: null,
  laterChairs: [],
  countryRapporteurs: [],
  distributed: null,
  language: null,
  originalLanguage: null,
  agendaItems: [],
  dialogue: null,
  state: null,
})

/** One speaker of a record, in the roles the record gives them. */
export const RosterEntrySchema = z.object({
  speaker: z.string(),
  roles: z.array(RoleSchema),
  /** The State a delegate speaks for, or the State itself. */
  state: z.string().nullable(),
  /** A title printed with the name: "Country Rapporteur", "Rapporteur", "Secretary of the Committee". */
  title: z.string().nullable(),
  paragraphs: z.number().int(),
})
export type RosterEntry = z.infer<typeof RosterEntrySchema>

/** How a record's paragraph numbers were found: as the document prints them, or recounted. */
export const NumberingSchema = z.enum(['printed', 'recounted'])
export type Numbering = z.infer<typeof NumberingSchema>

/** A record as served: its masthead, how it was read, and who speaks in it. */
export const RecordInfoSchema = MastheadSchema.extend({
  slug: z.string(),
  /** The file in the records directory it was read from. */
  file: z.string(),
  format: z.enum(SOURCE_FORMATS),
  numbering: NumberingSchema,
  paragraphs: z.number().int(),
  blocks: z.number().int(),
  roster: z.array(RosterEntrySchema),
  /** What reading it noticed: numbering gaps, repeated numbers, pages read as columns. */
  warnings: z.array(z.string()),
})
export type RecordInfo = z.infer<typeof RecordInfoSchema>

export const BlockKindSchema = z.enum(['heading', 'procedural', 'paragraph'])
export type BlockKind = z.infer<typeof BlockKindSchema>

export const BlockSchema = z.object({
  /** Stable within the record: the paragraph's label ("17", "115.1"), or "heading-1", "procedural-2". */
  id: z.string(),
  record: z.string(),
  kind: BlockKindSchema,
  /** The official paragraph number (115 for "115.1"); null for headings and procedural lines. */
  paragraph: z.number().int().positive().nullable(),
  /** The number as the record prints it ("17", "115.1"); null for headings and procedural lines. */
  label: z.string().nullable(),
  /** Position among the record's blocks, from 0. */
  order: z.number().int().nonnegative(),
  text: z.string(),
  /** Who is speaking, or null for narration, headings and procedural lines. */
  speaker: z.string().nullable(),
  /** The speaker's main role; "other" for narration. */
  role: RoleSchema,
  /** Every role the speaker holds (the Chair may also be a country rapporteur). */
  roles: z.array(RoleSchema),
  /** The State a delegate speaks for, or the State speaking; null otherwise. */
  state: z.string().nullable(),
  /** True where the paragraph opens with its own attribution ("Ms. Dzumhur said that"). */
  turnStart: z.boolean(),
})
export type Block = z.infer<typeof BlockSchema>

/** A parsed record: its masthead, how it was read, and its ordered blocks. */
export type ParsedRecord = {
  meta: Masthead
  slug: string
  file: string
  format: RecordInfo['format']
  numbering: Numbering
  roster: RosterEntry[]
  warnings: string[]
  blocks: Block[]
}

export { citationFor, shortCitation } from './citation.ts'

/** URL- and file-safe name of a symbol: "CMW/C/SR.593" → "cmw-c-sr-593". */
export const slugFor = (symbol: string): string =>
  symbol
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
