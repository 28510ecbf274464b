// Normalisation for comparing quotations: whitespace, typographic quotes and dashes folded.

/** Collapses every run of Unicode whitespace (NBSP included) into one ASCII space and trims. */
export const normalizeWhitespace = (text: string): string => text.replace(/\s+/gu, ' ').trim()

/** Folds typographic quotes, apostrophes and dashes to ASCII, then whitespace, for matching quotes. */
export const normalizeForMatch = (text: string): string =>
  normalizeWhitespace(
    text
      .replace(/[‘’‚‛′]/g, "'")
      .replace(/[“”„‟″«»]/g, '"')
      .replace(/[‐‑‒–—―−]/g, '-')
  ).toLowerCase()

/**
 * Where `quote` stands in `text`, compared as `normalizeForMatch` compares them, as offsets into
 * `text` itself; null when it does not.
 */
export const locateQuote = (text: string, quote: string): { start: number; end: number } | null => {
  const wanted = normalizeForMatch(quote)
  if (wanted === '') return null
  let folded = ''
  const origin: number[] = []
  let offset = 0
  for (const char of text) {
    const piece = /\s/u.test(char) ? ' ' : normalizeForMatch(char) || char.toLowerCase()
    // Runs of whitespace fold into one space, as normalizeWhitespace folds them.
    if (!(piece === ' ' && folded.endsWith(' '))) {
      for (let i = 0; i < piece.length; i++) origin.push(offset)
      folded += piece
    }
    offset += char.length
  }
  const at = folded.indexOf(wanted)
  if (at < 0) return null
  const last = origin[at + wanted.length - 1] ?? 0
  const width = (text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1
  return { start: origin[at] ?? 0, end: last + width }
}
