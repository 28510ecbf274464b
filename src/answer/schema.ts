// HTTP and CLI shapes of a question and its answer; routes, tests and evals import these.
import { z } from 'zod'
import { SIDES } from './sides.ts'
import { RoleSchema } from '../records/block.ts'

/** How many of the closest paragraphs an abstention, or a question with no reply, names. */
export const CLOSEST = 3

export const MAX_QUESTION_LENGTH = 1000
export const MAX_K = 50
export const MAX_HISTORY = 10

export const AskRequestSchema = z
  .object({
    question: z
      .string({
        required_error: 'question is required',
        invalid_type_error: 'question must be a string',
      })
      .trim()
      .min(1, 'question must not be empty')
      .max(MAX_QUESTION_LENGTH, `question must be at most ${MAX_QUESTION_LENGTH} characters`),
    k: z.number().int().min(1).max(MAX_K).default(5),
    speaker: z.string().trim().min(1).max(200).optional(),
    /** Restricts the question to one record: its symbol ("CMW/C/SR.593") or slug ("cmw-c-sr-593"). */
    record: z.string().trim().min(1).max(200).optional(),
    /**
     * `generative` (the default when a chat model is configured) or `extractive`; without a
     * model every answer is extractive.
     */
    mode: z.enum(['extractive', 'generative']).optional(),
    /**
     * The conversation so far, oldest first: the user's earlier questions as they asked them, each
     * with the record its answer cited, when it cited one. A question that cannot stand alone
     * follows up the last of them, in that record; the server keeps no state.
     */
    history: z
      .array(
        z
          .object({
            question: z.string().trim().min(1).max(MAX_QUESTION_LENGTH),
            record: z.string().trim().min(1).max(200).optional(),
          })
          .strip()
      )
      .max(MAX_HISTORY, `history holds at most ${MAX_HISTORY} turns`)
      .default([]),
  })
  .strip()
export type AskRequest = z.input<typeof AskRequestSchema>
export type AskQuery = z.output<typeof AskRequestSchema>

export const SideSchema = z.enum(SIDES)

export const ExcerptSchema = z.object({
  /** Verbatim: equal to the cited block's text sliced at [start, end). */
  text: z.string(),
  record: z.string(),
  paragraph: z.number().int().nullable(),
  /** The paragraph number as the record prints it ("17", "115.1"); null for unnumbered blocks. */
  label: z.string().nullable(),
  block: z.string(),
  speaker: z.string().nullable(),
  role: RoleSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number(),
  side: SideSchema,
})
export type Excerpt = z.infer<typeof ExcerptSchema>

/**
 * What kind of answer this is: a fact and what else the record says on it, every paragraph on a
 * topic by side, a reply and the question it answers, a speaker's contributions, the meeting's
 * own particulars, or an abstention.
 */
export const ANSWER_KINDS = [
  'factual',
  'broad',
  'reply',
  'speaker',
  'meeting',
  'dialogue',
  'abstained',
] as const
export const AnswerKindSchema = z.enum(ANSWER_KINDS)

export const RetrievedSchema = z.object({
  record: z.string(),
  block: z.string(),
  paragraph: z.number().int().nullable(),
  label: z.string().nullable(),
  score: z.number(),
})
export type Retrieved = z.infer<typeof RetrievedSchema>

/** What verification found in one sentence of a generated answer. */
export const SentenceVerdictSchema = z.object({
  text: z.string(),
  /**
   * `supported`: cites only paragraphs the model was given, its quotations are verbatim, and
   * what it says stands in them; `unsupported`: cites a paragraph the model was not given, or
   * says what the paragraphs it cites do not (a figure or name not there, too little of it
   * covered, a negation added or dropped, the other side's words); `misquoted`: a quotation is not
   * in the paragraphs it cites; `uncited`: a claim with no citation; `no_claim`: says the record
   * does not answer.
   */
  verdict: z.enum(['supported', 'unsupported', 'misquoted', 'uncited', 'no_claim']),
  /** The paragraphs it cites, as the record numbers them ("19", "115.1"). */
  citations: z.array(z.string()),
  reason: z.string().nullable(),
  /** For a claim checked against its paragraphs: the share of its content they cover. */
  score: z.number().min(0).max(1).optional(),
  /** …and its words they do not hold. */
  unmatched: z.array(z.string()).optional(),
})
export type SentenceVerdict = z.infer<typeof SentenceVerdictSchema>

export const VerificationSchema = z.object({
  /** `verified`: every claim supported; `partial`: some; `failed`: none. */
  overall: z.enum(['verified', 'partial', 'failed']),
  /** Share of the claims whose citations verify. */
  faithfulness: z.number().min(0).max(1),
  sentences: z.array(SentenceVerdictSchema),
})
export type Verification = z.infer<typeof VerificationSchema>

export const AskResponseSchema = z.object({
  question: z.string(),
  /** `extractive`: verbatim sentences; `generative`: a model's prose, verified. */
  mode: z.enum(['extractive', 'generative']),
  kind: AnswerKindSchema,
  answer: z.string(),
  abstained: z.boolean(),
  excerpts: z.array(ExcerptSchema),
  citations: z.array(z.string()),
  /** Further paragraphs that mention the topic without addressing it closely enough to quote. */
  alsoMentioned: z.array(z.string()),
  /**
   * For an abstention, or a question with no reply recorded: the paragraphs (for the latter, the
   * delegation's) that came closest, so the user can look for themselves.
   */
  closest: z.array(z.string()).max(CLOSEST),
  /** The question this one followed up, when it could not stand alone. */
  followsUp: z.string().nullable(),
  retrieved: z.array(RetrievedSchema),
  /** The model's text as it came, before unsupported sentences were removed (generative only). */
  generated: z.string().optional(),
  verification: VerificationSchema.optional(),
  /** Why a generative answer fell back to the extractive one. */
  fallback: z.string().optional(),
})
export type AskResponse = z.infer<typeof AskResponseSchema>

/** The chat stream takes what /api/ask takes; its final event is the /api/ask response. */
/** The chat stream's first event: how the question was read. */
export const QuestionEventSchema = z.object({
  /** The question this one follows up, when it cannot stand alone; null when it stands alone. */
  followsUp: z.string().nullable(),
})
export type QuestionEvent = z.infer<typeof QuestionEventSchema>

export const ChatRequestSchema = AskRequestSchema
export type ChatQuery = AskQuery
