// How well a passage covers a question: IDF-weighted term matches, exact or through word-vector neighbours.
import { idf, structuralLabel, type TermStats } from '../index/lexical.ts'
import { cachePerOwner } from '../bounded-cache.ts'
import type { WordVectors } from '../index/vectors.ts'
import { zipfProbability } from '../index/vectors.ts'
import { SCAFFOLD } from './query.ts'
import type { Block } from '../records/block.ts'
import { splitSentences } from '../text/sentences.ts'
import { STOPWORDS, stem, tokenize } from '../text/tokenize.ts'

/**
 * A content word of the question as written: its stem, its vocabulary rank, its weight, and
 * whether only the word itself counts as a match (names: "Venezuelan" sits near "Haitian" in
 * vector space but is not it).
 */
export type QueryTerm = {
  word: string
  stem: string
  rank: number | undefined
  weight: number
  exact: boolean
  /** Index of the word among the question's tokens. */
  position: number
  /** What a passage's verdict on this term is kept under: the word, and whether only it counts. */
  key: string
}

/** Vector similarity above which a different word counts as the same idea ("kids" ~ "children"). */
export const SYNONYM_SIMILARITY = 0.72

/**
 * How specific a word is in English at large, in (0, 1): SIF's a / (a + p(w)) with a small a, so
 * that "come" or "back" weigh little even when the record never uses them.
 */
const specificity = (vectors: WordVectors, rank: number | undefined): number =>
  rank === undefined ? 1 : 1e-4 / (1e-4 + zipfProbability(vectors, rank))

// Members of a closed set of contrasts sit next to each other in vector space ("southern" ~
// "northern" at 0.94) yet name different things: like names, they match only themselves.
const CONTRASTS: ReadonlySet<string> = new Set(
  `north northern south southern east eastern west western northeast northwest southeast southwest
  january february march april may june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday men women male female boys girls man woman
  minimum maximum lowest highest upper lower annual monthly weekly daily urban rural public private
  domestic foreign`.split(/\s+/)
)

export const queryTerms = (
  question: string,
  stats: TermStats,
  vectors: WordVectors
): QueryTerm[] => {
  const seen = new Set<string>()
  const terms: QueryTerm[] = []
  for (const [position, { word, start, end }] of tokenize(question).entries()) {
    if (STOPWORDS.has(word) || SCAFFOLD.has(word)) continue
    const s = stem(word)
    if (seen.has(s)) continue
    seen.add(s)
    const rank = vectors.rankOf(word)
    const written = question.slice(start, end)
    // A capitalised word inside the question is a name; an all-capitals one ("ID", "US") is an
    // acronym. "594th", "2030": a number names one thing, as a name does ("36-hour" is matched by
    // its parts).
    const exact =
      (start > 0 && /^\p{Lu}\p{Ll}/u.test(written)) ||
      CONTRASTS.has(word) ||
      /^[^-]*\d[^-]*$/.test(word)
    terms.push({
      word: written,
      stem: s,
      rank,
      weight: idf(stats, s) * specificity(vectors, rank),
      exact,
      position,
      key: exact ? `=${written}` : written,
    })
  }
  return terms
}

/** The words of a passage, as stems, and as vocabulary ranks with their words, for matching. */
export type PassageWords = {
  stems: Set<string>
  ranks: number[]
  words: string[]
  /** Verdicts of `termMatch` on this passage, by term: passages are cached, so are these. */
  matches: Map<string, number>
}

const passageCache = cachePerOwner<WordVectors, string, PassageWords>(50_000)

/** A passage's words; computed once per text, since the same sentences come back query after query. */
export const passageWords = (text: string, vectors: WordVectors): PassageWords =>
  passageCache(vectors).get(text, () => analysePassage(text, vectors))

/** A sentence of a block: its offsets, its text, and its words with the block's structural label. */
export type BlockSentence = { start: number; end: number; text: string; words: PassageWords }

// Per block, as blocks never change: no hashing of long texts on the query path.
const blockCache = new WeakMap<Block, { words: PassageWords; sentences: BlockSentence[] }>()

const analyseBlock = (block: Block, vectors: WordVectors) => {
  let analysed = blockCache.get(block)
  if (!analysed) {
    const label = structuralLabel(block)
    analysed = {
      words: analysePassage(`${block.text} ${label}`, vectors),
      sentences: splitSentences(block.text).map(({ start, end }) => {
        const text = block.text.slice(start, end)
        return { start, end, text, words: analysePassage(`${text} ${label}`, vectors) }
      }),
    }
    blockCache.set(block, analysed)
  }
  return analysed
}

