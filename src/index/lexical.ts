// Lexical documents: the fields of a block the BM25 index scores, with their boosts, and term statistics.
import type { Block } from '../records/block.ts'
import { ROLE_LABELS } from '../records/block.ts'
import { PROCEDURAL_EVENTS } from '../records/conventions.ts'
import { NAME_CONNECTORS } from '../language/english.ts'
import { enumerationAcronyms, glossaryOf, spelledOut } from '../text/acronyms.ts'
import { STOPWORDS, contentTerms, tokenize } from '../text/tokenize.ts'
import type { Bm25Document, Bm25Index } from './bm25-index.ts'
import { buildBm25Index } from './bm25-index.ts'

/** The key of a block across records. */
export const blockKey = (block: Pick<Block, 'record' | 'id'>): string =>
  `${block.record}#${block.id}`

// Words people use for what a heading or procedural line is, which its own text rarely says.
const PROCEDURAL_LABELS: [RegExp, string][] = [
  [PROCEDURAL_EVENTS.start, 'start open begin'],
  [PROCEDURAL_EVENTS.suspension, 'suspension break pause'],
  [PROCEDURAL_EVENTS.resumption, 'resume restart'],
  [PROCEDURAL_EVENTS.end, 'rise end close adjourn finish'],
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

/**
 * A block as the lexical index sees it. A word of the speaker's name counts more than one of the
 * text ("What did Mr. Charef ask"), a role or an event label less.
 */
export const lexicalDocument = (
  block: Block,
  glossary: ReadonlyMap<string, string> = new Map()
): Bm25Document => {
  const tokens = tokenize(block.text)
  return {
    key: blockKey(block),
    fields: [
      { text: block.text, boost: 1 },
      // What its acronyms stand for, as its record defines them: "Ratify ICRMW" is about migrant workers.
      { text: spelledOut(block.text, tokens, glossary).join(' '), boost: 1 },
      // The acronyms its lists of words make: "lesbian, gay, bisexual, transgender and intersex" is LGBTI.
      { text: enumerationAcronyms(block.text, tokens).join(' '), boost: 1 },
      { text: block.speaker ?? '', boost: 1.5 },
      { text: block.roles.map((r) => ROLE_LABELS[r]).join(' '), boost: 0.5 },
      { text: structuralLabel(block), boost: 0.8 },
    ],
  }
}

export const buildLexicalIndex = (blocks: Block[]): Bm25Index => {
  const texts = new Map<string, string[]>()
  for (const b of blocks) {
    const own = texts.get(b.record) ?? []
    own.push(b.text)
    texts.set(b.record, own)
  }
  const glossaries = new Map(
    [...texts].map(([record, own]) => [record, glossaryOf(own, NAME_CONNECTORS)])
  )
  return buildBm25Index(
    blocks.map((b) => lexicalDocument(b, glossaries.get(b.record))),
    contentTerms
  )
}

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
    for (const term of new Set(
      contentTerms(`${block.text} ${block.speaker ?? ''} ${structuralLabel(block)}`)
    ))
      df[term] = (df[term] ?? 0) + 1
  }
  return { documents: blocks.length, df, vocabulary: [...vocabulary].sort() }
}

/** Inverse document frequency; a term the corpus never uses gets more than any term it does. */
export const idf = (stats: TermStats, term: string): number =>
  Math.log(1 + (stats.documents + 1) / ((stats.df[term] ?? 0) + 0.5))
