import { describe, expect, it } from 'vitest'
import { joinAnswers } from '../../src/answer/join.ts'
import type { AskResponse, Excerpt } from '../../src/answer/schema.ts'
import { AskResponseSchema } from '../../src/answer/schema.ts'

const excerpt = (block: string, start = 0): Excerpt => ({
  text: 'The delegation said so.',
  record: 'CCPR/C/SR.1209',
  paragraph: Number(block),
  label: block,
  block,
  speaker: 'Ms. Lind',
  role: 'state_delegation',
  start,
  end: start + 23,
  score: 0.5,
  side: 'delegation',
})

const response = (over: Partial<AskResponse>): AskResponse => ({
  question: 'part',
  mode: 'extractive',
  kind: 'factual',
  answer: 'An answer.',
  abstained: false,
  excerpts: [],
  citations: [],
  alsoMentioned: [],
  closest: [],
  followsUp: null,
  retrieved: [],
  ...over,
})

describe('joinAnswers', () => {
  it('gives each part’s text in turn and each excerpt and citation once', () => {
    const joined = joinAnswers('both?', [
      response({
        answer: 'First.',
        excerpts: [excerpt('4')],
        citations: ['CCPR/C/SR.1209, para. 4'],
      }),
      response({
        answer: 'Second.',
        excerpts: [excerpt('4'), excerpt('7')],
        citations: ['CCPR/C/SR.1209, para. 4', 'CCPR/C/SR.1209, para. 7'],
        alsoMentioned: ['CCPR/C/SR.1209, para. 4', 'CCPR/C/SR.1209, para. 9'],
      }),
    ])
    expect(AskResponseSchema.parse(joined)).toEqual(joined)
    expect(joined).toMatchObject({
      question: 'both?',
      answer: 'First.\n\nSecond.',
      abstained: false,
    })
    expect(joined.excerpts.map((e) => e.block)).toEqual(['4', '7'])
    expect(joined.citations).toEqual(['CCPR/C/SR.1209, para. 4', 'CCPR/C/SR.1209, para. 7'])
    expect(joined.alsoMentioned).toEqual(['CCPR/C/SR.1209, para. 9'])
  })

  it('abstains only where every part does, and says which part the record leaves unanswered', () => {
    const one = joinAnswers('both?', [
      response({ answer: 'First.', excerpts: [excerpt('4')] }),
      response({
        kind: 'abstained',
        abstained: true,
        answer: 'The record does not say.',
        closest: ['x'],
      }),
    ])
    expect(one).toMatchObject({ abstained: false, kind: 'factual' })
    expect(one.answer).toBe('First.\n\nThe record does not say.')
    const none = joinAnswers('both?', [
      response({ kind: 'abstained', abstained: true }),
      response({ kind: 'abstained', abstained: true }),
    ])
    expect(none).toMatchObject({ abstained: true, kind: 'abstained' })
  })
})
