import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Bm25Document } from '../../src/index/bm25-index.ts'
import {
  buildBm25Index,
  loadBm25Index,
  searchBm25,
  serializeBm25Index,
} from '../../src/index/bm25-index.ts'

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean)
const doc = (key: string, text: string, speaker = ''): Bm25Document => ({
  key,
  fields: [
    { text, boost: 1 },
    { text: speaker, boost: 1.5 },
  ],
})
const query = (...terms: string[]) => terms.map((term) => ({ term, boost: 1 }))

const corpus = [
  doc('a', 'migrant children in holding centres'),
  doc('b', 'the northern border has three migrant integration centres'),
  doc('c', 'remittances sent home by migrant workers', 'Mr. Charef'),
  doc('d', 'children children children'),
]
const index = buildBm25Index(corpus, words)
const keys = (hits: { doc: number }[], of = index) => hits.map((h) => of.keys[h.doc])

describe('searchBm25', () => {
  it('ranks the document holding the rarer query words first', () => {
    expect(keys(searchBm25(index, query('integration', 'centres'), 4))[0]).toBe('b')
  })

  it('returns only documents that hold a query word, at most n of them', () => {
    expect(keys(searchBm25(index, query('children'), 10)).sort()).toEqual(['a', 'd'])
    expect(searchBm25(index, query('migrant'), 2)).toHaveLength(2)
    expect(searchBm25(index, query('nowhere'), 5)).toEqual([])
  })

  it('weighs a word of a boosted field above the same word in the text', () => {
    const withName = buildBm25Index(
      [doc('text', 'charef spoke at length about many things'), doc('name', 'he spoke', 'charef')],
      words
    )
    expect(keys(searchBm25(withName, query('charef'), 2), withName)[0]).toBe('name')
  })

  it('scales a term by its query boost', () => {
    const plain = searchBm25(index, query('remittances'), 1)[0]?.score ?? 0
    const half = searchBm25(index, [{ term: 'remittances', boost: 0.5 }], 1)[0]?.score ?? 0
    expect(half).toBeCloseTo(plain / 2)
  })

  it('keeps only the documents the filter admits', () => {
    expect(
      keys(searchBm25(index, query('migrant'), 5, (doc) => index.keys[doc] !== 'b')).sort()
    ).toEqual(['a', 'c'])
  })

  it('returns the same top n as scoring and sorting every document', () => {
    const vocabulary = ['alpha', 'beta', 'gamma', 'delta', 'epsilon']
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.subarray(vocabulary, { minLength: 1 }),
        fc.integer({ min: 1, max: 10 }),
        (texts, terms, n) => {
          const built = buildBm25Index(
            texts.map((t, i) => doc(String(i), t.join(' '))),
            words
          )
          const all = searchBm25(built, query(...terms), texts.length)
          expect(searchBm25(built, query(...terms), n)).toEqual(all.slice(0, n))
          const scores = all.map((h) => h.score)
          expect(scores).toEqual([...scores].sort((x, y) => y - x))
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('serializeBm25Index and loadBm25Index', () => {
  it('round-trip to the same results', () => {
    const loaded = loadBm25Index(serializeBm25Index(index))
    for (const terms of [['migrant'], ['children', 'centres'], ['charef']]) {
      expect(searchBm25(loaded, query(...terms), 4)).toEqual(searchBm25(index, query(...terms), 4))
    }
  })

  it('refuse text that is not an index, or postings that point past the documents', () => {
    expect(() => loadBm25Index('{"keys": 3}')).toThrow()
    expect(() =>
      loadBm25Index(JSON.stringify({ keys: ['a'], lengths: [1], postings: { x: [[5], [1]] } }))
    ).toThrow(/postings of "x"/)
  })
})
