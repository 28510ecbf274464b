// How well a passage covers a question: IDF-weighted term matches, by the word, its family, or a close vector neighbour.
import type { TermStats } from '../index/lexical.ts'
import { idf } from '../index/lexical.ts'
import { zipfProbability } from '../index/vectors.ts'
import { DERIVED_ENDINGS, NEGATING_PREFIX } from '../language/english.ts'
import type { Corpus, PassageWords } from './corpus.ts'

/**
 * A content word of a question: its stem, vocabulary rank and weight, and whether only the word
 * itself counts as a match (a name or a figure: "Venezuelan" sits near "Haitian" in vector space
 * but is not it). `similar` keeps its similarities to the words it has been compared with, for
 * the life of the question.
 */
export type QueryTerm = {
  word: string
  stem: string
  rank: number | undefined
  weight: number
  exact: boolean
  /** What a passage's verdict on this term is kept under. */
  key: string
  /** Stems that never match it, however near: the words a follow-up replaces with it. */
  unlike: readonly string[]
  similar: Map<number, number>
}

/**
 * How specific a word is in English at large, in (0, 1): SIF's a / (a + p(w)) with a small a, so
 * that "come" or "back" weigh little even when the record never uses them.
 */
const specificity = (corpus: Corpus, rank: number | undefined): number =>
  rank === undefined ? 1 : 1e-4 / (1e-4 + zipfProbability(corpus.vectors, rank))

/**
 * A term for `word` as the question wrote it; `exact` for names and figures. Its weight is its
 * IDF in `stats` (the whole library by default) times its specificity in English.
 */
export const queryTerm = (
  corpus: Corpus,
  written: string,
  exact: boolean,
  stats: TermStats = corpus.index.terms,
  unlike: readonly string[] = []
): QueryTerm => {
  const word = written.toLowerCase()
  const s = corpus.stem(word)
  const rank = corpus.vectors.rankOf(word)
  return {
    word: written,
    stem: s,
    rank,
    weight: idf(stats, s) * specificity(corpus, rank),
    exact,
    key: `${exact ? `=${written}` : written}${unlike.length > 0 ? `|${unlike.join('|')}` : ''}`,
    unlike,
    similar: new Map(),
  }
}

const negates = (a: string, b: string): boolean =>
  (a.length > b.length && a.replace(NEGATING_PREFIX, '') === b) ||
  (b.length > a.length && b.replace(NEGATING_PREFIX, '') === a)

/** The shortest stem a verb–noun ending pair is read on: "admit" yes, "it" no. */
const DERIVED_BASE = 3

/** Whether stem `v` ends in `verb` and `n` in `noun` on one base of at least `DERIVED_BASE`. */
const endsAs = (v: string, verb: string, n: string, noun: string): boolean =>
  v.endsWith(verb) &&
  n.endsWith(noun) &&
  v.length - verb.length >= DERIVED_BASE &&
  v.slice(0, -verb.length) === n.slice(0, -noun.length)

/** Whether two stems are a verb and its noun by one of the language's ending pairs. */
const derived = (a: string, b: string): boolean =>
  DERIVED_ENDINGS.some(([verb, noun]) => endsAs(a, verb, b, noun) || endsAs(b, verb, a, noun))

/** How many letters two stems share from the start. */
const sharedStart = (a: string, b: string): number => {
  let common = 0
  while (common < a.length && a[common] === b[common]) common++
  return common
}

/**
 * Stems of one word family that Porter leaves apart: "suspens"/"suspend", "consid"/"consider",
 * and a verb and its noun ("detain"/"detent").
 */
const sameFamily = (a: string, b: string): boolean => {
  const common = sharedStart(a, b)
  if (common >= 5 && common >= Math.min(a.length, b.length) - 2) return true
  // Most pairs share less than a base; only those that do are read for a verb and its noun.
  return common >= DERIVED_BASE && derived(a, b)
}

/** The State name stem a stem is of the family of, the one sharing most of its letters ("nigerian" → "nigeria"). */
const stateOf = (corpus: Corpus, stem: string): string | undefined => {
  let best: { state: string; shared: number } | undefined
  for (const state of corpus.stateStems()) {
    if (state !== stem && !sameFamily(stem, state)) continue
    // The name itself before any longer one it begins: "niger" is Niger's, not Nigeria's.
    const shared = state === stem ? Infinity : sharedStart(stem, state)
    if (!best || shared > best.shared) best = { state, shared }
  }
  return best?.state
}

/**
 * Whether two stems are one name's family: "Mexican" of "Mexico", "Croats" of "the Croatian
 * community"; never two names that speak ("Niger", "Nigeria"), words of two States' families
 * ("Australia", "Austrian"), or two figures ("12000", "120000").
 */
const sameName = (corpus: Corpus, a: string, b: string): boolean => {
  if (/\d/.test(a) || /\d/.test(b) || !sameFamily(a, b)) return false
  const names = corpus.nameStems()
  if (names.has(a) && names.has(b)) return false
  const [x, y] = [stateOf(corpus, a), stateOf(corpus, b)]
  return x === undefined || y === undefined || x === y
}

