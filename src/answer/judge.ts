// Relevance: how closely each retrieved block, and each of its sentences, addresses the question; one scale, one threshold.
import { CURRENCY, NUMBER_WORDS, DURATION_UNITS, MONTHS } from '../language/english.ts'
import { recordBySymbol } from '../index/search-index.ts'
import type { Policy } from '../policy.ts'
import type { Block } from '../records/block.ts'
import { ASKING_ROLES } from '../records/roles.ts'
import { isRecommendation } from '../records/recommendation.ts'
import type { AnswerType, Question } from '../question/question.ts'
import { topicText } from '../question/question.ts'
import type { BlockSentence, Corpus } from '../retrieve/corpus.ts'
import type { QueryTerm } from '../retrieve/coverage.ts'
import { queryTerm, termMatch, weightedShare, withSentenceBefore } from '../retrieve/coverage.ts'
import type { RankedBlock } from '../retrieve/search.ts'
import { isRequest } from '../text/requests.ts'

/** One sentence of a judged block. */
export type JudgedSentence = {
  /** Its index among the block's sentences. */
  at: number
  text: string
  coverage: number
  similarity: number
  /** The policy's mix of its coverage (read with the sentence before it), and its similarity, in [0, 1]. */
  relevance: number
  /** It states the kind of thing the question asks for (a figure for "how many"). */
  fits: boolean
}

export type Judged = {
  block: Block
  /** The retriever's score. */
  retrieval: number
  /** Share of the question's weight its best-covering sentence (with the one before it) covers, in [0, 1]. */
  coverage: number
  /** Cosine similarity of its nearest sentence to the question. */
  similarity: number
  /** Share of the question's weight that no judged block matches at all. */
  absent: number
  /** 1 when the lexical and the dense ranking each put it first, else 0. */
  agreement: number
  /** The policy's calibrated mix of the two, in [0, 1]: what the one relevance threshold is applied to. */
  relevance: number
  sentences: JudgedSentence[]
}

