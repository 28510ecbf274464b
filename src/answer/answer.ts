// Extractive answers: the sentences that answer a question, verbatim, cited, or an honest abstention.
import type { Embeddings } from '@langchain/core/embeddings'
import { cachePerOwner } from '../bounded-cache.ts'
import { InvalidRequestError } from '../errors.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { recordFilter } from '../index/search-index.ts'
import type { Block } from '../records/block.ts'
import { citationFor } from '../records/block.ts'
import type { AnswerType, QueryAnalysis } from '../retrieve/query.ts'
import { analyseQuery } from '../retrieve/query.ts'
import type { RankedBlock } from '../retrieve/search.ts'
import { search } from '../retrieve/search.ts'
import { speakerBlocks } from '../retrieve/speaker.ts'
import type { WordVectors } from '../index/vectors.ts'
import { splitSentences } from '../text/sentences.ts'
import { tokenize } from '../text/tokenize.ts'
import type { QueryTerm } from '../retrieve/evidence.ts'
import {
  blockSentences,
  blockWords,
  compoundTopic,
  countedTerm,
  coverage,
  passageWords,
  queryTerms,
  statesCompound,
  termMatch,
  unknownNames,
  weightedShare,
} from '../retrieve/evidence.ts'
import { excerptOf } from './excerpt.ts'
import { formatAbstention, formatAnswer, unmatchedReason } from './format.ts'
import type { AskQuery, AskResponse, Excerpt, Retrieved } from './schema.ts'

export type AnswerOptions = {
  /** Below this share of the question's weight covered by the best paragraph, abstain. */
  minCoverage?: number
  /** Most sentences to quote. */
  maxExcerpts?: number
  /** A further sentence must score at least this share of the best one. */
  secondRatio?: number
  /**
   * How many of the best-ranked blocks are read for sentences to quote: the rest stay in
   * `retrieved` (on the eval set, no answer changed between 5 and 10).
   */
  quoteFrom?: number
}

type Candidate = {
  block: Block
  start: number
  end: number
  score: number
  covers: Set<string>
  /** Whether the sentence states the kind of thing the question asks for (a figure, a date). */
  fits: boolean
}

// A figure on its own: not the digits of a name such as "3x1 Programme" or "COVID-19", not a
// reference ("general comment No. 6", "article 27"), and not a year ("between 2018 and 2023" dates
// a request; it counts nothing).
const NUMBER =
  /(?<![\p{L}\d‑-])(?<!\b(?:Nos?\.|articles?|rules?|paragraphs?)\s)(?!(?:19|20)\d\d(?![\d,.]\d))\d(?:[\d,.]*\d)?(?![\p{L}\d])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen|half|double|doubled|twice)\b/iu
// Every figure of a text, in order (matchAll works on a copy, so one instance serves every call).
const NUMBERS = new RegExp(NUMBER.source, 'giu')
// What NUMBER needs at the least, without its look-arounds: a sentence without it is settled
// several times faster, and most sentences are.
const MAYBE_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen|half|double|doubled|twice)\b/i

const hasFigure = (text: string): boolean => MAYBE_NUMBER.test(text) && NUMBER.test(text)
const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)[\s-]+(?:hours?|days?|weeks?|months?|years?)\b/i
const TIME =
  /\b\d{1,2}[.:]\d{2}\b|\b[ap]\.m\.|\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\bsince\b/

/** A sentence giving a figure must score at least this share of the best sentence. */
const FIGURE_RATIO = 0.8

/** The kinds of answer that a sentence must state to answer at all, and what each is called. */
const FIGURE_NAMES = { number: 'figure', duration: 'period', time: 'date or time' } as const

const wantsFigure = (type: AnswerType): type is keyof typeof FIGURE_NAMES => type in FIGURE_NAMES

/**
 * A test of whether a sentence holds the kind of thing the question asks for, beyond the figures
 * the question itself names ("in 2024" in the question is not an answer to "how many"); made once
 * per question.
 */
const answerTypeTest = (
  type: AnswerType,
  question: string,
  counted: QueryTerm | undefined,
  vectors: WordVectors
): ((text: string) => boolean) => {
  if (!wantsFigure(type)) return () => false
  const given = tokenize(question)
    .filter(({ word }) => /\d/.test(word))
    .map(({ word }) => new RegExp(String.raw`(?<![\p{L}\p{N}])${word}(?![\p{L}\p{N}])`, 'giu'))
  return (text) => {
    const rest = given.reduce((t, figure) => t.replace(figure, ' '), text)
    if (type !== 'number') return (type === 'duration' ? DURATION : TIME).test(rest)
    return counted ? quantifies(rest, counted, vectors) : hasFigure(rest)
  }
}

/** Words either side of a figure that may name what it counts: "three migrant integration centres". */
const COUNT_REACH = 5

/**
 * Whether a figure in the text counts the thing asked about: "How many victims …" is answered by
 * "115 victims" or "the number of victims … was 115", not by "two deceased" or "in 28 states".
 */
