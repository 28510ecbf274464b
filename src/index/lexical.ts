// The lexical index: MiniSearch (BM25+) over block text and speaker, with stemmed, stopword-free terms.
import MiniSearch, { type Options } from 'minisearch'
import type { Block } from '../records/block.ts'
import { ROLE_LABELS } from '../records/block.ts'
import { STOPWORDS, contentTerms, stem, tokenize } from '../text/tokenize.ts'

export type LexicalDocument = {
  key: string
  text: string
  speaker: string
  roles: string
  label: string
}

const OPTIONS: Options<LexicalDocument> = {
  idField: 'key',
  fields: ['text', 'speaker', 'roles', 'label'],
  storeFields: [],
  tokenize: (text) => tokenize(text).map((t) => t.word),
  processTerm: (word) => {
    const parts = word.includes('-') ? [word, ...word.split('-')] : [word]
    const terms = parts.filter((p) => p && !STOPWORDS.has(p)).map(stem)
    return terms.length > 0 ? terms : null
  },
  searchOptions: { combineWith: 'OR', boost: { text: 1, speaker: 1.5, roles: 0.5, label: 0.8 } },
}

/** The key of a block across records. */
export const blockKey = (block: Pick<Block, 'record' | 'id'>): string => `${block.record}#${block.id}`

// Words people use for what a heading or procedural line is, which its own text rarely says.
const PROCEDURAL_LABELS: [RegExp, string][] = [
  [/called to order|began|opened/i, 'start open begin'],
  [/suspended/i, 'suspension break pause'],
  [/resumed/i, 'resume restart'],
  [/rose|adjourned|closed|ended/i, 'rise end close adjourn finish'],
]

/** Descriptors of a block's structural role: "agenda item" for headings, the event of a procedural line. */
export const structuralLabel = (block: Pick<Block, 'kind' | 'text'>): string => {
  if (block.kind === 'heading') return 'agenda item'
  if (block.kind === 'procedural') {
    return PROCEDURAL_LABELS.filter(([pattern]) => pattern.test(block.text))
      .map(([, words]) => words)
      .join(' ')
  }
  return ''
}

export const lexicalDocument = (block: Block): LexicalDocument => ({
  key: blockKey(block),
  text: block.text,
  speaker: block.speaker ?? '',
  roles: block.roles.map((r) => ROLE_LABELS[r]).join(' '),
  label: structuralLabel(block),
})

export const buildLexicalIndex = (blocks: Block[]): MiniSearch<LexicalDocument> => {
  const index = new MiniSearch<LexicalDocument>(OPTIONS)
  index.addAll(blocks.map(lexicalDocument))
  return index
}

export const loadLexicalIndex = (json: string): MiniSearch<LexicalDocument> =>
  MiniSearch.loadJSON<LexicalDocument>(json, OPTIONS)

/**
 * Document frequencies of content terms, for weighting query terms in answer selection, and the
 * corpus's distinct words, for expanding a query word the corpus never uses.
 */
export type TermStats = { documents: number; df: Record<string, number>; vocabulary: string[] }

export const termStatsOf = (blocks: Block[]): TermStats => {
  const df: Record<string, number> = {}
  const vocabulary = new Set<string>()
  for (const block of blocks) {
    for (const { word } of tokenize(block.text)) if (!STOPWORDS.has(word)) vocabulary.add(word)
    for (const term of new Set(contentTerms(`${block.text} ${block.speaker ?? ''} ${structuralLabel(block)}`))) df[term] = (df[term] ?? 0) + 1
  }
  return { documents: blocks.length, df, vocabulary: [...vocabulary].sort() }
}

/** Inverse document frequency; a term the corpus never uses gets more than any term it does. */
export const idf = (stats: TermStats, term: string): number =>
  Math.log(1 + (stats.documents + 1) / ((stats.df[term] ?? 0) + 0.5))
