import { describe, expect, it } from 'vitest'
import { resolveFollowUp } from '../../src/answer/follow-up.ts'

const previous = [
  { question: 'How many migrant integration centres are there at the northern border?' },
]

describe('resolveFollowUp', () => {
  it('leaves a first question alone', () => {
    expect(resolveFollowUp('And what about children?', [])).toEqual({
      question: 'And what about children?',
      basedOn: null,
    })
  })

  it.each([
    'And what about children?',
    'What about children?',
    'Also for children?',
    'What did the delegation answer?',
    'How many?',
  ])('reads "%s" with the previous topic', (question) => {
    const resolved = resolveFollowUp(question, previous)
    expect(resolved.basedOn).toBe(previous[0]?.question)
    expect(resolved.question).toBe(`${question} (migrant integration centres northern border)`)
  })

  it('reads a short question that points back with a pronoun as a follow-up', () => {
    expect(resolveFollowUp('Who runs them?', previous).basedOn).not.toBeNull()
  })

  it('leaves a question with a topic of its own alone', () => {
    expect(
      resolveFollowUp('What did Ms. Dzumhur ask about trafficking in persons?', previous)
    ).toEqual({
      question: 'What did Ms. Dzumhur ask about trafficking in persons?',
      basedOn: null,
    })
  })

  it('leans on the latest turn only, and does not repeat words the question has', () => {
    const history = [{ question: 'Tell me about remittances' }, ...previous]
    expect(resolveFollowUp('And the border?', history).question).toBe(
      'And the border? (migrant integration centres northern)'
    )
  })
})