/** A word written in capitals, which may be an acronym ("UPR", "ILO"). */
const ACRONYM = /^\p{Lu}{2,}$/u

/**
 * How strongly a passage matches one term: 1 for the word itself (or, for a word in capitals,
 * the name it abbreviates), 0.9 for its word family, the similarity for a close neighbour in
 * vector space (never a negated form: "unemployment" is not "employment"), 0 otherwise.
 */
export const termMatch = (term: QueryTerm, words: PassageWords, corpus: Corpus): number => {
  if (words.stems.has(term.stem)) return 1
  // Only a word the question writes in capitals is an acronym: "car" is not the CAR.
  if (ACRONYM.test(term.word) && words.acronyms.has(term.word.toLowerCase())) return 1
  const known = words.matches.get(term.key)
  return known ?? corpus.remember(words, term.key, matchTerm(term, words, corpus))
}

const matchTerm = (term: QueryTerm, words: PassageWords, corpus: Corpus): number => {
  // "36-hour" is said as "36 hours": a compound matches as well as its weakest part.
  if (/[-‑]/.test(term.word)) {
    return Math.min(
      ...term.word
        .split(/[-‑]/)
        .filter(Boolean)
        .map((part) => termMatch(queryTerm(corpus, part, term.exact), words, corpus))
    )
  }
  // "Mexican" is of Mexico's family; "Niger" is not of Nigeria's, nor a figure of another's.
  for (const s of words.stems)
    if (term.exact ? sameName(corpus, term.stem, s) : sameFamily(term.stem, s)) return 0.9
  if (term.exact || term.rank === undefined) return 0
  const word = term.word.toLowerCase()
  let best = 0
  for (const [i, rank] of words.ranks.entries()) {
    let similarity = term.similar.get(rank)
    if (similarity === undefined)
      term.similar.set(rank, (similarity = corpus.vectors.similarity(term.rank, rank)))
    if (similarity <= best) continue
    const other = words.words[i] ?? ''
    // Only a follow-up's word has stems it is unlike; others are not stemmed here again.
    const replaced = term.unlike.length > 0 && term.unlike.includes(corpus.stem(other))
    if (!negates(word, other) && !replaced) best = similarity
  }
  return best >= corpus.policy.synonymSimilarity ? best : 0
}

/**
 * A sentence's term matches read with the sentence before it, which may hold what it leans on
 * ("It had ruled …" after the court's name): each term's better match of the two.
 */
export const withSentenceBefore = (
  own: number[],
  before: readonly number[] | undefined
): number[] => (before ? own.map((m, k) => Math.max(m, before[k] ?? 0)) : own)

/** Share of the terms' weight that their matches (each in [0, 1]) cover. */
export const weightedShare = (terms: readonly QueryTerm[], matches: readonly number[]): number => {
  const total = terms.reduce((sum, t) => sum + t.weight, 0)
  return total === 0
    ? 0
    : terms.reduce((sum, t, i) => sum + t.weight * (matches[i] ?? 0), 0) / total
}

/** Share of the question's term weight that a passage covers, in [0, 1]. */
export const coverage = (
  terms: readonly QueryTerm[],
  words: PassageWords,
  corpus: Corpus
): number =>
  weightedShare(
    terms,
    terms.map((t) => termMatch(t, words, corpus))
  )

/**
 * Names and figures in the question that no block of the record asked about (or of any record,
 * when it names none) contains, by the word or, for a name, its family ("Croats" is of the
 * "Croatian" community's; "Niger" is not of the "Nigerian" delegation's): the record cannot be
 * about them.
 */
export const unknownNames = (
  terms: readonly QueryTerm[],
  corpus: Corpus,
  record: string | null = null
): QueryTerm[] => {
  const stems = record === null ? null : corpus.recordWords(record).stems
  const known = (stem: string) =>
    stems
      ? stems.has(stem) || [...stems].some((s) => sameName(corpus, stem, s))
      : (corpus.index.terms.df[stem] ?? 0) > 0 ||
        Object.keys(corpus.index.terms.df).some((s) => sameName(corpus, stem, s))
  // "UPR" is known where a record says "Universal Periodic Review".
  const scope = record === null ? corpus.index.records.map((r) => r.symbol) : [record]
  const abbreviates = (t: QueryTerm) =>
    ACRONYM.test(t.word) &&
    scope.some((r) => corpus.recordWords(r).acronyms.has(t.word.toLowerCase()))
  // "36-hour" is known when the record says "36 hours": each part is.
  const parts = (t: QueryTerm) =>
    /[-‑]/.test(t.word)
      ? t.word
          .split(/[-‑]/)
          .filter(Boolean)
          .map((p) => corpus.stem(p.toLowerCase()))
      : [t.stem]
  return terms.filter((t) => t.exact && !abbreviates(t) && !parts(t).every(known))
}
