// The eval report's JSON shape (`npm run eval -- --json OUT`), shared by the harness, the CLI and tests.
import { z } from 'zod'
import { ClaimMetricsSchema } from './claims.ts'
import { DialogueMetricsSchema } from './dialogue.ts'

export const RetrievalMetricsSchema = z
  .object({
    'recall@1': z.number(),
    'recall@3': z.number(),
    'recall@5': z.number(),
    'mrr@10': z.number(),
    'ndcg@10': z.number(),
  })
  .strict()
export type RetrievalMetrics = z.infer<typeof RetrievalMetricsSchema>

export const AnswerMetricsSchema = z
  .object({
    /** Answerable questions answered usefully: a gold paragraph cited and every key fact shown. */
    useful: z.number(),
    citation_precision: z.number(),
    citation_recall: z.number(),
    must_include: z.number(),
    grounded: z.number(),
    abstention_precision: z.number(),
    abstention_recall: z.number(),
    answered_when_answerable: z.number(),
    /** Generative mode only: share of the model's claims whose citations verify. */
    faithfulness: z.number().optional(),
  })
  .strict()
export type AnswerMetrics = z.infer<typeof AnswerMetricsSchema>

export const RetrieversSchema = z
  .object({
    hybrid: RetrievalMetricsSchema,
    bm25: RetrievalMetricsSchema,
    dense: RetrievalMetricsSchema,
  })
  .strict()

export const SummarySchema = z
  .object({
    questions: z.number().int(),
    retrievers: RetrieversSchema,
    answer: AnswerMetricsSchema,
  })
  .strict()
export type Summary = z.infer<typeof SummarySchema>

export const QuestionResultSchema = z
  .object({
    id: z.string(),
    /** Hybrid ranking, block ids, best first. */
    ranked: z.array(z.string()),
    cited: z.array(z.string()),
    abstained: z.boolean(),
    useful: z.boolean(),
    answer: z.string(),
  })
  .strict()

const CurvePointSchema = z
  .object({
    relevance: z.number(),
    precision: z.number(),
    recall: z.number(),
    reached: z.number(),
  })
  .strict()

export const EvalReportSchema = z
  .object({
    set: z.string(),
    questions: z.number().int(),
    /** The policy the run answered with: every tuned number. */
    policy: z.record(z.string(), z.number()),
    retrievers: RetrieversSchema,
    answer: AnswerMetricsSchema,
    latency_ms: z.object({ p50: z.number(), p95: z.number() }).strict(),
    by_split: z.record(z.string(), SummarySchema),
    by_category: z.record(z.string(), SummarySchema),
    by_record: z.record(z.string(), SummarySchema),
    /**
     * Each relevance threshold's abstention precision and recall and the share of answerable
     * questions whose gold paragraph reaches it, on the tuning and the held-out split; the one in
     * force was chosen on the tuning split by `npm run eval -- --calibrate`.
     */
    threshold: z
      .object({
        tuning: z.array(CurvePointSchema),
        heldOut: z.array(CurvePointSchema),
        inForce: z.number(),
      })
      .strict(),
    /** The claim verifier on each labelled set: the share of each label and kind it accepts. */
    claims: z.array(ClaimMetricsSchema),
    /** The dialogue map against each gold map whose records are indexed. */
    dialogue: z.array(DialogueMetricsSchema),
    results: z.array(QuestionResultSchema),
  })
  .strict()
export type EvalReport = z.infer<typeof EvalReportSchema>

/** Metric floors kept in evals/thresholds.json; the quality test fails below any of them. */
export const ThresholdsSchema = z
  .object({
    retrievers: z.record(z.enum(['hybrid', 'bm25', 'dense']), RetrievalMetricsSchema.partial()),
    answer: AnswerMetricsSchema.partial(),
  })
  .strict()
export type Thresholds = z.infer<typeof ThresholdsSchema>
