// Dense, lexical and hybrid rankings of blocks for a query, with an optional speaker filter.
import { searchBm25 } from '../index/bm25-index.ts'
import { structuralLabel } from '../index/lexical.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { Block } from '../records/block.ts'
import { blockWords, coverage, queryTerms, type QueryTerm } from './evidence.ts'
import { expandQuery } from './expand.ts'
import { fuseRankings } from './fuse.ts'
import { analyseQuery, type QueryAnalysis } from './query.ts'
import { speakerBlocks } from './speaker.ts'
import { STOPWORDS, contentTerms, tokenize } from '../text/tokenize.ts'

export const RETRIEVERS = ['hybrid', 'bm25', 'dense'] as const
export type RetrieverName = (typeof RETRIEVERS)[number]

export type RankedBlock = {
  block: Block
  /** Higher is better; cosine similarity for dense, BM25+ for bm25, fused score for hybrid. */
  score: number
}

export type SearchOptions = {
  mode?: RetrieverName
  k?: number
  /** Restricts results to one speaker or role; by default, the speaker the question asks about, if any. */
  speaker?: string
  /** Restricts results to one record, by its symbol. */
  record?: string
  /** Weight of the lexical ranking in hybrid fusion; the dense ranking gets the rest. */
  lexicalWeight?: number
  /** Weight of a block's coverage of the question, added to its fused score in hybrid mode. */
  coverageWeight?: number
  /** The question's analysis when the caller has it already. */
  analysis?: QueryAnalysis
  /** The content terms of the analysed topic, when the caller has them already. */
  terms?: QueryTerm[]
}

/** How many candidates each ranking contributes to fusion. */
const POOL = 20

/** Above this share of the corpus, a speaker filter is applied after the search, not inside it. */
const FILTER_AFTER_SHARE = 0.1

export type DenseSearchOptions = {
  /** Restricts results to these blocks. */
  admitted?: ReadonlySet<Block>
  /**
   * Widens the search until it has n blocks (or has every sentence). Without it, the ranking is
   * the blocks of the n nearest sentences, which may be fewer: enough for fusion, and every search
   * step beyond n costs time on every question.
   */
  fill?: boolean
}

/** Blocks ranked by their nearest sentence to the query, by cosine similarity. */
export const denseSearch = async (
  index: SearchIndex,
  query: string,
  n: number,
  { admitted, fill = false }: DenseSearchOptions = {}
): Promise<RankedBlock[]> => {
  const total = index.dense.index.getCurrentCount()
  const vector = await index.embeddings.embedQuery(query)
  if (total === 0 || vector.every((x) => x === 0)) return []
  // hnswlib calls back into JS for every candidate it filters: for a filter that admits much of
  // the corpus ("Committee members"), a wider unfiltered search followed by the filter is faster.
  const share = admitted ? admitted.size / Math.max(1, index.blocks.length) : 1
  const inside = admitted !== undefined && share < FILTER_AFTER_SHARE
  const filter = inside
    ? (label: number) => admitted.has(index.sentenceBlocks[label] as Block)
    : undefined
  for (let wanted = n; ; wanted *= 2) {
    const searched = Math.min(inside ? wanted : Math.ceil(wanted / share), total)
    // The underlying hnswlib index is searched directly (as its ef is set directly): labels map
    // to blocks through a table, where LangChain's wrapper would look each one up in its docstore.
    const { neighbors, distances } = index.dense.index.searchKnn(vector, searched, filter)
    const best = new Map<Block, number>()
    neighbors.forEach((label, i) => {
      const block = index.sentenceBlocks[label]
      // hnswlib's cosine space returns a distance, 1 − cosine: turned back into a similarity.
      if (block && !best.has(block) && (!admitted || admitted.has(block))) {
        best.set(block, 1 - (distances[i] ?? 1))
      }
    })
    if (!fill || best.size >= n || searched >= total || neighbors.length < searched) {
      return [...best].slice(0, n).map(([block, score]) => ({ block, score }))
    }
  }
}