/** A block's words, with the words of its structural label ("suspension" for a suspension). */
export const blockWords = (block: Block, vectors: WordVectors): PassageWords =>
  analyseBlock(block, vectors).words

/** A block's sentences, each with its words. */
export const blockSentences = (block: Block, vectors: WordVectors): BlockSentence[] =>
  analyseBlock(block, vectors).sentences

const analysePassage = (text: string, vectors: WordVectors): PassageWords => {
  const stems = new Set<string>()
  const ranked = new Map<number, string>()
  for (const { word } of tokenize(text)) {
    for (const part of word.includes('-') ? [word, ...word.split('-')] : [word]) {
      stems.add(stem(part))
      const rank = vectors.rankOf(part)
      if (rank !== undefined && !STOPWORDS.has(part)) ranked.set(rank, part)
    }
  }
  return { stems, ranks: [...ranked.keys()], words: [...ranked.values()], matches: new Map() }
}

// "unemployment" sits next to "employment" in vector space; a negating prefix makes it the opposite.
const NEGATING_PREFIX = /^(?:un|in|im|il|ir|non|dis|anti)-?/

const negates = (a: string, b: string): boolean =>
  (a.length > b.length && a.replace(NEGATING_PREFIX, '') === b) ||
  (b.length > a.length && b.replace(NEGATING_PREFIX, '') === a)

/** Stems of one word family that Porter leaves apart: "suspens"/"suspend", "consid"/"consider". */
const sameFamily = (a: string, b: string): boolean => {
  let common = 0
  while (common < a.length && a[common] === b[common]) common++
  return common >= 5 && common >= Math.min(a.length, b.length) - 2
}

/** Most term verdicts kept per passage. */
const MAX_VERDICTS = 4_096

/**
 * How strongly a passage matches one term: 1 for the word itself, 0.9 for its word family, the
 * similarity for a close neighbour in vector space.
 */
export const termMatch = (term: QueryTerm, words: PassageWords, vectors: WordVectors): number => {
  if (words.stems.has(term.stem)) return 1
  let match = words.matches.get(term.key)
  if (match === undefined) {
    match = matchTerm(term, words, vectors)
    // Blocks are kept for the life of the index: their verdicts must not grow without bound.
    if (words.matches.size >= MAX_VERDICTS) words.matches.clear()
    words.matches.set(term.key, match)
  }
  return match
}

/**
 * "padlocks" is a kind of "locks": an English compound ends in its head word. The rest must be a
 * word of its own ("pad"), not a prefix or a function word ("under" + "stand").
 */
const compoundHead = (compound: string, head: string, vectors: WordVectors): boolean => {
  if (head.length < 4 || compound.length < head.length + 3 || !compound.endsWith(head)) return false
  const modifier = compound.slice(0, -head.length)
  return !STOPWORDS.has(modifier) && vectors.rankOf(modifier) !== undefined
}

/** A compound's match on its head: less than the word itself, more than a mere neighbour. */
const HEAD_MATCH = 0.8

// A term's similarities to the words it has been compared with, kept while the term lives (one
// question): the blocks of a ranking, their sentences and their windows share most of their words.
const similarities = new WeakMap<QueryTerm, Map<number, number>>()

// Called by termMatch once the word itself is known not to be in the passage.
const matchTerm = (term: QueryTerm, words: PassageWords, vectors: WordVectors): number => {
  // "36-hour" is said as "36 hours": a compound matches as well as its weakest part.
  if (/[-‑]/.test(term.word)) return partsMatch(term, words, vectors)
  for (const s of words.stems) if (sameFamily(term.stem, s)) return 0.9
  if (term.exact || term.rank === undefined) return 0
  let known = similarities.get(term)
  if (!known) similarities.set(term, (known = new Map()))
  const word = term.word.toLowerCase()
  let best = 0
  for (const [i, rank] of words.ranks.entries()) {
    const other = words.words[i] ?? ''
    let similarity = compoundHead(word, other, vectors) ? HEAD_MATCH : known.get(rank)
    if (similarity === undefined)
      known.set(rank, (similarity = vectors.similarity(term.rank, rank)))
    if (similarity > best && !negates(word, other)) best = similarity
  }
  return best >= SYNONYM_SIMILARITY ? best : 0
}

const partsMatch = (term: QueryTerm, words: PassageWords, vectors: WordVectors): number =>
  Math.min(
    ...term.word
      .toLowerCase()
      .split(/[-‑]/)
      .filter(Boolean)
      .map((part) => {
        const rank = vectors.rankOf(part)
        return termMatch(
          { ...term, word: part, stem: stem(part), rank, key: `${term.key}/${part}` },
          words,
          vectors
        )
      })
  )

