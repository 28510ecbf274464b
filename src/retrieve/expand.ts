// Query expansion through the word vectors: a word the record never uses is searched as its nearest record words.
import { cachePerOwner } from '../bounded-cache.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { STOPWORDS, stem, tokenize } from '../text/tokenize.ts'

export type Expansion = { word: string; weight: number }

/** Nearest corpus words count from this similarity: "kids" → "children", "school" → "education". */
export const EXPANSION_SIMILARITY = 0.6

/**
 * For each content word of `query` that no block contains, up to `perWord` corpus words whose
 * vectors are at least EXPANSION_SIMILARITY close, weighted by that similarity.
 */
export const expandQuery = (index: SearchIndex, query: string, { perWord = 3 } = {}): Expansion[] =>
  tokenize(query).flatMap(({ word }) => {
    if (STOPWORDS.has(word) || (index.terms.df[stem(word)] ?? 0) > 0) return []
    return nearestCache(index).get(`${word}|${perWord}`, () =>
      nearestCorpusWords(index, word, perWord)
    )
  })

// A scan of the corpus vocabulary per stranger word; people ask with the same words again and again.
const nearestCache = cachePerOwner<SearchIndex, string, Expansion[]>(10_000)

const nearestCorpusWords = (index: SearchIndex, word: string, perWord: number): Expansion[] => {
  const rank = index.vectors.rankOf(word)
  if (rank === undefined) return []
  return index.lexicon
    .map((entry) => ({ word: entry.word, weight: index.vectors.similarity(rank, entry.rank) }))
    .filter((e) => e.weight >= EXPANSION_SIMILARITY)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, perWord)
}
