// The loaded index every query runs against: blocks, records, dense store, lexical index, embedder, word vectors.
import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib'
import type { Embeddings } from '@langchain/core/embeddings'
import { InvalidRequestError, NotFoundError } from '../errors.ts'
import type { Block, RecordInfo } from '../records/block.ts'
import { slugFor } from '../records/block.ts'
import type { Bm25Index } from './bm25-index.ts'
import type { TermStats } from './lexical.ts'
import { blockKey } from './lexical.ts'
import type { Manifest } from './manifest.ts'
import type { WordVectors } from './vectors.ts'

export type SearchIndex = {
  manifest: Manifest
  records: RecordInfo[]
  /** All blocks, in record then reading order. */
  blocks: Block[]
  byKey: Map<string, Block>
  /** The sentence embedder the dense store was built with; queries must use the same one. */
  embeddings: Embeddings
  /** Word vectors, for matching a question's words to their near-synonyms in a passage. */
  vectors: WordVectors
  dense: HNSWLib
  lexical: Bm25Index
  terms: TermStats
  /** The corpus words that have vectors, for finding a stranger word's nearest corpus words. */
  lexicon: { word: string; rank: number }[]
  /** The block of each sentence in the dense store, by its label there. */
  sentenceBlocks: Block[]
  /** Each record's blocks, by symbol, for questions asked of one record. */
  recordBlocks: Map<string, ReadonlySet<Block>>
}

/**
 * Assembles the lookup tables of an index from its parts. Throws when the lexical index does not
 * number its documents in the order of the blocks, which searches rely on.
 */
export const assembleIndex = (
  parts: Omit<SearchIndex, 'byKey' | 'lexicon' | 'sentenceBlocks' | 'recordBlocks'>
): SearchIndex => {
  const { keys } = parts.lexical
  if (keys.length !== parts.blocks.length || parts.blocks.some((b, i) => blockKey(b) !== keys[i])) {
    throw new Error('the lexical index does not list the blocks in order')
  }
  const byKey = new Map(parts.blocks.map((b) => [blockKey(b), b]))
  const sentenceBlocks = Array.from({ length: parts.dense.index.getCurrentCount() }, (_, label) => {
    const doc = parts.dense.docstore.search(String(label))
    const block = typeof doc === 'string' ? undefined : byKey.get(String(doc.metadata.key))
    if (!block) throw new Error(`sentence ${label} of the dense store belongs to no block`)
    return block
  })
  const recordBlocks = new Map<string, Set<Block>>()
  for (const block of parts.blocks) {
    const blocks = recordBlocks.get(block.record) ?? new Set<Block>()
    recordBlocks.set(block.record, blocks.add(block))
  }
  return {
    ...parts,
    byKey,
    sentenceBlocks,
    recordBlocks,
    lexicon: parts.terms.vocabulary.flatMap((word) => {
      const rank = parts.vectors.rankOf(word)
      return rank === undefined ? [] : [{ word, rank }]
    }),
  }
}

/** The indexed record whose symbol is exactly `symbol`, if any: for symbols the index itself gave. */
export const recordBySymbol = (index: SearchIndex, symbol: string): RecordInfo | undefined =>
  index.records.find((r) => r.symbol === symbol)

/** Finds a record by its symbol ("CMW/C/SR.593", any case) or slug ("cmw-c-sr-593"). */
export const findRecord = (index: SearchIndex, name: string): RecordInfo => {
  const wanted = slugFor(name)
  const record = index.records.find((r) => r.slug === wanted)
  if (!record) throw new NotFoundError(`no record named "${name}" is indexed`)
  return record
}

/** The symbol of the record a question is restricted to; naming none that is indexed is the asker's mistake. */
export const recordFilter = (index: SearchIndex, name: string): string => {
  const wanted = slugFor(name)
  const record = index.records.find((r) => r.slug === wanted)
  if (record) return record.symbol
  const known = index.records.map((r) => r.symbol).join(', ') || 'none'
  throw new InvalidRequestError(`no record named "${name}" is indexed (indexed: ${known})`)
}

/** Finds a block of a record by paragraph number or block id ("17", "heading-1"). */
export const findBlock = (index: SearchIndex, record: RecordInfo, id: string): Block => {
  const block = index.byKey.get(blockKey({ record: record.symbol, id }))
  if (!block) throw new NotFoundError(`${record.symbol} has no paragraph or block "${id}"`)
  return block
}

/** The blocks before and after a block in the same record, if any. */
export const neighboursOf = (
  index: SearchIndex,
  block: Block
): { previous: Block | null; next: Block | null } => {
  const at = index.blocks.findIndex((b) => b.record === block.record && b.order === block.order)
  const sameRecord = (b: Block | undefined) => (b && b.record === block.record ? b : null)
  return { previous: sameRecord(index.blocks[at - 1]), next: sameRecord(index.blocks[at + 1]) }
}
