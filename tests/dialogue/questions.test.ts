import { beforeAll, describe, expect, it } from 'vitest'
import { termsOfPassage } from '../../src/dialogue/questions.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let corpus: Corpus
beforeAll(async () => {
  corpus = new Corpus((await openRealIndex()).index)
})

describe('termsOfPassage', () => {
  it('reads a possessive as its word, so that "the Government’s position" weighs "government" as often used', () => {
    const text = 'Details of the Government’s position would be welcome.'
    const terms = termsOfPassage(corpus, text, corpus.index.terms)
    const government = terms.find((t) => t.stem === corpus.stem('government'))
    expect(government?.word).toBe('Government')
    expect(terms.map((t) => t.word)).not.toContain('Government’s')
    const plain = termsOfPassage(corpus, 'The Government position.', corpus.index.terms)
    expect(government?.weight).toBeCloseTo(plain.find((t) => t.word === 'Government')?.weight ?? 0)
  })

  it('leaves function words, question scaffolding and the given words out', () => {
    const terms = termsOfPassage(
      corpus,
      'Ms. Diallo asked the delegation about remittances.',
      corpus.index.terms,
      new Set(['ms', 'diallo'])
    )
    expect(terms.map((t) => t.word)).toEqual(['remittances'])
  })
})
