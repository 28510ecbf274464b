import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { passageWords, queryTerms, termMatch } from '../../src/retrieve/evidence.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

const PASSAGE =
  'The meeting was suspended. Children were in unemployment. Locks on doors. Haitian migrants.'

/** Each question word with how strongly the passage matches it. */
const matches = (question: string, passage = PASSAGE) => {
  const words = passageWords(passage, index.vectors)
  return Object.fromEntries(
    queryTerms(question, index.terms, index.vectors).map((t) => [
      t.word,
      termMatch(t, words, index.vectors),
    ])
  )
}

describe('termMatch', () => {
  it('matches the word itself fully and its word family at 0.9', () => {
    expect(matches('doors suspension')).toEqual({ doors: 1, suspension: 0.9 })
  })

  it('matches a near-synonym by its similarity, and a compound by its head', () => {
    const { kids, padlocks } = matches('kids padlocks')
    expect(kids).toBeGreaterThan(0.72)
    expect(kids).toBeLessThan(0.9)
    expect(padlocks).toBe(0.8)
  })

  it('never takes a negated form for the word, nor one name for another', () => {
    expect(matches('employment Venezuelan')).toEqual({ employment: 0, Venezuelan: 0 })
  })

  it('keeps a bounded number of verdicts per passage, however many words are asked about', () => {
    const words = passageWords(`${PASSAGE} once more`, index.vectors)
    const asked = index.lexicon.map((e) => e.word)
    for (let round = 0; round < 5; round++) {
      for (const t of queryTerms(asked.join(' '), index.terms, index.vectors)) {
        termMatch({ ...t, key: `${t.key}#${round}` }, words, index.vectors)
      }
    }
    expect(asked.length * 5).toBeGreaterThan(4_096)
    expect(words.matches.size).toBeLessThanOrEqual(4_096)
  })
})
