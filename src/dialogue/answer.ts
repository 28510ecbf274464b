// Answers questions about the dialogue map in chat and /api/ask: which questions were answered, where, and which were not.
import type { AnswerBody } from '../answer/assemble.ts'
import { excerptOf } from '../answer/excerpt.ts'
import type { Quoted } from '../answer/format.ts'
import { formatClosest, formatQuotes } from '../answer/format.ts'
import type { Question } from '../question/question.ts'
import type { Block } from '../records/block.ts'
import { citationFor, shortCitation } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import type { QueryTerm } from '../retrieve/coverage.ts'
import { coverage as covers } from '../retrieve/coverage.ts'
import { termsOf } from '../retrieve/search.ts'
import type { DialogueMap, DialogueQuestion } from './schema.ts'
import { coverage } from './view.ts'

const quoted = (
  corpus: Corpus,
  ref: { record: string; block: string },
  passage: { start: number; end: number },
  score: number
): Quoted[] => {
  const block = corpus.index.byKey.get(`${ref.record}#${ref.block}`) as Block | undefined
  return block ? [{ block, excerpt: excerptOf(block, passage.start, passage.end, score) }] : []
}

/**
 * The replies the map links to the questions asked in `block` that are on the topic (`terms`; the
 * closest one when none covers enough of it), each verbatim at its offsets, in record order: what
 * answers a paragraph's question when the two share too few words to be found.
 */
export const mappedReplies = (
  corpus: Corpus,
  maps: readonly DialogueMap[],
  block: Block,
  terms: readonly QueryTerm[]
): Quoted[] => {
  const asked = maps
    .flatMap((map) => map.questions)
    .filter((q) => q.record === block.record && q.block === block.id)
    .map((q) => ({ q, covered: covers(terms, corpus.passage(q.excerpt.text), corpus) }))
    .sort((a, b) => b.covered - a.covered)
  const onTopic = asked.filter((a) => a.covered >= corpus.policy.topicCoverage)
  const seen = new Set<string>()
  return (onTopic.length > 0 ? onTopic : asked.slice(0, 1))
    .flatMap(({ q }) => q.replies)
    .filter((r) => {
      const key = `${r.record}#${r.block}:${r.excerpt.start}`
      return !seen.has(key) && seen.add(key)
    })
    .flatMap((r) => quoted(corpus, r, r.excerpt, r.score))
    .sort(
      (a, b) =>
        a.block.record.localeCompare(b.block.record) ||
        a.block.order - b.block.order ||
        a.excerpt.start - b.excerpt.start
    )
}

/** One question with what answered it, or the honest "no reply recorded". */
const entry = (corpus: Corpus, map: DialogueMap, q: DialogueQuestion) => {
  const asked = quoted(corpus, q, q.excerpt, 1)
  const replies = q.replies.flatMap((r) => quoted(corpus, r, r.excerpt, r.score))
  const heading = `${q.speaker ?? 'The Committee'} asked (${q.citation}):`
  const closest = formatClosest(
    q.closest
      // "para. 20" where the map is of one record, as the question's own citation is.
      .map((c) =>
        map.records.length === 1 ? shortCitation({ label: c.label, id: c.block }) : c.citation
      )
      .join(', ')
  )
  const status =
    q.status === 'no_reply'
      ? `No reply is recorded ${coverage(map)} (the question: ${asked[0] ? shortCitation(asked[0].block) : q.citation}).${closest}`
      : formatQuotes(
          q.status === 'partly' ? 'Partly answered:' : 'The delegation replied:',
          replies
        )
  return { text: `${formatQuotes(heading, asked)}\n${status}`, quotes: [...asked, ...replies] }
}

/**
 * The questions of the map that a question about it names (by the member who asked, the topic
 * words, whether left unanswered), each with its replies or "no reply recorded"; an abstention
 * when the map holds none.
 */
export const dialogueAnswer = (
  corpus: Corpus,
  question: Question,
  maps: readonly DialogueMap[]
): AnswerBody => {
  const { topicCoverage, broadMax } = corpus.policy
  // The member asked about and the State under review say whose questions, not what about.
  const states = new Set(
    corpus.index.records.flatMap((r) => (r.state ? [r.state.toLowerCase()] : []))
  )
  const terms = termsOf(corpus, question).filter(
    (t) =>
      !states.has(t.word.toLowerCase()) &&
      (!question.speaker || !question.speaker.toLowerCase().includes(t.word.toLowerCase()))
  )
  const wanted = maps.flatMap((map) =>
    map.questions
      .filter((q) => !question.speaker || q.speaker === question.speaker)
      .filter((q) => !question.unanswered || q.status === 'no_reply')
      .filter(
        (q) =>
          terms.length === 0 ||
          covers(terms, corpus.passage(q.excerpt.text), corpus) >= topicCoverage
      )
      .map((q) => ({ map, q }))
  )
  const where = maps.map((m) => m.record).join(' and ')
  if (wanted.length === 0) {
    const who = question.speaker ? ` by ${question.speaker}` : ''
    const what = question.unanswered ? ' left without a reply' : ''
    return {
      kind: 'abstained',
      answer: `No question${who}${terms.length > 0 ? ` on “${terms.map((t) => t.word).join(' ')}”` : ''}${what} is recorded in ${where}.`,
      abstained: true,
      excerpts: [],
      citations: [],
      alsoMentioned: [],
      closest: [],
    }
  }
  const shown = wanted.slice(0, broadMax)
  const entries = shown.map(({ map, q }) => entry(corpus, map, q))
  const lead = question.unanswered
    ? `${wanted.length} question${wanted.length === 1 ? ' has' : 's have'} no reply recorded in ${where}:`
    : null
  const more =
    wanted.length > shown.length
      ? `…and ${wanted.length - shown.length} more in the dialogue map.`
      : null
  const quotes = entries.flatMap((e) => e.quotes)
  return {
    kind: 'dialogue',
    answer: [lead, ...entries.map((e) => e.text), more].filter(Boolean).join('\n\n'),
    abstained: false,
    excerpts: quotes.map((q) => q.excerpt),
    citations: [...new Set(quotes.map((q) => citationFor(q.block)))],
    alsoMentioned: [],
    // Where one question is shown with no reply, where to read for one.
    closest: shown.length === 1 ? (shown[0]?.q.closest.map((c) => c.citation) ?? []) : [],
  }
}
