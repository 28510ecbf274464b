// The optional metadata sidecar (`<name>.json` beside a record): overrides for what the document does not state, or states wrongly.
import { z } from 'zod'
import { isRealDate } from '../language/english.ts'
import type { Masthead } from './block.ts'
import { MastheadSchema } from './block.ts'

const date = z
  .string()
  .refine(isRealDate, 'must be a real date written YYYY-MM-DD, such as 2025-04-08')

/** Every masthead field, each optional; unknown fields are refused so that a misspelt one is noticed. */
export const SidecarSchema = MastheadSchema.extend({
  date: date.nullable(),
  distributed: date.nullable(),
  /** Older sidecars named one agenda item; it joins `agendaItems`. */
  agendaItem: z.string().min(1),
})
  .partial()
  .strict()
export type Sidecar = z.infer<typeof SidecarSchema>

/** The masthead fields a sidecar sets, or every problem with it at once. */
export const parseSidecar = (
  json: unknown
): { ok: true; fields: Partial<Masthead> } | { ok: false; problems: string[] } => {
  const parsed = SidecarSchema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
          : `${issue.path.join('.') || 'the sidecar'}: ${issue.message}`
      ),
    }
  }
  const { agendaItem, ...fields } = parsed.data
  if (agendaItem !== undefined) fields.agendaItems = [...(fields.agendaItems ?? []), agendaItem]
  return { ok: true, fields }
}
