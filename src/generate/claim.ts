// Checks a cited claim against the paragraphs it cites: its figures and names must stand there, its content words must be covered, and it must agree with them on negation.
import {
  CLAIM_REPORTING,
  CLAIM_SCAFFOLD,
  ENGLISH_SPEAKERS,
  NEGATIONS,
  SCAFFOLD,
  SCOPE_CLASSES,
  STOPWORDS,
} from '../language/english.ts'
import { HONORIFIC_WORDS } from '../records/conventions.ts'
import type { Block } from '../records/block.ts'
import { ROLE_LABELS } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import { queryTerm, termMatch, weightedShare } from '../retrieve/coverage.ts'
import { stem } from '../text/tokenize.ts'

export type ClaimCheck = {
  ok: boolean
  /** Share of the claim's content weight the cited paragraphs cover, in [0, 1]. */
  score: number
  /** The claim's words the cited paragraphs do not hold. */
  unmatched: string[]
  reason: string | null
}

/** Each scope word's stem and the kind it belongs to. */
const SCOPE_KIND = new Map(
  Object.entries(SCOPE_CLASSES).flatMap(([kind, words]) =>
    words.map((w) => [stem(w), kind] as const)
  )
)
// "1,900", "41,610", "2019", "39 per cent": figures as written, thousands separators dropped.
const FIGURE = /\d[\d,.]*\d|\d/g
const figuresIn = (text: string): string[] =>
  [...text.matchAll(FIGURE)].map((m) => m[0].replace(/,/g, '').replace(/\.$/, ''))

/** What the cited paragraphs say, with who said it. */
const citedText = (blocks: readonly Block[]): string =>
  blocks
    .map((b) => [b.text, b.speaker ?? '', ...b.roles.map((r) => ROLE_LABELS[r])].join(' '))
    .join(' ')

const negated = (corpus: Corpus, text: string): boolean =>
  corpus.tokens(text).some((t) => NEGATIONS.has(t.word) || t.word.endsWith("n't"))

/**
 * Checks one claim (its citations removed) against the blocks it cites. `floor` is the share of
 * its content the blocks must cover; a claim not in English is checked by its figures and names
 * only.
 */
export const checkClaim = (
  corpus: Corpus,
  claim: string,
  cited: readonly Block[],
  { floor, english = true }: { floor: number; english?: boolean }
): ClaimCheck => {
  const source = citedText(cited)
  const sourceWords = corpus.passage(source)
  const fail = (reason: string, score: number, unmatched: string[]): ClaimCheck => ({
    ok: false,
    score,
    unmatched,
    reason,
  })
  // Figures and dates: each must stand in the cited paragraphs as written.
  const figures = new Set(figuresIn(source))
  const wrongFigures = figuresIn(claim).filter((f) => !figures.has(f))
  const tokens = corpus.tokens(claim)
  const content = tokens.filter(
    (t) =>
      !STOPWORDS.has(t.word) &&
      !SCAFFOLD.has(t.word) &&
      !CLAIM_SCAFFOLD.has(t.word) &&
      !HONORIFIC_WORDS.has(t.word) &&
      !/^\d/.test(t.word)
  )
  // A capital inside the claim marks a name: it must be the paragraphs' own word.
  const names = content.filter((t) => t.start > 0 && /^\p{Lu}/u.test(claim.slice(t.start, t.end)))
  const wrongNames = names
    .filter((t) => !sourceWords.stems.has(corpus.stem(t.word)))
    .map((t) => claim.slice(t.start, t.end))
  const terms = [...new Map(content.map((t) => [t.word, t])).values()].map((t) =>
    queryTerm(corpus, claim.slice(t.start, t.end), false)
  )
  const matches = terms.map((t) => termMatch(t, sourceWords, corpus))
  const score = terms.length === 0 ? 1 : weightedShare(terms, matches)
  const unmatched = [
    ...wrongFigures,
    ...wrongNames,
    ...terms
      .filter(
        (t, i) => (matches[i] ?? 0) === 0 && !names.some((n) => n.word === t.word.toLowerCase())
      )
      .map((t) => t.word),
  ]
  if (wrongFigures.length > 0)
    return fail(`${wrongFigures.join(', ')} is not in the paragraphs it cites`, score, unmatched)
  if (wrongNames.length > 0)
    return fail(`${wrongNames.join(', ')} is not in the paragraphs it cites`, score, unmatched)
  if (english && score < floor)
    return fail(
      `the paragraphs it cites cover ${Math.round(score * 100)} % of what it says`,
      score,
      unmatched
    )
  if (!english) return { ok: true, score, unmatched, reason: null }
  // The sentence it rests on: the cited sentence that covers most of it.
  const sentences = cited.flatMap((b) => corpus.sentences(b))
  const best = sentences.reduce<{ text: string; share: number } | null>((a, s) => {
    const share = weightedShare(
      terms,
      terms.map((t) => termMatch(t, s.words, corpus))
    )
    return a && a.share >= share ? a : { text: s.text, share }
  }, null)
  if (best && negated(corpus, claim) !== negated(corpus, best.text))
    return fail(
      negated(corpus, claim)
        ? 'it negates what the paragraph it cites states'
        : 'the paragraph it cites says the opposite (a negation it drops)',
      score,
      unmatched
    )
  // Words of quantity and direction must find their kind in the paragraph: "fell" is not "increased".
  const kinds = (words: Iterable<string>) =>
    new Set([...words].flatMap((w) => SCOPE_KIND.get(corpus.stem(w)) ?? []))
  const stated = kinds(corpus.tokens(source).map((t) => t.word))
  const shifted = tokens.filter((t) => [...kinds([t.word])].some((k) => !stated.has(k)))
  if (shifted.length > 0)
    return fail(
      `“${shifted.map((t) => claim.slice(t.start, t.end)).join('”, “')}” is not what the paragraph it cites says`,
      score,
      [...unmatched, ...shifted.map((t) => t.word)]
    )
  // Who said it: a claim that gives the words to the other side of the dialogue misattributes them.
  const attribution = CLAIM_REPORTING.exec(claim)
  const subject = (attribution?.[1] ?? attribution?.[2] ?? '').replace(/\bsummary\s+record\b/gi, '')
  if (subject.trim() && cited.every((b) => b.speaker !== null)) {
    const delegation = cited.some((b) => b.roles.includes('state_delegation'))
    const claimsDelegation =
      ENGLISH_SPEAKERS.delegation.test(subject) || /\brepresentative\b/i.test(subject)
    const claimsCommittee = ENGLISH_SPEAKERS.committee.test(subject) && !claimsDelegation
    if ((delegation && claimsCommittee) || (!delegation && claimsDelegation))
      return fail('it gives the words to the other side of the dialogue', score, unmatched)
  }
  return { ok: true, score, unmatched, reason: null }
}
