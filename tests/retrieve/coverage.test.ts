import { beforeAll, describe, expect, it } from 'vitest'
import { openLibraryIndex } from '../fixtures/library-index.ts'
import { openRealIndex } from '../fixtures/real-index.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { coverage, queryTerm, termMatch, unknownNames } from '../../src/retrieve/coverage.ts'

let corpus: Corpus
beforeAll(async () => {
  corpus = new Corpus((await openRealIndex()).index)
})

const PASSAGE =
  'The meeting was suspended. Children were in unemployment. Locks on doors. Haitian migrants.'

/** Each word with how strongly the passage matches it; capitalised words are names, and figures exact. */
const matches = (words: string, passage = PASSAGE) => {
  const passageWords = corpus.passage(passage)
  return Object.fromEntries(
    words
      .split(' ')
      .map((w) => [w, termMatch(queryTerm(corpus, w, /^\p{Lu}|\d/u.test(w)), passageWords, corpus)])
  )
}

describe('termMatch', () => {
  it('matches a name by its family, never another State’s family nor a figure by a longer one', () => {
    expect(matches('Croats', 'The Croatian community was not recognized.')).toEqual({ Croats: 0.9 })
    expect(matches('Mexicans', 'Mexico had ratified the Convention.').Mexicans).toBeGreaterThan(0)
    expect(matches('Niger', 'The Nigerian delegation spoke.')).toEqual({ Niger: 0 })
    expect(matches('Australia', 'The Austrian minority was heard.')).toEqual({ Australia: 0 })
    expect(matches('12000', 'Some 120000 people were registered.')).toEqual({ '12000': 0 })
  })

  it('matches an acronym with the capitalised name it abbreviates, not with other words', () => {
    const passage = 'The Working Group on the Universal Periodic Review held its session.'
    expect(matches('UPR', passage)).toEqual({ UPR: 1 })
    expect(matches('ILO', passage)).toEqual({ ILO: 0 })
    const refugees = 'The Commission on Assistance for Refugees decided.'
    expect(matches('CAR', refugees)).toEqual({ CAR: 1 })
    expect(matches('car', refugees)).toEqual({ car: 0 })
  })

  it('matches the word itself fully and its word family at 0.9', () => {
    expect(matches('doors suspension')).toEqual({ doors: 1, suspension: 0.9 })
  })

  it('matches a verb and its noun at 0.9 where the stemmer leaves them apart, and no short word', () => {
    const passage = 'Decisions were made on detention and on the reception of those admitted.'
    expect(matches('decided detained receive admission', passage)).toEqual({
      decided: 0.9,
      detained: 0.9,
      receive: 0.9,
      admission: 0.9,
    })
    expect(matches('aid', 'The ais of the law.')).toEqual({ aid: 0 })
  })

  it('matches a near-synonym by its similarity, above the policy floor', () => {
    const { kids } = matches('kids')
    expect(kids).toBeGreaterThan(corpus.policy.synonymSimilarity)
    expect(kids).toBeLessThan(0.9)
  })

  it('matches a hyphenated compound as well as its weakest part', () => {
    expect(matches('door-locks')['door-locks']).toBe(1)
    expect(matches('door-windows')['door-windows']).toBeLessThan(0.9)
  })

  it('never takes a negated form for the word, nor one name for another', () => {
    expect(matches('employment Venezuelan')).toEqual({ employment: 0, Venezuelan: 0 })
  })

  it('keeps a bounded number of verdicts per passage, however many words are asked about', () => {
    const words = corpus.passage(`${PASSAGE} once more`)
    const asked = corpus.index.lexicon.map((e) => e.word)
    for (let round = 0; round < 5; round++) {
      for (const w of asked)
        termMatch({ ...queryTerm(corpus, w, false), key: `${w}#${round}` }, words, corpus)
    }
    expect(asked.length * 5).toBeGreaterThan(4_096)
    expect(words.matches.size).toBeLessThanOrEqual(4_096)
  })
})

describe('coverage', () => {
  it('weighs a rare word above a common one', () => {
    const terms = ['Haitian', 'were'].map((w) => queryTerm(corpus, w, false))
    const rare = coverage(terms, corpus.passage('Haitian nationals'), corpus)
    const common = coverage(terms, corpus.passage('They were there'), corpus)
    expect(rare).toBeGreaterThan(0.5)
    expect(common).toBeLessThan(0.5)
  })

  it('is 0 for a passage that shares nothing with the question and 1 for one that has it all', () => {
    const terms = ['consular', 'protection'].map((w) => queryTerm(corpus, w, false))
    expect(coverage(terms, corpus.passage('The weather was fine'), corpus)).toBe(0)
    expect(coverage(terms, corpus.passage('Consular protection was offered'), corpus)).toBe(1)
  })
})

describe('unknownNames', () => {
  it('lists the names and figures no block contains, and never an ordinary word', () => {
    const terms = [
      queryTerm(corpus, 'Zanzibar', true),
      queryTerm(corpus, 'Haitian', true),
      queryTerm(corpus, 'spaceships', false),
    ]
    expect(unknownNames(terms, corpus).map((t) => t.word)).toEqual(['Zanzibar'])
  })

  it('knows a name by its family in a record, never by another State’s or a figure by another', () => {
    const unknown = (word: string) =>
      unknownNames([queryTerm(corpus, word, true)], corpus, 'CMW/C/SR.593').map((t) => t.word)
    // SR.593 says "Venezuelan" and "Guatemalan", never "Niger", "Venezuela" or 2,024,000.
    expect(unknown('Venezuela')).toEqual([])
    expect(unknown('Venezuelans')).toEqual([])
    expect(unknown('Zanzibaris')).toEqual(['Zanzibaris'])
    expect(unknown('Guatemala')).toEqual([])
  })

  it('knows an acronym written in capitals by the name it abbreviates, and only then', () => {
    const names = (word: string, record: string | null) =>
      unknownNames([queryTerm(corpus, word, true)], corpus, record).map((t) => t.word)
    for (const record of [null, 'CMW/C/SR.593']) {
      expect(names('CAR', record)).toEqual([])
      expect(names('Car', record)).toEqual(['Car'])
    }
  })
})

describe('termMatch across a library of reviews', () => {
  let library: Corpus
  beforeAll(async () => {
    library = new Corpus((await openLibraryIndex()).index)
  })

  it('never takes one speaking State’s name for another’s family, though a demonym is of its State’s', () => {
    const match = (word: string, text: string) =>
      termMatch(queryTerm(library, word, true), library.passage(text), library)
    // Australia and Austria both speak in A/HRC/59/15.
    expect(match('Australia', 'Austria welcomed the delegation.')).toBe(0)
    expect(match('Austria', 'Australia welcomed the delegation.')).toBe(0)
    expect(match('Australia', 'Australia welcomed the delegation.')).toBe(1)
    expect(match('Mexican', 'Mexico had ratified the Convention.')).toBeGreaterThan(0)
  })
})
