// Eval sets: JSON Lines of questions with gold labels, validated line by line and resolved to blocks.
import { z } from 'zod'
import { RapporteurError } from '../errors.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { blockKey } from '../index/lexical.ts'
import type { Block } from '../records/block.ts'
import { normalizeForMatch } from '../text/normalize.ts'

export const EvalQuestionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().trim().min(1),
    answerable: z.boolean(),
    /** Paragraph numbers (17) or block ids ("17", "procedural-2"). */
    gold_paragraphs: z.array(z.union([z.number().int().positive(), z.string().min(1)])).default([]),
    /** Verbatim words from a block; each must match exactly one block. */
    gold_quotes: z.array(z.string().min(1)).default([]),
    /** Strings the answer text must contain, case-insensitively. */
    must_include: z.array(z.string().min(1)).default([]),
    category: z.string().min(1).default('uncategorised'),
    /** May be omitted when one record is indexed; `npm run eval` then asks the project's own record. */
    record: z.string().optional(),
    /** "tune" questions may be inspected while tuning; "holdout" ones are only reported. */
    split: z.enum(['tune', 'holdout']).default('tune'),
    /** For a follow-up: the earlier questions of the conversation, oldest first. */
    history: z.array(z.string().trim().min(1)).default([]),
  })
  .strip()
  .superRefine((q, ctx) => {
    const hasGold = q.gold_paragraphs.length + q.gold_quotes.length > 0
    // A question about the meeting itself may be answered by the cover alone: its must_include
    // strings are then its gold.
    if (q.answerable && !hasGold && q.must_include.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: 'an answerable question needs gold_paragraphs, gold_quotes or must_include',
      })
    if (!q.answerable && (hasGold || q.must_include.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        message: 'an unanswerable question takes no gold and no must_include',
      })
    }
  })
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>

/** A set that cannot be used: a malformed line, a duplicate id, a gold label that resolves to nothing. */
export class EvalSetError extends RapporteurError {
  constructor(message: string) {
    super(message, 'eval-set-invalid')
  }
}

/**
 * Reads JSON Lines of one schema, each line validated, ids unique; throws EvalSetError naming the
 * line of the first problem.
 */
export const parseJsonLines = <S extends z.ZodType<{ id: string }>>(
  text: string,
  name: string,
  schema: S
): z.output<S>[] => {
  const items: z.output<S>[] = []
  const ids = new Set<string>()
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    const where = `${name}:${i + 1}`
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch (error) {
      throw new EvalSetError(`${where}: not valid JSON (${(error as Error).message})`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue?.path.join('.')
      throw new EvalSetError(`${where}: ${path ? `${path}: ` : ''}${issue?.message}`)
    }
    if (ids.has(parsed.data.id)) throw new EvalSetError(`${where}: duplicate id ${parsed.data.id}`)
    ids.add(parsed.data.id)
    items.push(parsed.data)
  })
  if (items.length === 0) throw new EvalSetError(`${name}: the set has no questions`)
  return items
}

export const parseEvalSet = (text: string, name: string): EvalQuestion[] =>
  parseJsonLines(text, name, EvalQuestionSchema)

/**
 * Checks that no question id is in two of the sets run together: reports and comparisons between
 * runs key questions by id. Throws EvalSetError naming the id and both sets.
 */
export const assertIdsUnique = (
  sets: ReadonlyArray<{ name: string; questions: readonly { id: string }[] }>
): void => {
  const seen = new Map<string, string>()
  for (const { name, questions } of sets)
    for (const { id } of questions) {
      const other = seen.get(id)
      if (other !== undefined) throw new EvalSetError(`${name}: id ${id} is also in ${other}`)
      seen.set(id, name)
    }
}

/** The keys of a question's gold blocks; throws EvalSetError for a label that resolves to no block or to several. */
export const resolveGold = (question: EvalQuestion, index: SearchIndex): Set<string> => {
  const symbol =
    question.record ?? (index.records.length === 1 ? index.records[0]?.symbol : undefined)
  if (!symbol) throw new EvalSetError(`${question.id}: name a record; several are indexed`)
  const blocks = index.blocks.filter((b) => b.record === symbol)
  if (blocks.length === 0) throw new EvalSetError(`${question.id}: record ${symbol} is not indexed`)
  const gold = new Set<string>()
  for (const label of question.gold_paragraphs) {
    const block = blocks.find((b) => b.id === String(label))
    if (!block)
      throw new EvalSetError(`${question.id}: ${symbol} has no paragraph or block ${label}`)
    gold.add(blockKey(block))
  }
  for (const quote of question.gold_quotes)
    gold.add(blockKey(blockForQuote(question.id, quote, blocks)))
  return gold
}

const blockForQuote = (id: string, quote: string, blocks: Block[]): Block => {
  const wanted = normalizeForMatch(quote)
  const matches = blocks.filter((b) => normalizeForMatch(b.text).includes(wanted))
  if (matches.length === 1 && matches[0]) return matches[0]
  const found =
    matches.length === 0
      ? 'no block'
      : `${matches.length} blocks (${matches.map((b) => b.id).join(', ')})`
  throw new EvalSetError(`${id}: gold quote "${quote}" matches ${found}; it must match exactly one`)
}
