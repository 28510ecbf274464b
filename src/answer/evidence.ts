// How well a passage covers a question: IDF-weighted term matches, exact or through word-vector neighbours.
import { idf, type TermStats } from '../index/lexical.ts'
import { cachePerOwner } from '../bounded-cache.ts'
import type { WordVectors } from '../index/vectors.ts'
import { zipfProbability } from '../index/vectors.ts'
import { SCAFFOLD } from '../retrieve/query.ts'
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
}

/** Vector similarity above which a different word counts as the same idea ("kids" ~ "children"). */
export const SYNONYM_SIMILARITY = 0.72

/**
 * How specific a word is in English at large, in (0, 1): SIF's a / (a + p(w)) with a small a, so
 * that "come" or "back" weigh little even when the record never uses them.
 */
const specificity = (vectors: WordVectors, rank: number | undefined): number =>
  rank === undefined ? 1 : 1e-4 / (1e-4 + zipfProbability(vectors, rank))

export const queryTerms = (
  question: string,
  stats: TermStats,
  vectors: WordVectors
): QueryTerm[] => {
  const seen = new Set<string>()
  const terms: QueryTerm[] = []
  for (const { word, start, end } of tokenize(question)) {
    if (STOPWORDS.has(word) || SCAFFOLD.has(word)) continue
    const s = stem(word)
    if (seen.has(s)) continue
    seen.add(s)
    const rank = vectors.rankOf(word)
    terms.push({
      word: question.slice(start, end),
      stem: s,
      rank,
      weight: idf(stats, s) * specificity(vectors, rank),
      // A capitalised word inside the question is a name; an all-capitals one ("ID", "US") is an acronym.
      exact: start > 0 && /^\p{Lu}\p{Ll}/u.test(question.slice(start, end)),
    })
  }
  return terms
}

/** The words of a passage, as stems, and as vocabulary ranks with their words, for matching. */
export type PassageWords = { stems: Set<string>; ranks: number[]; words: string[] }

const passageCache = cachePerOwner<WordVectors, string, PassageWords>(50_000)

/** A passage's words; computed once per text, since the same sentences come back query after query. */
export const passageWords = (text: string, vectors: WordVectors): PassageWords =>
  passageCache(vectors).get(text, () => analysePassage(text, vectors))

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
  return { stems, ranks: [...ranked.keys()], words: [...ranked.values()] }
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

/**
 * How strongly a passage matches one term: 1 for the word itself, 0.9 for its word family, the
 * similarity for a close neighbour in vector space.
 */
export const termMatch = (term: QueryTerm, words: PassageWords, vectors: WordVectors): number => {
  let matches = matchCache.get(words)
  if (!matches) matchCache.set(words, (matches = new Map()))
  const key = `${term.word}|${term.exact}`
  let match = matches.get(key)
  if (match === undefined) matches.set(key, (match = matchTerm(term, words, vectors)))
  return match
}

// Verdicts per passage (passages are cached objects) and term, gone with the passage.
const matchCache = new WeakMap<PassageWords, Map<string, number>>()

const matchTerm = (term: QueryTerm, words: PassageWords, vectors: WordVectors): number => {
  if (words.stems.has(term.stem)) return 1
  for (const s of words.stems) if (sameFamily(term.stem, s)) return 0.9
  if (term.exact || term.rank === undefined) return 0
  let best = 0
  for (const [i, rank] of words.ranks.entries()) {
    const similarity = vectors.similarity(term.rank, rank)
    if (similarity > best && !negates(term.word.toLowerCase(), words.words[i] ?? ''))
      best = similarity
  }
  return best >= SYNONYM_SIMILARITY ? best : 0
}

/** Names in the question that no block of the corpus contains: the record cannot be about them. */
export const unknownNames = (terms: QueryTerm[], stats: TermStats): QueryTerm[] =>
  terms.filter((t) => t.exact && (stats.df[t.stem] ?? 0) === 0)

/** Share of the question's term weight that the passage covers, in [0, 1]. */
export const coverage = (terms: QueryTerm[], words: PassageWords, vectors: WordVectors): number => {
  const total = terms.reduce((sum, t) => sum + t.weight, 0)
  if (total === 0) return 0
  return terms.reduce((sum, t) => sum + t.weight * termMatch(t, words, vectors), 0) / total
}
