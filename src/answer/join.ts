// One answer from the answers to the parts of a question that asks two things.
import { CLOSEST } from './schema.ts'
import type { AskResponse, Excerpt } from './schema.ts'

const excerptKey = (e: Excerpt) => `${e.record}#${e.block}@${e.start}-${e.end}`

/**
 * The parts' answers as one: each part's text in turn (an abstaining part says so on its own), its
 * excerpts and citations once each; it abstains only where every part does.
 */
export const joinAnswers = (
  question: string,
  answers: readonly [AskResponse, ...AskResponse[]]
): AskResponse => {
  const [first] = answers
  const answered = answers.filter((a) => !a.abstained)
  const excerpts = [
    ...new Map(answers.flatMap((a) => a.excerpts).map((e) => [excerptKey(e), e])).values(),
  ]
  const citations = [...new Set(answers.flatMap((a) => a.citations))]
  return {
    ...first,
    question,
    kind: (answered[0] ?? first).kind,
    answer: answers.map((a) => a.answer).join('\n\n'),
    abstained: answered.length === 0,
    excerpts,
    citations,
    alsoMentioned: [...new Set(answers.flatMap((a) => a.alsoMentioned))].filter(
      (c) => !citations.includes(c)
    ),
    closest: [...new Set(answers.flatMap((a) => a.closest))].slice(0, CLOSEST),
    retrieved: [
      ...new Map(
        answers.flatMap((a) => a.retrieved).map((r) => [`${r.record}#${r.block}`, r])
      ).values(),
    ],
  }
}
