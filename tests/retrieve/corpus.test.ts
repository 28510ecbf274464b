import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { DEFAULT_POLICY } from '../../src/policy.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

describe('Corpus', () => {
  it('expands a word the records never use to the nearest words they do use', () => {
    const words = new Corpus(index).expansions('kids').map((e) => e.word)
    expect(words).toContain('children')
  })

  it('keeps expansions above the policy similarity, so a stricter policy expands less', () => {
    const loose = new Corpus(index).expansions('youngsters')
    const strict = new Corpus(index, { ...DEFAULT_POLICY, expansionSimilarity: 0.95 }).expansions(
      'youngsters'
    )
    expect(loose.length).toBeGreaterThan(strict.length)
    expect(loose.every((e) => e.weight >= DEFAULT_POLICY.expansionSimilarity)).toBe(true)
  })

  it('splits a block into sentences whose offsets give back its text', () => {
    const corpus = new Corpus(index)
    const block = index.blocks.find((b) => b.paragraph === 19)
    if (!block) throw new Error('no paragraph 19')
    for (const s of corpus.sentences(block)) expect(block.text.slice(s.start, s.end)).toBe(s.text)
  })

  it('keeps its caches to itself: two corpora over one index share nothing', () => {
    const a = new Corpus(index)
    const b = new Corpus(index)
    const block = index.blocks[0]
    if (!block) throw new Error('no blocks')
    expect(a.blockWords(block)).not.toBe(b.blockWords(block))
    expect(a.blockWords(block)).toBe(a.blockWords(block))
  })
})
