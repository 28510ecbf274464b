// Excerpts: verbatim spans of a block, made to stand on their own, with who said them and where.
import {
  CONTRAST_OPENING,
  EXPLETIVE,
  LEANING_OPENERS,
  OPENING_PHRASE_WORDS,
  REFERRING_PRONOUNS,
  SHORT_SENTENCE_WORDS,
} from '../language/english.ts'
import type { Block } from '../records/block.ts'
import type { BlockSentence, Corpus } from '../retrieve/corpus.ts'
import type { Excerpt } from './schema.ts'

/** The side a block speaks for: the Committee's, the delegation's, or another. */
export const sideOfBlock = (block: Block): Excerpt['side'] =>
  block.roles.some((r) => r === 'chair' || r === 'country_rapporteur' || r === 'committee_member')
    ? 'committee'
    : block.roles.includes('state_delegation')
      ? 'delegation'
      : 'other'

/** The excerpt of `block` at [start, end): its text is the block's own, sliced there. */
export const excerptOf = (block: Block, start: number, end: number, score: number): Excerpt => ({
  text: block.text.slice(start, end),
  record: block.record,
  paragraph: block.paragraph,
  label: block.label,
  block: block.id,
  speaker: block.speaker,
  role: block.role,
  start,
  end,
  score: Math.round(score * 1000) / 1000,
  side: sideOfBlock(block),
})

/**
 * Excerpts of `block` that overlap (a sentence and the one it leans on) or follow one another
 * with only a space between (consecutive sentences) become one span, its text sliced afresh from
 * the block, so that it stays verbatim at its offsets and reads as one passage.
 */
export const mergeExcerpts = (block: Block, excerpts: readonly Excerpt[]): Excerpt[] => {
  const merged: Excerpt[] = []
  for (const e of [...excerpts].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1)
    if (last && (e.start <= last.end || block.text.slice(last.end, e.start).trim() === ''))
      merged[merged.length - 1] = excerptOf(
        block,
        last.start,
        Math.max(last.end, e.end),
        Math.max(last.score, e.score)
      )
    else merged.push(e)
  }
  return merged
}

/** How far back an excerpt may reach for what its sentence depends on. */
const MAX_LEAN = 2

/**
 * Whether a sentence depends on the one before it: it opens with a pronoun, a demonstrative or a
 * connective ("It had ruled …", "That programme …", "Nevertheless, …"), or its opening phrase
 * refers back ("Based on the findings of that study, …") or is followed by one ("Altogether, they
 * …"), or it opens with a definite noun the sentence before names ("The Institute …" after "… the
 * National Institute of Migration …"), or it is short and holds a pronoun ("… on its use?").
 */
const leansOn = (corpus: Corpus, sentence: BlockSentence, before: BlockSentence): boolean => {
  const tokens = corpus.tokens(sentence.text)
  const [first, second] = tokens
  if (!first) return false
  if (LEANING_OPENERS.has(first.word)) return !EXPLETIVE.test(sentence.text)
  const comma = sentence.text.indexOf(',')
  const opening = comma < 0 ? [] : tokens.filter((t) => t.end <= comma)
  if (opening.length <= OPENING_PHRASE_WORDS && opening.some((t) => LEANING_OPENERS.has(t.word)))
    return true
  // "Altogether, they had …": the subject after a short opening phrase leans back too.
  const subject = comma < 0 ? undefined : tokens.find((t) => t.start > comma)
  if (
    subject &&
    opening.length <= OPENING_PHRASE_WORDS &&
    LEANING_OPENERS.has(subject.word) &&
    !EXPLETIVE.test(sentence.text.slice(subject.start))
  )
    return true
  // "Were any statistics available on its use?": a short sentence whose pronoun stands for what
  // the one before named.
  if (tokens.length <= SHORT_SENTENCE_WORDS && tokens.some((t) => REFERRING_PRONOUNS.has(t.word)))
    return true
  if (first.word !== 'the' || !second) return false
  return before.words.stems.has(corpus.stem(second.word))
}

/**
 * The verbatim span for a block's sentence `at`, reaching back over the sentences it depends on,
 * and on to the next when that one qualifies it, so that the excerpt stands on its own and is
 * still one contiguous slice of the block.
 */
export const standingExcerpt = (
  corpus: Corpus,
  block: Block,
  at: number,
  score: number
): Excerpt => {
  const sentences = corpus.sentences(block)
  let from = at
  while (from > 0 && at - from < MAX_LEAN) {
    const sentence = sentences[from]
    const before = sentences[from - 1]
    if (!sentence || !before || !leansOn(corpus, sentence, before)) break
    from--
  }
  // "… the system was adequate. However, barriers still existed …": the qualifying sentence comes too.
  const next = sentences[at + 1]
  const to = next && CONTRAST_OPENING.test(next.text) ? at + 1 : at
  const start = sentences[from]?.start ?? 0
  const end = sentences[to]?.end ?? block.text.length
  return excerptOf(block, start, end, score)
}
