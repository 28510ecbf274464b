// Measures the dialogue map against a gold map: questions found, links to replies, "no reply recorded", and each question's status.
import { z } from 'zod'
import type { DialogueMap, DialogueQuestion } from '../dialogue/schema.ts'
import { ReplyStatusSchema } from '../dialogue/schema.ts'
import { normalizeForMatch } from '../text/normalize.ts'
import { f1, ratio } from './metrics.ts'
import { parseJsonLines } from './set.ts'

/** One question of a gold map: where it is asked, by a verbatim quote, and where it is answered. */
export const DialogueGoldSchema = z.object({
  id: z.string().min(1),
  record: z.string().min(1),
  paragraph: z.string().min(1),
  quote: z.string().min(1),
  asked_by: z.string().min(1),
  replies: z.array(z.object({ record: z.string().min(1), paragraph: z.string().min(1) })),
  status: ReplyStatusSchema,
  note: z.string().optional(),
  split: z.enum(['tune', 'holdout']).default('tune'),
})
export type DialogueGold = z.infer<typeof DialogueGoldSchema>

export const parseDialogueGold = (text: string, name: string): DialogueGold[] =>
  parseJsonLines(text, name, DialogueGoldSchema)

export const DialogueMetricsSchema = z.object({
  set: z.string(),
  split: z.enum(['tune', 'holdout']),
  questions: z.number().int(),
  /** Gold questions the map found, and the map's questions that are gold. */
  question_recall: z.number(),
  question_precision: z.number(),
  link_precision: z.number(),
  link_recall: z.number(),
  no_reply_precision: z.number(),
  no_reply_recall: z.number(),
  /** Share of gold questions found with the right status. */
  status_accuracy: z.number(),
  /** Of the gold questions with a reply (answered or partly) that the map leaves with none, the share whose closest paragraphs hold a true reply. */
  closest_recall: z.number(),
  /** How many gold questions with a reply the map leaves with none: what `closest_recall` is of. */
  missed: z.number().int(),
})
export type DialogueMetrics = z.infer<typeof DialogueMetricsSchema>

const linkKey = (record: string, label: string | null) => `${record}#${label ?? ''}`

/** The map's question that a gold question names: same record and paragraph, and the quote in it. */
const findQuestion = (
  gold: DialogueGold,
  questions: readonly DialogueQuestion[]
): DialogueQuestion | undefined => {
  const quote = normalizeForMatch(gold.quote)
  return questions.find(
    (q) =>
      q.record === gold.record &&
      q.label === gold.paragraph &&
      normalizeForMatch(q.excerpt.text).includes(quote)
  )
}

/** Scores the map of every record the gold set asks about; throws for a record not indexed. */
export const evaluateDialogue = async (
  mapOf: (record: string) => Promise<DialogueMap>,
  gold: readonly DialogueGold[],
  set: string
): Promise<DialogueMetrics> => {
  const records = [...new Set(gold.map((g) => g.record))]
  const predicted = (await Promise.all(records.map(mapOf))).flatMap((m) => m.questions)
  const pairs = gold.map((g) => ({ gold: g, found: findQuestion(g, predicted) }))
  const found = pairs.filter((p) => p.found)
  const matched = new Set(found.map((p) => p.found))
  let correctLinks = 0
  let predictedLinks = 0
  let goldLinks = 0
  for (const { gold: g, found: q } of pairs) {
    const want = new Set(g.replies.map((r) => linkKey(r.record, r.paragraph)))
    goldLinks += want.size
    if (!q) continue
    const got = new Set(q.replies.map((r) => linkKey(r.record, r.label)))
    predictedLinks += got.size
    correctLinks += [...got].filter((k) => want.has(k)).length
  }
  const saysNone = found.filter((p) => p.found?.status === 'no_reply')
  const missed = saysNone.filter((p) => p.gold.replies.length > 0)
  const pointed = missed.filter((p) =>
    p.found?.closest.some((c) =>
      p.gold.replies.some((r) => linkKey(r.record, r.paragraph) === linkKey(c.record, c.label))
    )
  )
  const isNone = pairs.filter((p) => p.gold.status === 'no_reply')
  return {
    set,
    split: gold[0]?.split ?? 'tune',
    questions: gold.length,
    question_recall: ratio(found.length, gold.length),
    question_precision: ratio(predicted.filter((q) => matched.has(q)).length, predicted.length),
    link_precision: ratio(correctLinks, predictedLinks),
    link_recall: ratio(correctLinks, goldLinks),
    no_reply_precision: ratio(
      saysNone.filter((p) => p.gold.status === 'no_reply').length,
      saysNone.length
    ),
    no_reply_recall: ratio(
      isNone.filter((p) => p.found?.status === 'no_reply').length,
      isNone.length
    ),
    status_accuracy: ratio(
      found.filter((p) => p.found?.status === p.gold.status).length,
      gold.length
    ),
    closest_recall: ratio(pointed.length, missed.length),
    missed: missed.length,
  }
}

/** Link F1: what the linker's thresholds are chosen by. */
export const linkF1 = (m: DialogueMetrics): number => f1(m.link_precision, m.link_recall)

/** The records a gold set asks about. */
export const goldRecords = (gold: readonly DialogueGold[]): string[] => [
  ...new Set(gold.flatMap((g) => [g.record, ...g.replies.map((r) => r.record)])),
]