const quantifies = (text: string, counted: QueryTerm, vectors: WordVectors): boolean => {
  // Most sentences do not name the thing counted, or give no figure: settled before any word is.
  if (termMatch(counted, passageWords(text, vectors), vectors) === 0 || !hasFigure(text)) {
    return false
  }
  const tokens = tokenize(text)
  const names = (from: number, to: number) =>
    tokens
      .slice(Math.max(0, from), to)
      .some((t) => termMatch(counted, passageWords(t.word, vectors), vectors) > 0)
  const numberOf = tokens.some(
    ({ word }, i) => word === 'number' && tokens[i + 1]?.word === 'of' && names(i + 2, i + 6)
  )
  if (numberOf) return true
  for (const figure of text.matchAll(NUMBERS)) {
    const at = tokens.findIndex((t) => t.end > figure.index)
    if (names(at - COUNT_REACH, at + COUNT_REACH + 1)) return true
  }
  return false
}

/** Scores every sentence of the retrieved blocks against the question. */
const scoreSentences = async (
  index: SearchIndex,
  question: string,
  ranked: RankedBlock[],
  terms: QueryTerm[],
  fitsType: (text: string) => boolean
): Promise<Candidate[]> => {
  const [queryVector, blockVectors] = await Promise.all([
    index.embeddings.embedQuery(question),
    Promise.all(ranked.map(({ block }) => embedSentences(index, block))),
  ])
  return ranked.flatMap(({ block }, rank) => {
    // A sentence matches a term no better than its block does: a term the block lacks is not looked for.
    const inBlock = terms.map((t) => termMatch(t, blockWords(block, index.vectors), index.vectors))
    return blockSentences(block, index.vectors).map(({ start, end, text, words }, i) => {
      const matches = terms.map((t, j) =>
        inBlock[j] === 0 ? 0 : termMatch(t, words, index.vectors)
      )
      const lexical = weightedShare(terms, matches)
      const cosine = cosineSimilarity(queryVector, blockVectors[rank]?.[i] ?? [])
      const prior = 1 / (1 + rank)
      const fits = fitsType(text)
      return {
        block,
        start,
        end,
        fits,
        score: 0.6 * lexical + 0.3 * Math.max(0, cosine) + 0.1 * prior + (fits ? 0.1 : 0),
        // The terms the sentence states in the question's own words (or their word family).
        covers: new Set(terms.filter((_, t) => (matches[t] ?? 0) >= 0.9).map((t) => t.stem)),
      }
    })
  })
}

// A block's sentences are embedded once: the same blocks come back for question after question.
const sentenceVectors = cachePerOwner<Embeddings, Block, Promise<number[][]>>(100_000)

const embedSentences = (index: SearchIndex, block: Block): Promise<number[][]> =>
  sentenceVectors(index.embeddings).get(block, () =>
    index.embeddings.embedDocuments(blockSentences(block, index.vectors).map((s) => s.text))
  )

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

const isDelegation = (block: Block) => block.roles.includes('state_delegation')

/**
 * Picks the best sentence, then further ones only where they earn their place: in an exchange, the
 * best sentence from the other side; otherwise one nearly as good that covers a term the chosen
 * ones do not. Reading order makes a question and its reply read as they happened.
 */
const selectSentences = (
  candidates: Candidate[],
  exchange: boolean,
  max: number,
  ratio: number
): Candidate[] => {
  const sorted = [...candidates].sort((a, b) => b.score - a.score)
  const best = sorted[0]
  if (!best) return []
  const chosen = [best]
  if (exchange) {
    const other = sorted.find((c) => isDelegation(c.block) !== isDelegation(best.block))
    if (other && other.score >= 0.5 * best.score) chosen.push(other)
  } else {
    const covered = new Set(best.covers)
    for (const c of sorted.slice(1)) {
      if (chosen.length >= max || c.score < ratio * best.score) break
      if (![...c.covers].some((t) => !covered.has(t))) continue
      chosen.push(c)
      for (const t of c.covers) covered.add(t)
    }
  }
  return chosen.sort((a, b) => a.block.order - b.block.order || a.start - b.start)
}

/**
 * For "What did Ms. Dzumhur ask?": the opening sentence of each of the speaker's paragraphs in the
 * order retrieval gave them (reading order, or from the end for "her closing remarks").
 */
const speakerOpenings = (ranked: RankedBlock[], max: number): Candidate[] =>
  ranked
    .slice(0, max)
    .sort((a, b) => a.block.order - b.block.order)
    .flatMap(({ block, score }) => {
      const first = splitSentences(block.text)[0]
      return first
        ? [
            {
              block,
              start: first.start,
              end: first.end,
              score,
              covers: new Set<string>(),
              fits: false,
            },
          ]
        : []
    })

/** The first stage of an answer: what the question is taken to mean and the blocks retrieved for it. */
export type Retrieval = {
  question: string
  analysis: QueryAnalysis
  /** The content terms of the question's topic. */
  terms: QueryTerm[]
  /** The speaker filter in force: the request's, or the one the question names. */
  speaker: string | undefined
  ranked: RankedBlock[]
  retrieved: Retrieved[]
}

