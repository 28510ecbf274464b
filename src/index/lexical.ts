// The lexical index: MiniSearch (BM25+) over block text and speaker, with stemmed, stopword-free terms.
import MiniSearch, { type Options } from 'minisearch'
import type { Block } from '../records/block.ts'
import { ROLE_LABELS } from '../records/block.ts'
import { STOPWORDS, contentTerms, stem, tokenize } from '../text/tokenize.ts'

export type LexicalDocument = { key: string; text: string; speaker: string; roles: string }

const OPTIONS: Options<LexicalDocument> = {
  idField: 'key',
  fields: ['text', 'speaker', 'roles'],
  storeFields: [],
  tokenize: (text) => tokenize(text).map((t) => t.word),
  processTerm: (word) => {
    const parts = word.includes('-') ? [word, ...word.split('-')] : [word]
    const terms = parts.filter((p) => p && !STOPWORDS.has(p)).map(stem)
    return terms.length > 0 ? terms : null
  },
  searchOptions: { combineWith: 'OR', boost: { text: 1, speaker: 1.5, roles: 0.5 } },
}

/** The key of a block across records. */
export const blockKey = (block: Pick<Block, 'record' | 'id'>): string => `${block.record}#${block.id}`

export const lexicalDocument = (block: Block): LexicalDocument => ({
  key: blockKey(block),
  text: block.text,
  speaker: block.speaker ?? '',
  roles: block.roles.map((r) => ROLE_LABELS[r]).join(' '),
})

export const buildLexicalIndex = (blocks: Block[]): MiniSearch<LexicalDocument> => {
  const index = new MiniSearch<LexicalDocument>(OPTIONS)
  index.addAll(blocks.map(lexicalDocument))
  return index
}

export const loadLexicalIndex = (json: string): MiniSearch<LexicalDocument> =>
  MiniSearch.loadJSON<LexicalDocument>(json, OPTIONS)

/** Document frequencies of content terms, for weighting query terms in answer selection. */
export type TermStats = { documents: number; df: Record<string, number> }

export const termStatsOf = (blocks: Block[]): TermStats => {
  const df: Record<string, number> = {}
  for (const block of blocks) {
    for (const term of new Set(contentTerms(`${block.text} ${block.speaker ?? ''}`))) df[term] = (df[term] ?? 0) + 1
  }
  return { documents: blocks.length, df }
}

/** Inverse document frequency; a term the corpus never uses gets more than any term it does. */
export const idf = (stats: TermStats, term: string): number =>
  Math.log(1 + (stats.documents + 1) / ((stats.df[term] ?? 0) + 0.5))
