// Word tokens, stems and stopwords shared by the lexical index, the embedder and answer scoring.
import { stemmer } from 'stemmer'
import { BoundedCache } from '../bounded-cache.ts'

/** A word as it appears in text, with its offsets. */
export type Token = { readonly word: string; readonly start: number; readonly end: number }

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-‑][\p{L}\p{N}]+)*/gu

// The same texts are tokenised again and again: a question by every stage that reads it, the
// record's sentences by every question they are retrieved for.
const tokenCache = new BoundedCache<string, readonly Token[]>(4_096)

/** Splits text into lower-cased word tokens; hyphenated compounds stay whole. */
export const tokenize = (text: string): readonly Token[] =>
  tokenCache.get(text, () =>
    Array.from(text.matchAll(WORD), (m) => ({
      word: foldWord(m[0]),
      start: m.index,
      end: m.index + m[0].length,
    }))
  )

// Typographic apostrophes and non-breaking hyphens are rare: most words skip the replacing.
const foldWord = (word: string): string => {
  const lower = word.toLowerCase()
  return /[’‑]/.test(lower) ? lower.replace(/’/g, "'").replace(/‑/g, '-') : lower
}

// Function words and question scaffolding: they say nothing about what a question is about.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves s t don shall may might must upon within without whether
  tell say said says saying ask asked asking mention mentioned mentions record meeting please anything
  something give given kind sort way ways there's what's who's toward towards done like get got`
    .split(/\s+/)
    .filter(Boolean)
)

const stemCache = new Map<string, string>()

/** Porter stem of a lower-cased word, with possessives, apostrophes and accents folded first. */
export const stem = (word: string): string => {
  let cached = stemCache.get(word)
  if (cached === undefined) {
    cached = stemmer(
      word
        .replace(/'s$/, '')
        .replace(/'/g, '')
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
    )
    if (stemCache.size < 200_000) stemCache.set(word, cached)
  }
  return cached
}

/** Content terms of a text: stems of its tokens that are not stopwords, hyphenated compounds also split. */
export const contentTerms = (text: string): string[] => {
  const terms: string[] = []
  for (const { word } of tokenize(text)) {
    const parts = word.includes('-') ? [word, ...word.split('-')] : [word]
    for (const part of parts) if (part && !STOPWORDS.has(part)) terms.push(stem(part))
  }
  return terms
}
