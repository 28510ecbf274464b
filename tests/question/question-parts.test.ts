import { describe, expect, it } from 'vitest'
import { questionParts } from '../../src/question/question-parts.ts'

describe('questionParts', () => {
  it('reads a question that asks a second thing of its own, past a comma and "and", as two', () => {
    expect(questionParts('When was Norland reviewed, and when was the report adopted?')).toEqual([
      'When was Norland reviewed?',
      'When was the report adopted?',
    ])
    expect(questionParts('Which member withdrew, and under which rule?')).toEqual([
      'Which member withdrew?',
      'Under which rule?',
    ])
    expect(
      questionParts('What did Norway raise, and how many of its recommendations were accepted?')
    ).toEqual(['What did Norway raise?', 'How many of its recommendations were accepted?'])
  })

  it.each([
    'What did Norland say about water, electricity and schooling?',
    'What did the delegation say about water, health, and how schools were funded?',
    'When and where was the meeting held?',
    'Who asked, and why?',
  ])('reads "%s" as one question', (question) => {
    expect(questionParts(question)).toEqual([question])
  })
})
