// Sentence boundaries with character offsets, aware of the abbreviations common in UN summary records.

/** A sentence as a half-open span [start, end) of its text. */
export type Span = { start: number; end: number }

// Words after which a full stop does not end a sentence ("Mr. Charef", "No. 275/2019", "art. 7").
const ABBREVIATIONS = new Set([
  'mr',
  'ms',
  'mrs',
  'dr',
  'no',
  'nos',
  'art',
  'arts',
  'para',
  'paras',
  'p',
  'pp',
  'vol',
  'cf',
  'e.g',
  'i.e',
  'st',
  'op',
  'rev',
  'add',
  'corr',
  // His or Her Excellency: "headed by H.E. Ms. Ana Novak".
  'h.e',
])

const BOUNDARY = /[.?!][”"’')\]]*(?=\s+[“"‘'(]?[\p{Lu}\p{N}])/gu

/** Splits text into sentence spans; the spans cover the text without its surrounding whitespace. */
export const splitSentences = (text: string): Span[] => {
  const spans: Span[] = []
  let start = 0
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length
    if (match[0][0] === '.' && isAbbreviation(text, match.index)) continue
    pushSpan(text, start, end, spans)
    start = end
  }
  pushSpan(text, start, text.length, spans)
  return spans
}

const isAbbreviation = (text: string, dot: number): boolean => {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? ''
  const word = before.toLowerCase()
  // A lone capital is an initial ("J. Smith"), not a sentence end.
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before)
}

const pushSpan = (text: string, from: number, to: number, spans: Span[]): void => {
  let start = from
  let end = to
  while (start < end && /\s/u.test(text[start] ?? '')) start++
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--
  if (end > start) spans.push({ start, end })
}
