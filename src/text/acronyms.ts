// The acronyms a text's capitalised names make: "Universal Periodic Review" is also "UPR".
import type { Token } from './tokenize.ts'

/** Longest name, in capitalised words, whose acronyms are read. */
const MAX_NAME_WORDS = 8

type NameWord = { initial: string; capital: boolean }

/**
 * Every acronym, lower-cased, of a run of two or more capitalised words in `text` (its `tokens`),
 * with and without the initials of the `connectors` inside it ("Committee against Torture": "ct"
 * and "cat"), and of each shorter run within it ("Working Group on the Universal Periodic Review"
 * also gives "upr"). A run ends at punctuation.
 */
export const acronymsOf = (
  text: string,
  tokens: readonly Token[],
  connectors: ReadonlySet<string>
): string[] => {
  const found = new Set<string>()
  let run: NameWord[] = []
  const flush = () => {
    while (run.length > 0 && !run[run.length - 1]?.capital) run.pop()
    const capitals = run.flatMap((w, i) => (w.capital ? [i] : []))
    for (const [a, from] of capitals.entries())
      for (const to of capitals.slice(a + 1, a + MAX_NAME_WORDS)) {
        const span = run.slice(from, to + 1)
        found.add(span.map((w) => w.initial).join(''))
        found.add(
          span
            .filter((w) => w.capital)
            .map((w) => w.initial)
            .join('')
        )
      }
    run = []
  }
  let end = 0
  for (const token of tokens) {
    if (/\S/.test(text.slice(end, token.start))) flush()
    end = token.end
    const written = text.slice(token.start, token.end)
    if (/^\p{Lu}/u.test(written)) run.push({ initial: token.word.charAt(0), capital: true })
    else if (run.length > 0 && connectors.has(token.word))
      run.push({ initial: token.word.charAt(0), capital: false })
    else flush()
  }
  flush()
  return [...found]
}
