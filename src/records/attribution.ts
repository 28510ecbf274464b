// Attribution by structure: a paragraph that opens with a speaker, an optional parenthesis and aside, then a reporting verb.
import {
  AUXILIARIES,
  COMPLEMENT_MARKERS,
  IRREGULAR_PAST,
  LINKING_ADVERBS,
  MODALS,
  REACTION_PARTICIPLES,
} from '../language/english.ts'
import {
  CHAIR_QUALIFIERS,
  CHAIR_WORDS,
  DELEGATION_SUBJECTS,
  HONORIFICS,
  NAME_PARTICLES,
  SECRETARIAT_SUBJECTS,
} from './conventions.ts'
import { leadingStateName } from './states.ts'

/** Who a paragraph's opening names, before roles are resolved against the record. */
export type Subject =
  | { kind: 'chair'; qualifier: string | null }
  | { kind: 'person'; name: string }
  | {
      kind: 'delegation'
      form: 'representative' | 'member' | 'head' | 'delegation'
      state: string | null
    }
  | { kind: 'secretariat'; post: string }
  | { kind: 'state'; state: string }

export type Opening = {
  subject: Subject
  /** The parenthesis after the subject, nested parentheses kept: "Country Rapporteur", "Sudan". */
  parenthesis: string | null
  /** An aside between commas before the verb: "Vice-Chair", "noting that …". */
  aside: string | null
  /** What follows the subject: the verb and the rest of the sentence. */
  predicate: string
  /**
   * The verb is an auxiliary with no "that"/"whether"/"to" after it ("Mr. X had been released"):
   * an attribution only for someone already known to speak in the record.
   */
  weak: boolean
  /** "that", "whether" or "to" follows the verb closely: what someone said, asked or wished. */
  complement: boolean
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alternatives = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')

// An apostrophe stays inside a name only before a capital ("O'Flaherty"), never as a possessive.
const NAME_WORD = String.raw`\p{Lu}(?:[\p{L}.-]|['’](?=\p{Lu}))*`
const PARTICLE = `(?:${alternatives(NAME_PARTICLES)})`
// "Mr. Ceriani Cernadas", "Mr. van BOVEN", "Ms Abdel Moneim bin Ali": capitalised words, with particles between.
const PERSON = new RegExp(
  String.raw`^(?:${alternatives(HONORIFICS)})\.?\s+(?:${PARTICLE}\s+)*${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD})*`,
  'u'
)
const PERSON_AFTER = new RegExp(String.raw`^,?\s+(?:and\s+)?${PERSON.source.slice(1)}`, 'u')
const CHAIR_WORD = alternatives([...CHAIR_WORDS, ...CHAIR_WORDS.map((w) => w.toUpperCase())])
const QUALIFIER = alternatives([
  ...CHAIR_QUALIFIERS,
  ...CHAIR_QUALIFIERS.map((w) => w.toUpperCase()),
])
const CHAIR = new RegExp(
  String.raw`^The\s+(?:(?<qualifier>${QUALIFIER})\s*)?(?:${CHAIR_WORD})\b`,
  'u'
)
const SECRETARIAT = new RegExp(String.raw`^(?<post>${alternatives(SECRETARIAT_SUBJECTS)})\b`, 'u')
const DELEGATION = new RegExp(
  String.raw`^(?<subject>${alternatives(DELEGATION_SUBJECTS)})(?:\s+of\s+(?:the\s+)?(?<state>\p{Lu}[^,()]*?))?(?=[\s,(])`,
  'u'
)

/** The word after a subject (and its parenthesis and aside) that makes the opening a report of speech. */
export const isReportingVerb = (word: string): boolean =>
  /^\p{Ll}[\p{Ll}-]*ed$/u.test(word) ||
  IRREGULAR_PAST.has(word) ||
  MODALS.has(word) ||
  AUXILIARIES.has(word)

/** The verb a predicate opens with, past linking adverbs ("also", "then", "briefly"), and how sure it is. */
const verbOf = (predicate: string): { verb: string; weak: boolean; complement: boolean } | null => {
  const words = predicate
    .trimStart()
    .split(/\s+/, 12)
    .map((w) => w.replace(/[^\p{L}-]+$/u, ''))
  for (const [i, word] of words.entries()) {
    if (LINKING_ADVERBS.has(word) || /^\p{Ll}+ly$/u.test(word)) continue
    if (!isReportingVerb(word)) return null
    const after = words.slice(i + 1, i + 7)
    const complement = after.some((w) => COMPLEMENT_MARKERS.has(w))
    const weak =
      AUXILIARIES.has(word) &&
      !complement &&
      !after.slice(0, 3).some((w) => REACTION_PARTICIPLES.has(w))
    return { verb: word, weak, complement }
  }
  return null
}

/**
 * An attribution after an opening phrase: "Concerning 'erased persons', Slovenia noted that …",
 * "In reply to Mr. X, Ms. Y said that …". Only a verb that reports words ("… that", "… whether")
 * counts here: "In 2024, Slovenia obtained a score" reports none.
 */
const leadingPhrase = (text: string, states: boolean): Opening | null => {
  const comma = text.indexOf(', ')
  if (comma < 0 || comma > LONGEST_OPENING_PHRASE || !/^\p{Lu}/u.test(text)) return null
  // After an opening phrase the subject's article is lower case: "Regarding X, the delegation …".
  const after = text.slice(comma + 2)
  const rest = after.charAt(0).toUpperCase() + after.slice(1)
  const found = subjectAt(rest, states)
  if (!found) return null
  const opening = openingOf(rest, { states })
  return opening && opening.complement && !opening.weak && opening.aside === null ? opening : null
}

const LONGEST_OPENING_PHRASE = 120

/** The person whose possessive opens a paragraph ("Mr. HAUGLAND's question …"), or null. */
export const possessiveOpening = (text: string): string | null => {
  const person = PERSON.exec(text)
  return person !== null && /^['’]s\b/u.test(text.slice(person[0].length)) ? person[0] : null
}

/** The balanced parenthesis at the start of `text` (after spaces): its contents and what follows. */
const parenthesisAt = (text: string): { inner: string; rest: string } | null => {
  const start = text.search(/\S/)
  if (text[start] !== '(') return null
  let depth = 0
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0)
      return { inner: text.slice(start + 1, i).trim(), rest: text.slice(i + 1) }
  }
  return null
}

