// Checks a generated answer against its sources: every citation given, every quotation verbatim, every claim cited.
import type { Block } from '../records/block.ts'
import { locateQuote } from '../text/normalize.ts'
import { splitSentences } from '../text/sentences.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import type { LanguageCode } from '../language/language.ts'
import { checkClaim } from './claim.ts'
import type { SentenceVerdict, Verification } from '../answer/schema.ts'

// "[para 19]", "[paras 17 and 18]", "[para. 17, 18]", "[para 115.1]".
const CITATION = /\[\s*paras?\.?\s*(\d+(?:\.\d+)?(?:\s*(?:,|and|&)\s*\d+(?:\.\d+)?)*)\s*\]/gi
// A quotation in typographic or straight double quotes.
const QUOTATION = /[“"]([^”"]{4,})[”"]/g
// Sentences that make no claim about the record: "The summary record does not say."
const NO_CLAIM =
  /\b(?:does not (?:say|address|mention|answer|give|state)|do not (?:say|address|mention|answer|give|state)|no information)\b/i

const citationsIn = (sentence: string): string[] =>
  [...sentence.matchAll(CITATION)].flatMap((m) => (m[1] ?? '').split(/\s*(?:,|and|&)\s*/))

/** The sentence's own words: citations removed, for showing and for matching. */
export const withoutCitations = (sentence: string): string =>
  sentence
    .replace(CITATION, '')
    .replace(/\s+([.,;:])/g, '$1')
    .trim()

/**
 * Verdicts for each sentence of `text`. `sources` are the blocks given to the model, by paragraph
 * number as the record prints it ("19", "115.1"). A sentence is supported when it cites only given
 * paragraphs, every quotation in it stands verbatim in one of them, and what it says stands there
 * (`checkClaim`: its figures and names, its content words, its negation, its speaker's side).
 */
export const verifyAnswer = (
  corpus: Corpus,
  text: string,
  sources: Map<string, Block>,
  { language = 'en' }: { language?: LanguageCode } = {}
): Verification => {
  // An answer written in another language is checked by its quotations, figures and names: its
  // own words are not the record's.
  const sentences = splitSentences(text).map(({ start, end }) =>
    judge(corpus, text.slice(start, end), sources, language === 'en')
  )
  const claims = sentences.filter((s) => s.verdict !== 'no_claim')
  const supported = claims.filter((s) => s.verdict === 'supported').length
  return {
    overall:
      claims.length === 0 || supported === 0
        ? 'failed'
        : supported === claims.length
          ? 'verified'
          : 'partial',
    faithfulness: claims.length === 0 ? 0 : supported / claims.length,
    sentences,
  }
}

const judge = (
  corpus: Corpus,
  sentence: string,
  sources: Map<string, Block>,
  english: boolean
): SentenceVerdict => {
  const citations = [...new Set(citationsIn(sentence))]
  const verdict = (
    v: SentenceVerdict['verdict'],
    reason: string | null,
    check?: { score: number; unmatched: string[] }
  ): SentenceVerdict => ({
    text: sentence,
    verdict: v,
    citations,
    reason,
    ...(check ? { score: Math.round(check.score * 1000) / 1000, unmatched: check.unmatched } : {}),
  })
  if (citations.length === 0) {
    return NO_CLAIM.test(sentence)
      ? verdict('no_claim', null)
      : verdict('uncited', 'makes a claim without citing a paragraph')
  }
  const missing = citations.filter((n) => !sources.has(n))
  if (missing.length > 0) {
    return verdict(
      'unsupported',
      `cites ${missing.map((n) => `para ${n}`).join(', ')}, which the model was not given`
    )
  }
  for (const [, quote = ''] of sentence.matchAll(QUOTATION)) {
    const found = citations.some((n) => locateQuote(sources.get(n)?.text ?? '', quote) !== null)
    if (!found) return verdict('misquoted', `“${quote}” is not in the paragraphs it cites`)
  }
  const cited = citations.flatMap((n) => sources.get(n) ?? [])
  const check = checkClaim(corpus, withoutCitations(sentence), cited, {
    floor: corpus.policy.claimCoverage,
    english,
  })
  return check.ok ? verdict('supported', null, check) : verdict('unsupported', check.reason, check)
}

/** The quotations of a sentence, located in the cited paragraphs they come from. */
export const quotationsIn = (
  sentence: string,
  sources: Map<string, Block>
): { block: Block; start: number; end: number }[] =>
  [...sentence.matchAll(QUOTATION)].flatMap(([, quote = '']) =>
    citationsIn(sentence).flatMap((n) => {
      const block = sources.get(n)
      const at = block ? locateQuote(block.text, quote) : null
      return block && at ? [{ block, ...at }] : []
    })
  )