/** Retrieves for a question. Throws InvalidRequestError for a speaker nobody matches. */
export const retrieveFor = async (
  index: SearchIndex,
  { question, k, speaker, record: name }: AskQuery
): Promise<Retrieval> => {
  if (speaker && speakerBlocks(index.blocks, speaker).size === 0) {
    throw new InvalidRequestError(`no speaker or role in the indexed records matches "${speaker}"`)
  }
  const record = name === undefined ? undefined : recordFilter(index, name)
  const analysis = analyseQuery(index, question)
  const about = speaker ?? analysis.speaker ?? undefined
  const terms = queryTerms(analysis.topic, index.terms, index.vectors)
  const ranked = await search(index, question, { k, speaker: about, record, analysis, terms })
  const retrieved = ranked.map(({ block, score }) => ({
    record: block.record,
    block: block.id,
    paragraph: block.paragraph,
    label: block.label,
    score,
  }))
  return { question, analysis, terms, speaker: about, ranked, retrieved }
}

/** The second stage: the cited sentences, or an abstention, from what was retrieved. */
export const answerFrom = async (
  index: SearchIndex,
  { question, analysis, terms, speaker, ranked, retrieved }: Retrieval,
  { minCoverage = 0.33, maxExcerpts = 2, secondRatio = 0.85, quoteFrom = 5 }: AnswerOptions = {}
): Promise<AskResponse> => {
  const records = index.records.map((r) => r.symbol)
  const names = unknownNames(terms, index.terms)
  const compound = compoundTopic(analysis.topic, terms)
  // The compound the question is about ("death penalty") must be stated as one somewhere.
  const compoundStated =
    compound.length === 0 ||
    ranked.some(({ block }) => statesCompound(compound, block.text, index.vectors))
  const answers =
    compoundStated &&
    ranked.some(
      ({ block }) => coverage(terms, blockWords(block, index.vectors), index.vectors) >= minCoverage
    )
  const speakerOnly = terms.length === 0 && speaker !== undefined && ranked.length > 0
  const abstain = (reason: string): AskResponse => ({
    question,
    mode: 'extractive',
    answer: formatAbstention(question, reason, records),
    abstained: true,
    excerpts: [],
    citations: [],
    retrieved,
  })
  if (!speakerOnly && (terms.length === 0 || names.length > 0 || !answers)) {
    const unmatched = terms.filter((t) =>
      ranked.every(
        ({ block }) => termMatch(t, blockWords(block, index.vectors), index.vectors) === 0
      )
    )
    // Name what no paragraph has: a name, a word, or else the compound as the question puts it.
    const missing =
      names.length > 0
        ? names.map((t) => t.word)
        : unmatched.length > 0 || compoundStated
          ? unmatched.map((t) => t.word)
          : [compound.map((t) => t.word).join(' ')]
    return abstain(unmatchedReason(missing, speaker))
  }
  const answered = (chosen: Candidate[]) => answeredWith(question, retrieved, chosen)
  const { answerType } = analysis
  if (speakerOnly) {
    return answered(speakerOpenings(ranked, analysis.ordinal === null ? maxExcerpts : 1))
  }
  const fitsType = answerTypeTest(answerType, question, countedTerm(question, terms), index.vectors)
  const scored = await scoreSentences(index, question, ranked.slice(0, quoteFrom), terms, fitsType)
  // "How many …" is answered only by a sentence that gives a figure (of the thing counted), "when …"
  // by one that gives a date or time or is the record's own account of the meeting, nearly as close
  // to the question as the best sentence; a passage without one is no answer.
  const best = Math.max(0, ...scored.map((c) => c.score))
  const pool = wantsFigure(answerType)
    ? scored.filter(
        (c) =>
          c.score >= FIGURE_RATIO * best &&
          ((answerType === 'time' && c.block.speaker === null) || c.fits)
      )
    : scored
  if (pool.length === 0) {
    const wanted = wantsFigure(answerType) ? FIGURE_NAMES[answerType] : 'answer'
    return abstain(`The passages closest to it give no ${wanted} for it.`)
  }
  return answered(selectSentences(pool, analysis.exchange, maxExcerpts, secondRatio))
}

/** Answer text, excerpts and citations for the chosen sentences. */
const answeredWith = (
  question: string,
  retrieved: Retrieved[],
  chosen: Candidate[]
): AskResponse => {
  const excerpts: { excerpt: Excerpt; block: Block }[] = chosen.map(
    ({ block, start, end, score }) => ({ block, excerpt: excerptOf(block, start, end, score) })
  )
  return {
    question,
    mode: 'extractive',
    answer: formatAnswer(excerpts),
    abstained: false,
    excerpts: excerpts.map((e) => e.excerpt),
    citations: [...new Set(excerpts.map((e) => citationFor(e.block)))],
    retrieved,
  }
}

/** Answers a question from the index. Throws InvalidRequestError for a speaker nobody matches. */
export const ask = async (
  index: SearchIndex,
  query: AskQuery,
  options: AnswerOptions = {}
): Promise<AskResponse> => answerFrom(index, await retrieveFor(index, query), options)
