// Dense, lexical and hybrid rankings of blocks for a query, with an optional speaker filter.
import { structuralLabel } from '../index/lexical.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { Block } from '../records/block.ts'
import { coverage, passageWords, queryTerms } from './evidence.ts'
import { expandQuery } from './expand.ts'
import { fuseRankings } from './fuse.ts'
import { analyseQuery, type QueryAnalysis } from './query.ts'
import { speakerFilter } from './speaker.ts'
import { STOPWORDS, stem, tokenize } from '../text/tokenize.ts'

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
  /** Weight of the lexical ranking in hybrid fusion; the dense ranking gets the rest. */
  lexicalWeight?: number
  /** Weight of a block's coverage of the question, added to its fused score in hybrid mode. */
  coverageWeight?: number
  /** The question's analysis when the caller has it already. */
  analysis?: QueryAnalysis
}

/** How many candidates each ranking contributes to fusion. */
const POOL = 50

/** Sentences fetched per block wanted: enough that blocks with several close sentences still fill n. */
const SENTENCES_PER_BLOCK = 4

export const denseSearch = async (
  index: SearchIndex,
  query: string,
  n: number,
  keep?: (block: Block) => boolean
): Promise<RankedBlock[]> => {
  const total = index.dense.index.getCurrentCount()
  const vector = await index.embeddings.embedQuery(query)
  if (total === 0 || vector.every((x) => x === 0)) return []
  const results = await index.dense.similaritySearchVectorWithScore(
    vector,
    Math.min(n * SENTENCES_PER_BLOCK, total),
    // No filter at all when nothing is filtered: hnswlib then calls back into JS for no candidate.
    keep &&
      ((doc) => {
        const block = index.byKey.get(String(doc.metadata.key))
        return block !== undefined && keep(block)
      })
  )
  const best = new Map<Block, number>()
  for (const [doc, distance] of results) {
    const block = index.byKey.get(String(doc.metadata.key))
    // hnswlib's cosine space returns a distance, 1 − cosine: turned back into a similarity.
    if (block && !best.has(block)) best.set(block, 1 - distance)
  }
  return [...best].slice(0, n).map(([block, score]) => ({ block, score }))
}

export const lexicalSearch = (
  index: SearchIndex,
  query: string,
  n: number,
  keep?: (block: Block) => boolean
): RankedBlock[] => {
  const expansions = expandQuery(index, query)
  // An expansion weighs what its similarity says; the question's own words weigh 1.
  const boosts = new Map(expansions.map((e) => [stem(e.word), e.weight]))
  const text = [query, ...expansions.map((e) => e.word)].join(' ')
  const ranked: RankedBlock[] = []
  for (const result of index.lexical.search(text, { boostTerm: (term) => boosts.get(term) ?? 1 })) {
    const block = index.byKey.get(String(result.id))
    if (block && (!keep || keep(block))) ranked.push({ block, score: result.score })
    if (ranked.length >= n) break
  }
  return ranked
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
    lexicalWeight = 0.5,
    coverageWeight = 0.6,
    analysis = analyseQuery(index, query),
  }: SearchOptions = {}
): Promise<RankedBlock[]> => {
  const about = speaker ?? analysis.speaker ?? undefined
  const keep = about ? speakerFilter(about) : undefined
  const focus = analysis.focus
  // "What did Ms. Dzumhur ask?" names no topic: every paragraph of hers answers it, in reading
  // order, or from the end for "her closing remarks".
  if (keep && !hasContent(focus)) {
    const theirs = index.blocks.filter(keep)
    return (analysis.ordinal !== null && analysis.ordinal < 0 ? theirs.reverse() : theirs)
      .slice(0, k)
      .map((block) => ({ block, score: 1 }))
  }
  const pool = Math.max(k, POOL)
  const ranked =
    mode === 'bm25'
      ? lexicalSearch(index, focus, pool, keep)
      : mode === 'dense'
        ? await denseSearch(index, focus, pool, keep)
        : rerankByCoverage(
            index,
            fuseRankings(
              [
                lexicalSearch(index, focus, pool, keep),
                await denseSearch(index, focus, pool, keep),
              ],
              [lexicalWeight, 1 - lexicalWeight]
            ),
            analysis,
            coverageWeight
          )
  return pickOrdinal(ranked, analysis.ordinal).slice(0, k)
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
  analysis: QueryAnalysis,
  weight: number
): RankedBlock[] => {
  const terms = queryTerms(analysis.topic, index.terms, index.vectors)
  const rescored = fused.slice(0, RERANK_DEPTH).map(({ block, score }) => ({
    block,
    score:
      score +
      weight *
        coverage(
          terms,
          passageWords(`${block.text} ${structuralLabel(block)}`, index.vectors),
          index.vectors
        ),
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
