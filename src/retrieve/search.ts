// Dense, lexical and hybrid rankings of blocks for a query, with an optional speaker filter.
import type { SearchIndex } from '../index/search-index.ts'
import type { Block } from '../records/block.ts'
import { fuseRankings } from './fuse.ts'
import { speakerFilter } from './speaker.ts'

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
  /** Restricts results to one speaker or role. */
  speaker?: string
  /** Weight of the lexical ranking in hybrid fusion; the dense ranking gets the rest. */
  lexicalWeight?: number
}

/** How many candidates each ranking contributes to fusion. */
const POOL = 50

export const denseSearch = async (
  index: SearchIndex,
  query: string,
  n: number,
  keep: (block: Block) => boolean
): Promise<RankedBlock[]> => {
  const total = index.dense.index.getCurrentCount()
  const vector = await index.embeddings.embedQuery(query)
  if (total === 0 || vector.every((x) => x === 0)) return []
  const results = await index.dense.similaritySearchVectorWithScore(
    vector,
    Math.min(n, total),
    (doc) => {
      const block = index.byKey.get(String(doc.metadata.key))
      return block !== undefined && keep(block)
    }
  )
  return results.flatMap(([doc, distance]) => {
    const block = index.byKey.get(String(doc.metadata.key))
    // hnswlib's cosine space returns a distance, 1 − cosine: turned back into a similarity.
    return block ? [{ block, score: 1 - distance }] : []
  })
}

export const lexicalSearch = (
  index: SearchIndex,
  query: string,
  n: number,
  keep: (block: Block) => boolean
): RankedBlock[] =>
  index.lexical
    .search(query)
    .flatMap((r) => {
      const block = index.byKey.get(String(r.id))
      return block && keep(block) ? [{ block, score: r.score }] : []
    })
    .slice(0, n)

/** Ranks blocks for `query` with one of the three retrievers. */
export const search = async (
  index: SearchIndex,
  query: string,
  { mode = 'hybrid', k = 10, speaker, lexicalWeight = 0.6 }: SearchOptions = {}
): Promise<RankedBlock[]> => {
  const keep = speaker ? speakerFilter(speaker) : () => true
  if (mode === 'bm25') return lexicalSearch(index, query, k, keep)
  if (mode === 'dense') return denseSearch(index, query, k, keep)
  const [lexical, dense] = [
    lexicalSearch(index, query, POOL, keep),
    await denseSearch(index, query, POOL, keep),
  ]
  return fuseRankings([lexical, dense], [lexicalWeight, 1 - lexicalWeight]).slice(0, k)
}