export const lexicalSearch = (
  index: SearchIndex,
  query: string,
  n: number,
  admitted?: ReadonlySet<Block>
): RankedBlock[] => {
  // The question's own words weigh 1; an expansion weighs what its similarity says.
  const boosts = new Map<string, number>()
  for (const e of expandQuery(index, query)) {
    for (const term of contentTerms(e.word))
      boosts.set(term, Math.max(boosts.get(term) ?? 0, e.weight))
  }
  for (const term of contentTerms(query)) boosts.set(term, 1)
  const hits = searchBm25(
    index.lexical,
    [...boosts].map(([term, boost]) => ({ term, boost })),
    n,
    admitted && ((doc) => admitted.has(index.blocks[doc] as Block))
  )
  // The lexical index numbers documents in the order of the index's blocks (checked on assembly).
  return hits.map(({ doc, score }) => ({ block: index.blocks[doc] as Block, score }))
}

const hasContent = (text: string): boolean =>
  tokenize(text).some(({ word }) => !STOPWORDS.has(word))

/** Ranks blocks for `query` with one of the three retrievers. */
export const search = async (
  index: SearchIndex,
  query: string,
  {
    mode = 'hybrid',
    k = 10,
    speaker,
    record,
    lexicalWeight = 0.5,
    coverageWeight = 0.6,
    analysis = analyseQuery(index, query),
    terms,
  }: SearchOptions = {}
): Promise<RankedBlock[]> => {
  const about = speaker ?? analysis.speaker ?? undefined
  const admitted = within(
    about ? speakerBlocks(index.blocks, about) : undefined,
    record === undefined ? undefined : (index.recordBlocks.get(record) ?? new Set())
  )
  const focus = analysis.focus
  // "What did Ms. Dzumhur ask?" names no topic: every paragraph of hers answers it, in reading
  // order, or from the end for "her closing remarks".
  if (admitted && !hasContent(focus)) {
    const theirs = index.blocks.filter((block) => admitted.has(block))
    return (analysis.ordinal !== null && analysis.ordinal < 0 ? theirs.reverse() : theirs)
      .slice(0, k)
      .map((block) => ({ block, score: 1 }))
  }
  const pool = Math.max(k, POOL)
  const ranked =
    mode === 'bm25'
      ? lexicalSearch(index, focus, pool, admitted)
      : mode === 'dense'
        ? await denseSearch(index, focus, pool, { admitted, fill: true })
        : rerankByCoverage(
            index,
            fuseRankings(
              [
                lexicalSearch(index, focus, pool, admitted),
                await denseSearch(index, focus, pool, { admitted }),
              ],
              [lexicalWeight, 1 - lexicalWeight]
            ),
            terms ?? queryTerms(analysis.topic, index.terms, index.vectors),
            coverageWeight
          )
  return pickOrdinal(ranked, analysis.ordinal).slice(0, k)
}

/** The blocks both filters admit; either alone when the other is not set. */
const within = (
  a: ReadonlySet<Block> | undefined,
  b: ReadonlySet<Block> | undefined
): ReadonlySet<Block> | undefined => {
  if (!a || !b) return a ?? b
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  return new Set([...small].filter((block) => large.has(block)))
}

/** How many of the fused results are rescored by coverage. */
const RERANK_DEPTH = 20

/**
 * Adds to each of the top fused scores the share of the question the block covers, with word
 * families and close synonyms ("kids" ~ "children"): both rankers reward a block for any of the
 * question's words, coverage for all of them.
 */
const rerankByCoverage = (
  index: SearchIndex,
  fused: RankedBlock[],
  terms: QueryTerm[],
  weight: number
): RankedBlock[] => {
  const rescored = fused.slice(0, RERANK_DEPTH).map(({ block, score }) => ({
    block,
    score: score + weight * coverage(terms, blockWords(block, index.vectors), index.vectors),
  }))
  return [...rescored.sort((a, b) => b.score - a.score), ...fused.slice(RERANK_DEPTH)]
}

/**
 * "When was the meeting suspended for the second time?": where the best result is a procedural
 * line and others record the same kind of event, the one at the asked position in the meeting
 * takes the top place.
 */
const pickOrdinal = (ranked: RankedBlock[], ordinal: number | null): RankedBlock[] => {
  const top = ranked[0]
  if (ordinal === null || !top || top.block.kind !== 'procedural') return ranked
  const label = structuralLabel(top.block)
  const alike = ranked.filter(
    (r) =>
      r.block.kind === 'procedural' &&
      r.block.record === top.block.record &&
      structuralLabel(r.block) === label
  )
  const inOrder = [...alike].sort((a, b) => a.block.order - b.block.order)
  const wanted = ordinal > 0 ? inOrder[ordinal - 1] : inOrder[inOrder.length + ordinal]
  return wanted ? [{ ...wanted, score: top.score }, ...ranked.filter((r) => r !== wanted)] : ranked
}
