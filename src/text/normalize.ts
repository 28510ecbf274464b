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