const subjectAt = (text: string, states: boolean): { subject: Subject; length: number } | null => {
  const chair = CHAIR.exec(text)
  if (chair) {
    const qualifier = chair.groups?.qualifier?.replace(/-$/, '') ?? null
    return { subject: { kind: 'chair', qualifier }, length: chair[0].length }
  }
  const secretariat = SECRETARIAT.exec(text)
  if (secretariat) {
    return { subject: { kind: 'secretariat', post: secretariat[0] }, length: secretariat[0].length }
  }
  const delegation = DELEGATION.exec(text)
  if (delegation?.groups) {
    const subject = delegation.groups.subject ?? ''
    const form = /member/i.test(subject)
      ? 'member'
      : /head/i.test(subject)
        ? 'head'
        : /delegation$/i.test(subject)
          ? 'delegation'
          : 'representative'
    const state = delegation.groups.state?.trim() ?? null
    return { subject: { kind: 'delegation', form, state }, length: delegation[0].length }
  }
  const person = PERSON.exec(text)
  if (person) {
    // "Ms. X, Mr. Y and Ms. Z made the solemn declaration": the first named stands for them all.
    let length = person[0].length
    for (
      let more = PERSON_AFTER.exec(text.slice(length));
      more;
      more = PERSON_AFTER.exec(text.slice(length))
    )
      length += more[0].length
    return { subject: { kind: 'person', name: person[0].replace(/\s+/g, ' ') }, length }
  }
  if (states) {
    const state = leadingStateName(text)
    if (state) {
      const at = text.indexOf(state) + state.length
      return { subject: { kind: 'state', state }, length: at }
    }
  }
  return null
}

/**
 * The opening of a paragraph when it reports someone's words: a subject, an optional
 * parenthesis, an optional aside between commas, then a reporting verb ("Mr. Taghi-Zada, noting
 * that …, said", "The CHAIRMAN drew attention", "Germany welcomed"). `states` admits a State's
 * name as a subject, as in Universal Periodic Review reports.
 */
export const openingOf = (text: string, { states = false } = {}): Opening | null => {
  const found = subjectAt(text, states)
  if (!found) return leadingPhrase(text, states)
  let rest = text.slice(found.length)
  const { subject } = found
  const parenthesis = parenthesisAt(rest)
  if (parenthesis) rest = parenthesis.rest
  // A person's name that runs into a capitalised word of the sentence ("Mr. Smith Welcomed") is
  // not trimmed here: only a verb after the name makes an attribution.
  const verb = verbOf(rest)
  if (verb)
    return {
      subject,
      parenthesis: parenthesis?.inner ?? null,
      aside: null,
      predicate: rest.trim(),
      weak: verb.weak,
      complement: verb.complement,
    }
  if (!/^\s*,/.test(rest)) return null
  // The shortest aside after which a reporting verb follows: "…, noting that the report was late, asked".
  for (
    let at = rest.indexOf(','), end = rest.indexOf(',', at + 1);
    end > 0 && end < 400;
    end = rest.indexOf(',', end + 1)
  ) {
    const predicate = rest.slice(end + 1)
    const verb = verbOf(predicate)
    if (verb) {
      const aside = rest.slice(at + 1, end).trim()
      return {
        subject,
        parenthesis: parenthesis?.inner ?? null,
        aside,
        predicate: predicate.trim(),
        weak: verb.weak,
        complement: verb.complement,
      }
    }
  }
  return null
}
