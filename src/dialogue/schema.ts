// The dialogue map's shape: the Committee's questions, each with the delegation's replies or "no reply recorded"; zod is the source of truth.
import { z } from 'zod'
import { RoleSchema } from '../records/block.ts'

export const REPLY_STATUSES = ['answered', 'partly', 'no_reply'] as const
export const ReplyStatusSchema = z.enum(REPLY_STATUSES)
export type ReplyStatus = z.infer<typeof ReplyStatusSchema>

/** A verbatim passage of a block: `text` is the block's `text.slice(start, end)`. */
const PassageSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
})

const BlockRefSchema = z.object({
  record: z.string(),
  block: z.string(),
  paragraph: z.number().int().nullable(),
  label: z.string().nullable(),
  citation: z.string(),
  speaker: z.string().nullable(),
  role: RoleSchema,
})

export const DialogueReplySchema = BlockRefSchema.extend({
  /** Share of the question's weight the reply's best passage covers, in [0, 1]. */
  score: z.number(),
  /** The reply's sentences that bear on the question. */
  excerpt: PassageSchema,
})
export type DialogueReply = z.infer<typeof DialogueReplySchema>

export const DialogueQuestionSchema = BlockRefSchema.extend({
  /** `<record>#<block>.<sentence>`: stable for one reading of the record. */
  id: z.string(),
  /** The question as asked, standing on its own (with the sentence it leans on). */
  excerpt: PassageSchema,
  /** Its heaviest words, what it is about. */
  topic: z.array(z.string()),
  status: ReplyStatusSchema,
  replies: z.array(DialogueReplySchema),
  /**
   * With no reply recorded, the delegation's paragraphs after the question that came closest,
   * best first: where to read for a reply in other words than the question's.
   */
  closest: z.array(BlockRefSchema),
})
export type DialogueQuestion = z.infer<typeof DialogueQuestionSchema>

export const DIALOGUE_SCOPES = ['record', 'dialogue'] as const
export const DialogueScopeSchema = z.enum(DIALOGUE_SCOPES)
export type DialogueScope = z.infer<typeof DialogueScopeSchema>

export const DialogueMapSchema = z.object({
  /** The record asked about. */
  record: z.string(),
  /** The questions asked in that record, or in every record of its dialogue in the library. */
  scope: DialogueScopeSchema,
  /** The records of its dialogue that are in the library, in order: the judgement covers these only. */
  records: z.array(z.string()),
  counts: z.object({
    questions: z.number().int(),
    answered: z.number().int(),
    partly: z.number().int(),
    no_reply: z.number().int(),
  }),
  questions: z.array(DialogueQuestionSchema),
})
export type DialogueMap = z.infer<typeof DialogueMapSchema>