/** Names in the question that no block of the corpus contains: the record cannot be about them. */
export const unknownNames = (terms: QueryTerm[], stats: TermStats): QueryTerm[] =>
  terms.filter((t) => t.exact && (stats.df[t.stem] ?? 0) === 0)

/** Share of the question's term weight that the passage covers, in [0, 1]. */
export const coverage = (terms: QueryTerm[], words: PassageWords, vectors: WordVectors): number =>
  weightedShare(
    terms,
    terms.map((t) => termMatch(t, words, vectors))
  )

/** Share of the terms' weight that their matches (each in [0, 1]) cover. */
export const weightedShare = (terms: QueryTerm[], matches: number[]): number => {
  const total = terms.reduce((sum, t) => sum + t.weight, 0)
  return total === 0
    ? 0
    : terms.reduce((sum, t, i) => sum + t.weight * (matches[i] ?? 0), 0) / total
}

// Where a question names its topic: after "about", or as the thing "What was the …" asks for.
const TOPIC_OPENER =
  /^\s*(?:(?<asks>what|which)\s+(?:is|was|are|were)\s+the\b)|\b(?<about>about|regarding|concerning)\b/i

// Without a tagger, "-ing" and "-ed" words are taken for verbs; names and measures ("36-hour") are
// specific on their own. None of them starts or extends a noun compound.
const nounLike = (t: QueryTerm): boolean => !/^\p{Lu}|(?:ing|ed)$|\d/u.test(t.word)

/**
 * The compound a question names as its topic ("death penalty" in "… say about the death
 * penalty?", "unemployment rate" in "What was the unemployment rate …"), or nothing when that
 * topic is a single word. The first word restricts what the second means, so a passage must state
 * all of it: "penalties" alone is not the death penalty.
 */
export const compoundTopic = (question: string, terms: QueryTerm[]): QueryTerm[] => {
  const opener = TOPIC_OPENER.exec(question)
  if (!opener) return []
  const end = opener.index + opener[0].length
  // The token just before the topic: the last word of the opener.
  const about = tokenize(question).filter((t) => t.end <= end).length - 1
  const run = runAfter(terms, about, nounLike)
  // "What was the budget of …" asks for the budget: one word is enough to name it.
  return run.length > 1 || opener.groups?.asks ? run : []
}

/**
 * The run of adjacent terms that starts within a few words after the token at `anchor` (allowing
 * "the", "of the") and goes on while `belongs` holds; empty when none starts there.
 */
const runAfter = (
  terms: QueryTerm[],
  anchor: number,
  belongs: (t: QueryTerm) => boolean
): QueryTerm[] => {
  const first = terms.find((t) => t.position > anchor)
  if (anchor < 0 || !first || first.position - anchor > 3 || !belongs(first)) return []
  const run = [first]
  for (const t of terms.slice(terms.indexOf(first) + 1)) {
    if (t.position !== (run.at(-1)?.position ?? 0) + 1 || !belongs(t)) break
    run.push(t)
  }
  return run
}

/**
 * Whether a passage states a compound as one: all its words within a few words of each other
 * ("child labour", "labour performed by children"), not "children" here and "labour" there.
 */
export const statesCompound = (
  compound: QueryTerm[],
  text: string,
  vectors: WordVectors
): boolean => {
  const whole = passageWords(text, vectors)
  if (!compound.every((t) => termMatch(t, whole, vectors) > 0)) return false
  const tokens = tokenize(text)
  const span = compound.length + 2
  for (let i = 0; i + 1 <= tokens.length; i++) {
    const last = tokens[Math.min(tokens.length, i + span) - 1]
    const start = tokens[i]?.start ?? 0
    const words = passageWords(text.slice(start, last?.end ?? start), vectors)
    if (compound.every((t) => termMatch(t, words, vectors) > 0)) return true
  }
  return false
}

/**
 * What "How many …" counts: the last word of the run that follows ("centres" in "How many migrant
 * integration centres …", "children" in "How many of the children …"), or nothing for other
 * questions.
 */
export const countedTerm = (question: string, terms: QueryTerm[]): QueryTerm | undefined => {
  const tokens = tokenize(question)
  const many = tokens.findIndex(({ word }, i) => word === 'many' && tokens[i - 1]?.word === 'how')
  // "… victims received …": a past tense ends the noun phrase ("holding centres" does not).
  return runAfter(terms, many, (t) => !/ed$/i.test(t.word)).at(-1)
}
