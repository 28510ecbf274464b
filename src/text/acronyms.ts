// Acronyms: those a text's capitalised names and lists of words make ("UPR", "LGBTI"), and those it defines ("… (ICRMW)").
import type { Token } from './tokenize.ts'
import { tokenize } from './tokenize.ts'

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
  for (const acronym of enumerationAcronyms(text, tokens)) found.add(acronym)
  return [...found]
}

/** Fewest words of a list whose initials make an acronym: "lesbian, gay, bisexual". */
const MIN_LISTED = 3

/** What separates the items of a list: a comma, "and" or "or", or both. */
const LIST_GAP = /^(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+)$/

/**
 * The acronyms of lists of single words, whatever their case, with and without the word they
 * qualify: "lesbian, gay, bisexual, transgender and intersex persons" is LGBTI (and LGBTIP),
 * "economic, social and cultural rights" ESCR.
 */
export const enumerationAcronyms = (text: string, tokens: readonly Token[]): string[] => {
  const found: string[] = []
  let run: Token[] = []
  const flush = (next: Token | undefined) => {
    if (run.length >= MIN_LISTED) {
      const initials = run.map((t) => t.word.charAt(0)).join('')
      found.push(initials)
      const last = run[run.length - 1] as Token
      if (next && /^\s+$/.test(text.slice(last.end, next.start)))
        found.push(initials + next.word.charAt(0))
    }
    run = []
  }
  for (const token of tokens) {
    // "and" joins the last item: it is no item of its own.
    if (token.word === 'and' || token.word === 'or') continue
    const previous = run[run.length - 1]
    const word = /^\p{L}+$/u.test(token.word)
    if (word && previous && LIST_GAP.test(text.slice(previous.end, token.start))) run.push(token)
    else {
      flush(token)
      if (word) run = [token]
    }
  }
  flush(undefined)
  return found
}

/** An acronym a text defines in parentheses: "(ICRMW)", "(CAT)", "(OP-CRC)". */
const DEFINED = /\(([A-Z][A-Z0-9-]+)\)/g

/** Whether `letters` are, in order, initials of `words` from the first. */
const spells = (letters: string, words: readonly string[]): boolean => {
  if (words[0]?.charAt(0) !== letters.charAt(0)) return false
  let at = 0
  for (const word of words) if (word.charAt(0) === letters.charAt(at)) at += 1
  return at >= letters.length
}

/**
 * The acronyms `text` defines, lower-cased as the tokenizer writes them ("op-crc"), each with the
 * name it stands for: the shortest end of the name just before the parenthesis (capitalised words,
 * `connectors` and commas between capitalised words) whose initials hold the acronym's letters in
 * order, from its first ("Convention on the Rights of the Child (CRC)", "International Covenant on
 * Economic, Social and Cultural Rights (ICESCR)").
 */
export const definedAcronyms = (
  text: string,
  tokens: readonly Token[],
  connectors: ReadonlySet<string>
): Map<string, string> => {
  const defined = new Map<string, string>()
  const capitalised = (t: Token) => /^\p{Lu}/u.test(text.slice(t.start, t.end))
  for (const match of text.matchAll(DEFINED)) {
    const acronym = match[1] ?? ''
    const letters = acronym.replace(/[^A-Z]/g, '').toLowerCase()
    if (letters.length < 2) continue
    // The name's words, back from the parenthesis until other punctuation or a lower-case word.
    let last = tokens.length - 1
    while (last >= 0 && (tokens[last]?.end ?? 0) > match.index) last -= 1
    const name: Token[] = []
    let end = match.index
    for (let i = last; i >= 0; i--) {
      const token = tokens[i] as Token
      const gap = text.slice(token.end, end)
      const joins = !/\S/.test(gap) || (/^,\s+$/.test(gap) && capitalised(token))
      if (!joins || (!capitalised(token) && !connectors.has(token.word))) break
      name.unshift(token)
      end = token.start
    }
    const words = name.map((t) => t.word)
    for (let from = words.length - 2; from >= 0; from--) {
      const first = name[from] as Token
      if (capitalised(first) && spells(letters, words.slice(from))) {
        defined.set(acronym.toLowerCase(), text.slice(first.start, name[name.length - 1]?.end))
        break
      }
    }
  }
  return defined
}

/** The acronyms a record's texts define, each with its first definition. */
export const glossaryOf = (
  texts: readonly string[],
  connectors: ReadonlySet<string>
): Map<string, string> => {
  const glossary = new Map<string, string>()
  for (const text of texts)
    for (const [acronym, name] of definedAcronyms(text, tokenize(text), connectors))
      if (!glossary.has(acronym)) glossary.set(acronym, name)
  return glossary
}

/**
 * The names of the acronyms `text` writes in capitals that `glossary` defines: "Ratify ICRMW
 * (Senegal)" is about the Migrant Workers Convention.
 */
export const spelledOut = (
  text: string,
  tokens: readonly Token[],
  glossary: ReadonlyMap<string, string>
): string[] => {
  if (glossary.size === 0) return []
  const names = new Set<string>()
  for (const t of tokens) {
    const written = text.slice(t.start, t.end)
    const name = written === written.toUpperCase() ? glossary.get(t.word) : undefined
    if (name) names.add(name)
  }
  return [...names]
}