export const cosine = (a: readonly number[], b: readonly number[]): number => {
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

const FIGURE = new RegExp(String.raw`\d|\b(?:${[...NUMBER_WORDS].join('|')})\b`, 'i')
const DATE = new RegExp(
  String.raw`\b(?:19|20)\d\d\b|\b\d{1,2}[.:]\d{2}\b|\b[ap]\.m\.|\b(?:${MONTHS.join('|')})\b`,
  'i'
)

/** A year, a span of years, or a day of a month: when something happened, not how many. */
const CALENDAR = new RegExp(
  String.raw`\b(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?\b|\b\d{1,2}\s+(?:${MONTHS.join('|')})\b|\b(?:${MONTHS.join('|')})\s+\d{1,2}\b`,
  'gi'
)

/**
 * Whether a sentence states what a question of this type asks for, beyond the figures the
 * question itself gives ("in 2024" in the question answers no "how many"); a count is no date
 * ("took effect in June 2014" says how many of nothing).
 */
export const fitsAnswerType = (text: string, type: AnswerType, question: Question): boolean => {
  const given = question.tokens.filter((t) => /\d/.test(t.word)).map((t) => t.word)
  const rest = given.reduce((t, figure) => t.split(figure).join(' '), text)
  if (type === 'number') return FIGURE.test(rest.replace(CALENDAR, ' '))
  if (type === 'amount') return FIGURE.test(rest.replace(CALENDAR, ' ')) && CURRENCY.test(rest)
  if (type === 'duration') return FIGURE.test(rest) && DURATION_UNITS.test(rest)
  if (type === 'time') return DATE.test(rest)
  return true
}

/**
 * What relevance is calibrated on, each in [0, 1]. Not the place in the fused ranking: the best
 * block of every question is first, so it says nothing about whether the record answers at all,
 * and a broad question's fifth paragraph addresses it as much as its first. Whether two rankers
 * that read the question differently agree on a block does say something.
 */
export type RelevanceFeatures = {
  coverage: number
  similarity: number
  absent: number
  agreement: number
}

/**
 * The chance that a block (or sentence) with these features addresses the question: a logistic
 * model whose weights are fitted on the tuning questions (`npm run eval -- --calibrate`).
 */
export const relevanceOf = (policy: Policy, f: RelevanceFeatures): number =>
  1 /
  (1 +
    Math.exp(
      -(
        policy.relevanceBias +
        policy.relevanceCoverage * f.coverage +
        policy.relevanceSimilarity * f.similarity +
        policy.relevanceAbsent * f.absent +
        policy.relevanceAgreement * f.agreement
      )
    ))

/**
 * Judges the best-ranked blocks: for each, and for each of its sentences, its coverage of the
 * question's terms and its similarity to the question in the sentence-vector space, mixed into one
 * calibrated relevance by the policy.
 */
export const judge = async (
  corpus: Corpus,
  question: Question,
  terms: readonly QueryTerm[],
  ranked: readonly RankedBlock[],
  {
    limit = corpus.policy.judged,
    absentAs,
  }: {
    /** How many of the best-ranked blocks are judged. */
    limit?: number
    /** The absent share of an earlier judging, for blocks judged on the same scale as its own. */
    absentAs?: number
  } = {}
): Promise<Judged[]> => {
  const { policy } = corpus
  const top = ranked.slice(0, limit)
  const text = topicText(question)
  const [vector, vectors] = await Promise.all([
    text ? corpus.index.embeddings.embedQuery(text) : Promise.resolve([]),
    Promise.all(top.map(({ block }) => corpus.sentenceVectors(block))),
  ])
  // The name of the State each block's record reviews, as a passage.
  const reviewed = top.map(({ block }) =>
    corpus.passage(recordBySymbol(corpus.index, block.record)?.state ?? '')
  )
  const matches = top.map(({ block }, i) => {
    // A recommendation is made to the State under review, which it need not name ("Ratify …").
    const addressed = question.recommendations && isRecommendation(block)
    const implied = terms.map(
      (t) => addressed && t.exact && termMatch(t, reviewed[i] ?? corpus.passage(''), corpus) > 0
    )
    return corpus
      .sentences(block)
      .map((s) => terms.map((t, k) => (implied[k] ? 1 : termMatch(t, s.words, corpus))))
  })
  // Words no judged passage matches, by the word or a near one ("smacking", "budget"): their
  // share of the question is a feature of its own, whether a paraphrase or what the record lacks.
  const found = terms.map((_, k) => matches.some((block) => block.some((m) => (m[k] ?? 0) > 0)))
  const absent = absentAs ?? (terms.length === 0 ? 0 : 1 - weightedShare(terms, found.map(Number)))
  const share = (m: readonly number[]) => weightedShare(terms, m)
  // A figure answers "How many Venezuelan nationals …" only in a sentence that names them.
  const counted =
    question.answerType === 'number'
      ? question.counts.map((t) => queryTerm(corpus, t.written, t.exact))
      : []
  // Each word of what is counted by a word of its own: "rate" is not the "unemployment" of
  // "unemployment rate", though the two sit close in vector space.
  const besides = (sentence: BlockSentence, others: readonly QueryTerm[]) =>
    others.length === 0
      ? sentence.words
      : corpus.passage(
          corpus
            .tokens(sentence.text)
            .filter((t) => !others.some((o) => corpus.stem(t.word) === o.stem))
            .map((t) => t.word)
            .join(' ')
        )
  // Read with the sentence before, as coverage is: "… social assistance centres. Many of the 106 centres …".
  const counts = (sentences: readonly BlockSentence[], at: number) =>
    counted.every((t, k) => {
      const others = counted.filter((_, j) => j !== k)
      return [sentences[at], sentences[at - 1]].some(
        (s) => s && termMatch(t, besides(s, others), corpus) > 0
      )
    })
  const figured =
    question.answerType === 'number' ||
    question.answerType === 'amount' ||
    question.answerType === 'duration' ||
    question.answerType === 'time'
  return top.map(({ block, score, agreed }, i) => {
    const agreement = agreed ? 1 : 0
    const own = matches[i] ?? []
    // Each sentence's coverage read with the one before it; a paragraph's ideas are not pooled
    // across it: "child" in one sentence and "labour" in another do not make child labour.
    const windowed = own.map((mine, at) =>
      terms.length === 0 ? 1 : share(withSentenceBefore(mine, own[at - 1]))
    )
    const blockSentences = corpus.sentences(block)
    // What a member or another State asks for ("would appreciate data on the number …") is not
    // given by their asking: a figure or a date is not read from a request (a name, who asked, is).
    const asks = figured && block.roles.some((r) => ASKING_ROLES.includes(r))
    // A figure or a date answers "How many consular offices does Mexico have in Canada?" only in
    // a sentence that names Canada, or after one that does; the State the record reviews need
    // not be named.
    const state = reviewed[i] ?? corpus.passage('')
    const names = terms.flatMap((t, k) =>
      figured && t.exact && !/\d/.test(t.word) && termMatch(t, state, corpus) === 0 ? [k] : []
    )
    const namesAll = (at: number) =>
      names.every((k) => (own[at]?.[k] ?? 0) > 0 || (own[at - 1]?.[k] ?? 0) > 0)
    const sentences = blockSentences.map((s, at): JudgedSentence => {
      const mine = own[at] ?? []
      const similarity = Math.max(
        0,
        vector.length === 0 ? 1 : cosine(vector, vectors[i]?.[at] ?? [])
      )
      const coverage = windowed[at] ?? 0
      return {
        at,
        text: s.text,
        coverage: terms.length === 0 ? 1 : share(mine),
        similarity,
        relevance: relevanceOf(policy, { coverage, similarity, absent, agreement }),
        fits:
          fitsAnswerType(s.text, question.answerType, question) &&
          counts(blockSentences, at) &&
          namesAll(at) &&
          !(asks && isRequest(s.text)),
      }
    })
    const coverage = Math.max(0, ...windowed)
    const similarity = Math.max(0, ...sentences.map((s) => s.similarity))
    return {
      block,
      retrieval: score,
      coverage,
      similarity,
      absent,
      agreement,
      relevance: relevanceOf(policy, { coverage, similarity, absent, agreement }),
      sentences,
    }
  })
}
