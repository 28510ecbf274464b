// The block model: schemas for record metadata and parsed blocks, the shapes every other domain uses.
import { z } from 'zod'

export const ROLES = [
  'chair',
  'country_rapporteur',
  'committee_member',
  'state_delegation',
  'other',
] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair',
  country_rapporteur: 'Country Rapporteur',
  committee_member: 'Committee member',
  state_delegation: 'State delegation',
  other: 'Other',
}

/** The metadata sidecar (`records/<slug>.json`) that restores what the plain-text rendition lost. */
export const RecordMetaSchema = z.object({
  symbol: z.string().min(1),
  body: z.string().min(1),
  bodyAcronym: z.string().optional(),
  session: z.string().min(1),
  meeting: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
  time: z.string().optional(),
  place: z.string().min(1),
  chair: z.string().min(1),
  countryRapporteurs: z.array(z.string()).default([]),
  distributed: z.string().optional(),
  language: z.string().optional(),
  agendaItem: z.string().optional(),
  dialogue: z.string().optional(),
  state: z.string().optional(),
})
export type RecordMeta = z.infer<typeof RecordMetaSchema>

/** A record as served: its metadata plus the slug that names it in URLs and file names. */
export const RecordInfoSchema = RecordMetaSchema.extend({
  slug: z.string(),
  paragraphs: z.number().int(),
  blocks: z.number().int(),
})
export type RecordInfo = z.infer<typeof RecordInfoSchema>

export const BlockKindSchema = z.enum(['heading', 'procedural', 'paragraph'])
export type BlockKind = z.infer<typeof BlockKindSchema>

export const BlockSchema = z.object({
  /** Stable within the record: the paragraph number ("17"), or "heading-1", "procedural-2". */
  id: z.string(),
  record: z.string(),
  kind: BlockKindSchema,
  /** The official paragraph number; null for headings and procedural lines. */
  paragraph: z.number().int().positive().nullable(),
  /** Position among the record's blocks, from 0. */
  order: z.number().int().nonnegative(),
  text: z.string(),
  /** Who is speaking, or null for narration, headings and procedural lines. */
  speaker: z.string().nullable(),
  /** The speaker's main role; "other" for narration. */
  role: RoleSchema,
  /** Every role the speaker holds (the Chair may also be a country rapporteur). */
  roles: z.array(RoleSchema),
  /** True where the paragraph opens with its own attribution ("Ms. Dzumhur said that"). */
  turnStart: z.boolean(),
})
export type Block = z.infer<typeof BlockSchema>

/** A parsed record: metadata and its ordered blocks. */
export type ParsedRecord = { meta: RecordMeta; slug: string; blocks: Block[] }

/** The official citation form: "CMW/C/SR.593, para. 17" (or the block id for unnumbered blocks). */
export const citationFor = (block: Pick<Block, 'record' | 'paragraph' | 'id'>): string =>
  block.paragraph === null
    ? `${block.record}, ${block.id}`
    : `${block.record}, para. ${block.paragraph}`

/** URL- and file-safe name of a symbol: "CMW/C/SR.593" → "cmw-c-sr-593". */
export const slugFor = (symbol: string): string =>
  symbol
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
