// The eval report's JSON shape (`npm run eval -- --json OUT`), shared by the harness, the CLI and tests.
import { z } from 'zod'

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
    answer: z.string(),
  })
  .strict()

export const EvalReportSchema = z
  .object({
    set: z.string(),
    questions: z.number().int(),
    retrievers: RetrieversSchema,
    answer: AnswerMetricsSchema,
    latency_ms: z.object({ p50: z.number(), p95: z.number() }).strict(),
    by_category: z.record(z.string(), SummarySchema),
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
