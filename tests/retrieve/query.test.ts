import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { expandQuery } from '../../src/retrieve/expand.ts'
import { analyseQuery } from '../../src/retrieve/query.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

describe('analyseQuery', () => {
  it('finds the speaker a question is about, and leaves the topic', () => {
    expect(analyseQuery(index, 'What did Ms. Dzumhur ask about trafficking?')).toMatchObject({
      speaker: 'Ms. Dzumhur',
      focus: 'trafficking',
      exchange: false,
    })
    expect(analyseQuery(index, 'What did the Chair say about xenophobia?').speaker).toBe(
      'the Chair'
    )
    expect(analyseQuery(index, 'What did the delegation say about healthcare?').speaker).toBe(
      'the delegation'
    )
  })

  it('names no speaker for a person the record does not know or a question about a topic', () => {
    expect(analyseQuery(index, 'What did Mr. Smith ask?').speaker).toBeNull()
    expect(analyseQuery(index, 'How many victims were registered?').speaker).toBeNull()
  })

  it('treats a question and its reply as an exchange, with no speaker filter', () => {
    const analysis = analyseQuery(
      index,
      'What did the Committee ask about the CBP One application, and how did the delegation respond?'
    )
    expect(analysis).toMatchObject({ exchange: true, speaker: null, focus: 'cbp one application' })
  })

  it('keeps the member named in an exchange out of its topic', () => {
    const analysis = analyseQuery(
      index,
      'What did Mr. Ceriani Cernadas ask about the 36-hour limit, and what did the delegation reply?'
    )
    expect(analysis).toMatchObject({ exchange: true, speaker: null })
    expect(analysis.topic).not.toContain('Ceriani')
  })

  it.each([
    ['How many victims were registered?', 'number'],
    ['By how much did the number increase?', 'number'],
    ['When did the meeting rise?', 'time'],
    ['At what time did the meeting resume?', 'time'],
    ['Who asked about pesticides?', 'person'],
    ['Which committee member asked about lobbying?', 'person'],
    ['What is the Local Integration Programme?', 'other'],
    ['How long can migrants be detained?', 'duration'],
    ['What time limit did the Supreme Court set?', 'other'],
  ])('reads "%s" as asking for a %s', (question, type) => {
    expect(analyseQuery(index, question).answerType).toBe(type)
  })

  it('reads ordinals', () => {
    expect(analyseQuery(index, 'When was the meeting first suspended?').ordinal).toBe(1)
    expect(analyseQuery(index, 'When was it suspended for the second time?').ordinal).toBe(2)
    expect(analyseQuery(index, 'What was said last?').ordinal).toBe(-1)
    expect(analyseQuery(index, 'When was it suspended?').ordinal).toBeNull()
  })

  it('reads closing and opening remarks as a position, not a topic', () => {
    const closing = analyseQuery(index, 'What did Mr. Charef say in his closing remarks?')
    expect(closing).toMatchObject({ speaker: 'Mr. Charef', ordinal: -1 })
    expect(closing.topic).not.toMatch(/remarks/)
    expect(analyseQuery(index, 'What was in her opening statement?').ordinal).toBe(1)
    expect(analyseQuery(index, 'What did the Chair say at the end of the meeting?')).toMatchObject({
      speaker: 'the Chair',
      ordinal: -1,
      focus: expect.not.stringMatching(/end/),
    })
  })
})

describe('expandQuery', () => {
  it('adds the nearest record words for a word the record never uses', () => {
    const words = expandQuery(index, 'kids').map((e) => e.word)
    expect(words).toContain('children')
  })

  it('leaves words the record uses alone', () => {
    expect(expandQuery(index, 'children detention')).toEqual([])
  })
})
