// Request validation with zod: a failure becomes a ValidationError that app.onError turns into a 400.
import type { z } from 'zod'
import { InvalidRequestError } from '../errors.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { findBlock, findRecord, neighboursOf } from '../index/search-index.ts'
import { HighlightQuerySchema, ParagraphParamsSchema } from './schema.ts'

export class ValidationError extends InvalidRequestError {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[]
  ) {
    super(message)
  }
}

export const validate = <S extends z.ZodTypeAny>(
  schema: S,
  value: unknown,
  what: string
): z.output<S> => {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.join('.') || '(root)',
    message: i.message,
  }))
  const summary = issues
    .map((i) => (i.path === '(root)' ? i.message : `${i.path}: ${i.message}`))
    .join('; ')
  throw new ValidationError(`invalid ${what}: ${summary}`, issues)
}

/** A paragraph reference from route params (`:record`, `:n`), resolved to the block and its neighbours. */
export const paragraphFromParams = (index: SearchIndex, params: Record<string, string>) => {
  const { record: name, n } = validate(ParagraphParamsSchema, params, 'paragraph reference')
  const record = findRecord(index, name)
  const block = findBlock(index, record, n)
  return { record, block, ...neighboursOf(index, block) }
}

/** A permalink's highlighted passage, checked against the paragraph's length; null for none. */
export const highlightFromQuery = (
  query: Record<string, string>,
  text: string
): { start: number; end: number } | null => {
  const { start, end } = validate(HighlightQuerySchema, query, 'highlight')
  if (start === undefined || end === undefined) return null
  if (end > text.length)
    throw new ValidationError(
      `invalid highlight: end ${end} is past the paragraph's ${text.length} characters`,
      [{ path: 'end', message: `at most ${text.length}` }]
    )
  return { start, end }
}
