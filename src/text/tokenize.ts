// Word tokens, stems and stopwords shared by the lexical index, the embedder and answer scoring.
import { stemmer } from 'stemmer'
import { STOPWORDS } from '../language/english.ts'

/** A word as it appears in text, with its offsets. */
export type Token = { readonly word: string; readonly start: number; readonly end: number }

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-‑][\p{L}\p{N}]+)*/gu

/** Splits text into lower-cased word tokens; hyphenated compounds stay whole. */
export const tokenize = (text: string): readonly Token[] =>
  Array.from(text.matchAll(WORD), (m) => ({
    word: foldWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }))

// Typographic apostrophes and non-breaking hyphens are rare: most words skip the replacing.
const foldWord = (word: string): string => {
  const lower = word.toLowerCase()
  return /[’‑]/.test(lower) ? lower.replace(/’/g, "'").replace(/‑/g, '-') : lower
}

export { STOPWORDS } from '../language/english.ts'

/** Porter stem of a lower-cased word, with possessives, apostrophes and accents folded first. */
export const stem = (word: string): string =>
  stemmer(
    word
      .replace(/'s$/, '')
      .replace(/'/g, '')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
  )

/** Content terms of a text: stems of its tokens that are not stopwords, hyphenated compounds also split. */
export const contentTerms = (text: string): string[] => {
  const terms: string[] = []
  for (const { word } of tokenize(text)) {
    const parts = word.includes('-') ? [word, ...word.split('-')] : [word]
    for (const part of parts) if (part && !STOPWORDS.has(part)) terms.push(stem(part))
  }
  return terms
}
