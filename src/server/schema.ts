// Shapes of the API's query strings and of the responses besides /api/ask.
import { z } from 'zod'
import { DialogueScopeSchema, ReplyStatusSchema } from '../dialogue/schema.ts'
import { MAX_K, MAX_QUESTION_LENGTH } from '../answer/schema.ts'
import { BlockSchema, RecordInfoSchema } from '../records/block.ts'
import { RETRIEVERS } from '../retrieve/search.ts'

export const SearchQuerySchema = z.object({
  q: z
    .string({ required_error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(MAX_QUESTION_LENGTH, `q must be at most ${MAX_QUESTION_LENGTH} characters`),
  k: z.coerce.number().int().min(1).max(MAX_K).default(10),
  mode: z.enum(RETRIEVERS).default('hybrid'),
  speaker: z.string().trim().min(1).max(200).optional(),
  record: z.string().trim().min(1).max(200).optional(),
})

export const SearchResponseSchema = z.object({
  query: z.string(),
  mode: z.enum(RETRIEVERS),
  results: z.array(BlockSchema.extend({ score: z.number(), citation: z.string() })),
})

export const ParagraphParamsSchema = z.object({
  record: z.string().min(1).max(200),
  n: z
    .string()
    .regex(
      /^(?:[1-9]\d{0,5}(?:\.[1-9]\d{0,3})?(?:-[1-9]\d{0,2})?|(?:heading|procedural)-[1-9]\d{0,5})$/,
      'must be a paragraph number ("17", "115.1") or a block id such as "heading-1"'
    ),
})

/** A permalink's highlighted passage: `?start=&end=`, character offsets into the paragraph. */
export const HighlightQuerySchema = z
  .object({
    start: z.coerce.number().int().min(0).max(1_000_000).optional(),
    end: z.coerce.number().int().min(1).max(1_000_000).optional(),
  })
  .refine((q) => (q.start === undefined) === (q.end === undefined), {
    message: 'give both start and end, or neither',
  })
  .refine((q) => q.start === undefined || q.end === undefined || q.start < q.end, {
    message: 'start must come before end',
  })

export const ParagraphResponseSchema = z.object({
  record: RecordInfoSchema,
  block: BlockSchema,
  citation: z.string(),
  previous: z.string().nullable(),
  next: z.string().nullable(),
})
export type ParagraphResponse = z.infer<typeof ParagraphResponseSchema>

export const RecordsResponseSchema = z.object({ records: z.array(RecordInfoSchema) })

export const HealthResponseSchema = z.object({
  /** `degraded` when something is wrong with what is served: the reasons are in `warnings`. */
  status: z.enum(['ok', 'degraded']),
  index: z.string(),
  records: z.number().int(),
  blocks: z.number().int(),
  /** Whether this server process answers with its chat model or extractively. */
  answers: z.enum(['extractive', 'generative']),
  /** The server process that answered: one of several sharing the port. */
  pid: z.number().int(),
  warnings: z.array(z.string()),
})

/** A record named in a route: its symbol, URL-encoded, or its slug. */
export const RecordParamsSchema = z.object({ record: z.string().min(1).max(200) })

/** How the dialogue map is asked for: narrowed by member, status and topic words; as JSON, Markdown or CSV. */
export const DialogueQuerySchema = z.object({
  format: z.enum(['json', 'md', 'csv']).default('json'),
  /** The record's own questions, or those of every record of its dialogue in the library. */
  scope: DialogueScopeSchema.default('record'),
  member: z.string().trim().min(1).max(200).optional(),
  status: ReplyStatusSchema.optional(),
  q: z.string().trim().min(1).max(500).optional(),
})
