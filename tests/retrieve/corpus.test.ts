import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { ensureIndex } from '../../src/index/load.ts'
import { loadVectors } from '../../src/index/vectors.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { DEFAULT_POLICY } from '../../src/policy.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { stem } from '../../src/text/tokenize.ts'
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

  it('reads an acronym the record defines as the name it stands for, where it is used alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-glossary-'))
    await mkdir(join(dir, 'records'))
    const record = [
      'CED/C/SR.7001',
      'Committee on Enforced Disappearances',
      'Summary record of the 7001st meeting',
      'Held at the Palais Wilson, Geneva, on Monday, 2 March 2026, at 10 a.m.',
      'Mr. Okafor said that he would welcome an update on the International Labour Organization (ILO) conventions.',
      'A representative of Norland said that the ILO conventions would be ratified in 2027.',
    ].join('\n')
    await writeFile(join(dir, 'records', 'ced-c-sr-7001.txt'), record)
    const vectors = await loadVectors(loadConfig().vectorsPath)
    const { index: own } = await ensureIndex(join(dir, 'index'), {
      recordsDir: join(dir, 'records'),
      vectors,
    })
    const corpus = new Corpus(own)
    expect(corpus.glossary('CED/C/SR.7001').get('ilo')).toBe('International Labour Organization')
    const reply = own.blocks.find((b) => b.text.startsWith('A representative'))
    if (!reply) throw new Error('no reply paragraph')
    expect(corpus.blockWords(reply).stems).toContain(stem('labour'))
    expect(corpus.sentences(reply)[0]?.words.stems).toContain(stem('organization'))
    // The text itself, and its offsets, stay as the record prints them.
    expect(corpus.sentences(reply)[0]?.text).toBe(reply.text)
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
