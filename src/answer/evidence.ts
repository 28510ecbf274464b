// How well a passage covers a question: IDF-weighted term matches, exact or through word-vector neighbours.
import { idf, type TermStats } from '../index/lexical.ts'
import type { WordVectors } from '../index/vectors.ts'
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

// Question scaffolding that carries no topic: "How many …", "What measures …", "Which …".
const SCAFFOLD = new Set([
  'many',
  'much',
  'number',
  'did',
  'ask',
  'asked',
  'say',
  'said',
  'tell',
  'told',
  'happen',
  'happened',
])

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
    terms.push({
      word: question.slice(start, end),
      stem: s,
      rank: vectors.rankOf(word),
      weight: idf(stats, s),
      exact: start > 0 && /^\p{Lu}/u.test(question.slice(start)),
    })
  }
  return terms
}

/** The words of a passage, as stems and vocabulary ranks, for matching. */
export type PassageWords = { stems: Set<string>; ranks: number[] }

export const passageWords = (text: string, vectors: WordVectors): PassageWords => {
  const stems = new Set<string>()
  const ranks = new Set<number>()
  for (const { word } of tokenize(text)) {
    for (const part of word.includes('-') ? [word, ...word.split('-')] : [word]) {
      stems.add(stem(part))
      const rank = vectors.rankOf(part)
      if (rank !== undefined && !STOPWORDS.has(part)) ranks.add(rank)
    }
  }
  return { stems, ranks: [...ranks] }
}

/** How strongly a passage matches one term: 1 for the word itself, the similarity for a close neighbour. */
export const termMatch = (term: QueryTerm, words: PassageWords, vectors: WordVectors): number => {
  if (words.stems.has(term.stem)) return 1
  if (term.exact || term.rank === undefined) return 0
  let best = 0
  for (const rank of words.ranks) best = Math.max(best, vectors.similarity(term.rank, rank))
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
