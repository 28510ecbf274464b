// Links each question to the delegation's paragraphs that reply to it: what share of the question a reply's passage covers, after the question was put.
import { standingExcerpt } from '../answer/excerpt.ts'
import { cosine } from '../answer/judge.ts'
import { CLOSEST } from '../answer/schema.ts'
import type { Block } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import { termMatch, weightedShare, withSentenceBefore } from '../retrieve/coverage.ts'
import type { ReplyStatus } from './schema.ts'
import type { AskedQuestion } from './questions.ts'

export type Reply = { block: Block; score: number; start: number; end: number }
/**
 * A question, its replies, and for one with none the delegation's paragraphs after it that came
 * closest (best first), where a reply in other words than the question's may be.
 */
export type Linked = {
  question: AskedQuestion
  status: ReplyStatus
  replies: Reply[]
  closest: Block[]
}

/** The thresholds the linker works with, from the policy. */
export type LinkPolicy = {
  replySimilarity: number
  replyLink: number
  replyShare: number
  replyRatio: number
  replyAnswered: number
  replyDecay: number
  repliesMax: number
}

/** Where blocks stand in a dialogue: their order, and the exchanges between a question and a reply. */
export type Placement = {
  position: (block: Block) => number
  exchangesBetween: (asked: Block, reply: Block) => number
}

/**
 * How well a block replies to a question: the best share of the question's weight one of its
 * sentences covers, read with the sentence before it, and the per-term matches of that passage.
 */
const replyTo = (
  corpus: Corpus,
  question: AskedQuestion,
  block: Block,
  vectors: readonly number[][],
  similarityShare: number
) => {
  const matches = corpus
    .sentences(block)
    .map((s) => question.terms.map((t) => termMatch(t, s.words, corpus)))
  let best = { score: 0, at: 0, matches: [] as number[] }
  for (const [at, own] of matches.entries()) {
    const before = matches[at - 1]
    const windowed = withSentenceBefore(own, before)
    const similarity = Math.max(0, cosine(question.vector, vectors[at] ?? []))
    const score =
      (1 - similarityShare) * weightedShare(question.terms, windowed) + similarityShare * similarity
    if (score > best.score) best = { score, at, matches: windowed }
  }
  return best
}

/**
 * Links each question to the replies among the keys of `vectors` (the delegation's blocks of its
 * dialogue, each with its sentences' vectors in the dialogue's own embedding)
 * that come after it, cover at least `replyLink` of it, and answer it nearly as well as they answer
 * any question put before them (`replyShare` of their best): a reply paragraph is about the
 * questions it covers best, not every question that shares its words; and score at least
 * `replyRatio` of the question's best reply. Each exchange of the dialogue
 * between question and reply scales the reply's score by `replyDecay`. A question is answered when
 * its replies together cover `replyAnswered` of it, partly answered when they cover less, and has
 * no reply recorded when none qualifies.
 */
export const linkReplies = (
  corpus: Corpus,
  questions: readonly AskedQuestion[],
  vectors: ReadonlyMap<Block, number[][]>,
  { position, exchangesBetween }: Placement,
  {
    replyLink,
    replyShare,
    replyRatio,
    replyAnswered,
    replyDecay,
    repliesMax,
    replySimilarity,
  }: LinkPolicy
): Linked[] => {
  const answering = [...vectors.keys()]
  const scores = questions.map((question) => {
    const asked = position(question.block)
    return new Map(
      answering
        .filter((b) => position(b) > asked)
        .map((block) => {
          const reply = replyTo(corpus, question, block, vectors.get(block) ?? [], replySimilarity)
          const decay = replyDecay ** exchangesBetween(question.block, block)
          return [block, { ...reply, score: reply.score * decay }] as const
        })
    )
  })
  // What each reply answers best, among the questions put before it.
  const best = new Map<Block, number>()
  for (const byBlock of scores)
    for (const [block, r] of byBlock) best.set(block, Math.max(best.get(block) ?? 0, r.score))
  return questions.map((question, i) => {
    const candidates = [...(scores[i] ?? new Map())].map(([block, r]) => ({ block, ...r }))
    const eligible = candidates.filter(
      (r) => r.score >= replyLink && r.score >= replyShare * (best.get(r.block) ?? 0)
    )
    // The ratio is to the best reply the question has, so that it only ever drops further ones.
    const top = Math.max(0, ...eligible.map((r) => r.score))
    const scored = eligible
      .filter((r) => r.score >= replyRatio * top)
      .sort((a, b) => b.score - a.score)
      .slice(0, repliesMax)
    if (scored.length === 0) {
      const closest = candidates
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, CLOSEST)
        .map((r) => r.block)
      return { question, status: 'no_reply', replies: [], closest }
    }
    const together = question.terms.map((_, k) => Math.max(...scored.map((r) => r.matches[k] ?? 0)))
    const status: ReplyStatus =
      weightedShare(question.terms, together) >= replyAnswered ? 'answered' : 'partly'
    const replies = scored
      .sort((a, b) => position(a.block) - position(b.block))
      .map(({ block, score, at }) => {
        const { start, end } = standingExcerpt(corpus, block, at, score)
        return { block, score: Math.round(score * 1000) / 1000, start, end }
      })
    return { question, status, replies, closest: [] }
  })
}
