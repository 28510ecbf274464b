// Re-joins hard-wrapped lines into a paragraph, undoing a line-end hyphen only where it split a word.

/** The words a document uses, lower-cased, hyphenated compounds whole: the evidence for each line-end hyphen. */
export const documentWords = (lines: readonly string[]): ReadonlySet<string> => {
  const words = new Set<string>()
  for (const line of lines) {
    // A word broken at the end of its line is not evidence of itself.
    const body = line.replace(/\p{L}+[-\u00ad]$/u, '')
    for (const match of body.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) words.add(match[0].toLowerCase())
  }
  return words
}

const FIRST_WORD = /^\p{Ll}[\p{L}-]*/u

/**
 * Joins `next` onto `text`. A line ending in a hyphen after a letter, followed by a lower-case
 * word, is a word split at the margin when the document (or, failing that, `isWord`) knows the
 * joined word and not the hyphenated one ("inter-" + "national"); otherwise the hyphen belongs
 * to the word ("follow-" + "up") and stays.
 */
export const joinLine = (
  text: string,
  next: string,
  words: ReadonlySet<string>,
  isWord?: (word: string) => boolean
): string => {
  if (!text) return next
  if (!next) return text
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + next
  if (/[–—/]$/u.test(text)) return text + next
  const split = /(\p{L}+)-$/u.exec(text)
  const after = FIRST_WORD.exec(next)?.[0]
  if (!split?.[1] || !after) return `${text} ${next}`
  const head = split[1].toLowerCase()
  const tail = after.toLowerCase()
  const joined = head + tail
  const hyphenated = `${head}-${tail}`
  const knowsJoined = words.has(joined)
  const knowsHyphenated = words.has(hyphenated)
  const join =
    knowsJoined !== knowsHyphenated ? knowsJoined : (isWord?.(joined.replace(/-.*$/, '')) ?? false)
  return join ? text.slice(0, -1) + next : text + next
}

/** Joins a block's lines into one paragraph. */
export const joinLines = (
  lines: readonly string[],
  words: ReadonlySet<string>,
  isWord?: (word: string) => boolean
): string => lines.reduce((text, line) => joinLine(text, line.trim(), words, isWord), '')
