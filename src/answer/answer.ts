// Extractive answers: the sentences that answer a question, verbatim, cited, or an honest abstention.
import { InvalidRequestError } from '../errors.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { Block } from '../records/block.ts'
import { citationFor } from '../records/block.ts'
import type { RankedBlock } from '../retrieve/search.ts'
import { search } from '../retrieve/search.ts'
import { speakerFilter } from '../retrieve/speaker.ts'
import { splitSentences } from '../text/sentences.ts'
import type { QueryTerm } from './evidence.ts'
import { coverage, passageWords, queryTerms, termMatch, unknownNames } from './evidence.ts'
import { formatAbstention, formatAnswer } from './format.ts'
import type { AskQuery, AskResponse, Excerpt } from './schema.ts'

export type AnswerOptions = {
  /** Below this share of the question's weight covered by the best paragraph, abstain. */
  minCoverage?: number
  /** Most sentences to quote. */
  maxExcerpts?: number
  /** A further sentence must score at least this share of the best one. */
  secondRatio?: number
}

type Candidate = { block: Block; start: number; end: number; score: number }

/** Scores every sentence of the retrieved blocks against the question. */
const scoreSentences = async (
  index: SearchIndex,
  question: string,
  ranked: RankedBlock[],
  terms: QueryTerm[]
): Promise<Candidate[]> => {
  const sentences = ranked.flatMap(({ block }, rank) =>
    splitSentences(block.text).map(({ start, end }) => ({
      block,
      rank,
      start,
      end,
      text: block.text.slice(start, end),
    }))
  )
  const [queryVector, vectors] = await Promise.all([
    index.embeddings.embedQuery(question),
    index.embeddings.embedDocuments(sentences.map((s) => s.text)),
  ])
  return sentences.map(({ block, rank, start, end, text }, i) => {
    const lexical = coverage(terms, passageWords(text, index.vectors), index.vectors)
    const cosine = cosineSimilarity(queryVector, vectors[i] ?? [])
    const prior = 1 / (1 + rank)
    return { block, start, end, score: 0.6 * lexical + 0.3 * Math.max(0, cosine) + 0.1 * prior }
  })
}

const cosineSimilarity = (a: number[], b: number[]): number => {
  let dot = 0
  let na = 0
  let nb = 0
  for (let d = 0; d < a.length; d++) {
    dot += (a[d] ?? 0) * (b[d] ?? 0)
    na += (a[d] ?? 0) ** 2
    nb += (b[d] ?? 0) ** 2
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0
}

/** Picks the best sentence and, when nearly as good, one more that is not a repeat of it. */
const selectSentences = (candidates: Candidate[], max: number, ratio: number): Candidate[] => {
  const sorted = [...candidates].sort((a, b) => b.score - a.score)
  const best = sorted[0]
  if (!best) return []
  const chosen = [best]
  for (const c of sorted.slice(1)) {
    if (chosen.length >= max || c.score < ratio * best.score) break
    chosen.push(c)
  }
  // Reading order makes a question-and-reply pair read as it happened.
  return chosen.sort((a, b) => a.block.order - b.block.order || a.start - b.start)
}

/** Answers a question from the index. Throws InvalidRequestError for a speaker nobody matches. */
export const ask = async (
  index: SearchIndex,
  { question, k, speaker }: AskQuery,
  { minCoverage = 0.5, maxExcerpts = 2, secondRatio = 0.85 }: AnswerOptions = {}
): Promise<AskResponse> => {
  if (speaker && !index.blocks.some(speakerFilter(speaker))) {
    throw new InvalidRequestError(`no speaker or role in the indexed records matches "${speaker}"`)
  }
  const ranked = await search(index, question, { k, speaker })
  const retrieved = ranked.map(({ block, score }) => ({
    record: block.record,
    block: block.id,
    paragraph: block.paragraph,
    score,
  }))
  const terms = queryTerms(question, index.terms, index.vectors)
  const blockCoverage = ranked.map(({ block }) =>
    coverage(terms, passageWords(block.text, index.vectors), index.vectors)
  )
  const records = index.records.map((r) => r.symbol)
  const names = unknownNames(terms, index.terms)
  if (terms.length === 0 || names.length > 0 || Math.max(0, ...blockCoverage) < minCoverage) {
    const missing =
      names.length > 0
        ? names.map((t) => t.word)
        : terms
            .filter((t) =>
              ranked.every(
                ({ block }) =>
                  termMatch(t, passageWords(block.text, index.vectors), index.vectors) === 0
              )
            )
            .map((t) => t.word)
    return {
      question,
      answer: formatAbstention(question, missing, records),
      abstained: true,
      excerpts: [],
      citations: [],
      retrieved,
    }
  }
  const chosen = selectSentences(
    await scoreSentences(index, question, ranked, terms),
    maxExcerpts,
    secondRatio
  )
  const excerpts: { excerpt: Excerpt; block: Block }[] = chosen.map(
    ({ block, start, end, score }) => ({
      block,
      excerpt: {
        text: block.text.slice(start, end),
        record: block.record,
        paragraph: block.paragraph,
        block: block.id,
        speaker: block.speaker,
        role: block.role,
        start,
        end,
        score: Math.round(score * 1000) / 1000,
      },
    })
  )
  return {
    question,
    answer: formatAnswer(excerpts),
    abstained: false,
    excerpts: excerpts.map((e) => e.excerpt),
    citations: [...new Set(excerpts.map((e) => citationFor(e.block)))],
    retrieved,
  }
}
