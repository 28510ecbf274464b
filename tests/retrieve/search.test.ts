import { beforeAll, describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import type { Pipeline } from '../../src/pipeline/pipeline.ts'
import { DEFAULT_POLICY } from '../../src/policy.ts'
import type { RetrieverName } from '../../src/retrieve/search.ts'
import { speakerFilter } from '../../src/retrieve/speaker.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let pipeline: Pipeline
beforeAll(async () => {
  index = (await openRealIndex()).index
  pipeline = composePipeline(index)
})

type SearchOptions = { mode?: RetrieverName; k: number; speaker?: string }
const search = (question: string, options: SearchOptions, on = pipeline) =>
  on.search({ question, ...options })
const ids = async (question: string, options: SearchOptions, on = pipeline) =>
  (await search(question, options, on)).map((r) => r.block.id)

describe('search', () => {
  it('finds the paragraph on the northern-border integration centres with every retriever', async () => {
    for (const mode of ['hybrid', 'bm25', 'dense'] as const) {
      expect(
        (await ids('migrant integration centres at the northern border', { mode, k: 5 })).slice(
          0,
          3
        )
      ).toContain('19')
    }
  })

  it('ranks the mobile phone application question first in hybrid mode', async () => {
    expect(
      await ids('mobile phone application for Mexicans in the United States', { k: 3 })
    ).toContain('40')
  })

  it('finds procedural lines too', async () => {
    expect((await ids('When was the meeting suspended?', { k: 3 })).slice(0, 2)).toEqual(
      expect.arrayContaining(['procedural-2', 'procedural-3'])
    )
  })

  it('finds paraphrases through the dense ranking and through query expansion', async () => {
    // "youngsters", "jails", "kids", "citizenship": words the record never uses.
    expect(
      (await ids('youngsters kept in immigration jails', { mode: 'dense', k: 5 })).slice(0, 3)
    ).toContain('34')
    expect(
      await ids('kids born to Mexicans abroad get dual citizenship', { mode: 'dense', k: 2 })
    ).toEqual(['37', '49'])
    expect(await ids('youngsters kept in immigration jails', { mode: 'bm25', k: 3 })).toContain(
      '35'
    )
  })

  it('puts first the paragraph that covers every idea of a paraphrase, not the one richest in its words', async () => {
    const question = 'How does Mexico help reunite kids separated from their parents in America?'
    expect((await ids(question, { mode: 'bm25', k: 3 }))[0]).not.toBe('24')
    const withoutCoverage = composePipeline(index, {
      policy: { ...DEFAULT_POLICY, coverageWeight: 0 },
    })
    expect((await ids(question, { mode: 'hybrid', k: 3 }, withoutCoverage))[0]).not.toBe('24')
    expect((await ids(question, { mode: 'hybrid', k: 3 }))[0]).toBe('24')
  })

  it('answers "What did Ms. Dzumhur ask?" from her paragraphs only, in reading order', async () => {
    for (const mode of ['hybrid', 'bm25', 'dense'] as const) {
      expect(await ids('What did Ms. Dzumhur ask?', { mode, k: 5 })).toEqual(['5', '6'])
    }
  })

  it('picks the procedural line at the position a question asks for', async () => {
    expect(await ids('When was the meeting suspended for the second time?', { k: 1 })).toEqual([
      'procedural-3',
    ])
    expect(await ids('When was the meeting first suspended?', { k: 1 })).toEqual(['procedural-2'])
  })

  it('marks as agreed the one block that the lexical and the dense ranking each put first', async () => {
    for (const question of [
      'migrant integration centres at the northern border',
      'What did the Committee say about climate change?',
      'consular assistance',
      'remittances',
    ]) {
      const [lexical] = await search(question, { mode: 'bm25', k: 1 })
      const [dense] = await search(question, { mode: 'dense', k: 1 })
      const agreed = (await search(question, { k: 20 })).filter((r) => r.agreed)
      expect(agreed.map((r) => r.block)).toEqual(
        lexical && lexical.block === dense?.block ? [lexical.block] : []
      )
    }
    // Both rankings put paragraph 41 first for remittances: the checks above are not all vacuous.
    const [top] = await search('remittances', { k: 1 })
    expect([top?.block.id, top?.agreed]).toEqual(['41', true])
  })

  it('marks no agreement where the filters leave the rankers one block to rank', async () => {
    // Mr. Kariyawasam speaks in one paragraph only: both rankers can but put it first.
    const theirs = await search('the rights of migrant domestic workers', {
      k: 5,
      speaker: 'Mr. Kariyawasam',
    })
    expect(theirs.map((r) => [r.block.id, r.agreed ?? false])).toEqual([['7', false]])
  })

  it('passes the rankers’ agreement on to the procedural line an ordinal picks, and only to it', async () => {
    const agreed = async (question: string) =>
      (await search(question, { k: 5 })).filter((r) => r.agreed).map((r) => r.block.id)
    expect(await agreed('When was the meeting suspended for the second time?')).toEqual([
      'procedural-3',
    ])
    expect(await agreed('When was the meeting first suspended?')).toEqual(['procedural-2'])
  })

  it.each(['hybrid', 'bm25', 'dense'] as const)(
    'returns k distinct blocks, best first, in %s mode',
    async (mode) => {
      const results = await search('consular assistance', { mode, k: 4 })
      expect(new Set(results.map((r) => r.block)).size).toBe(4)
      expect(results.map((r) => r.score)).toEqual(
        [...results.map((r) => r.score)].sort((a, b) => b - a)
      )
    }
  )

  it('fills k from the dense ranking even where close sentences share blocks', async () => {
    // 40 blocks: more than the blocks of the 40 nearest sentences.
    const results = await search('consular assistance', { mode: 'dense', k: 40 })
    expect(new Set(results.map((r) => r.block)).size).toBe(40)
  })

  it('restricts every ranking to the speaker asked for', async () => {
    for (const mode of ['hybrid', 'bm25', 'dense'] as const) {
      const results = await search('children', { mode, k: 10, speaker: 'Dzumhur' })
      expect(results.length).toBeGreaterThan(0)
      expect(results.every((r) => r.block.speaker === 'Ms. Dzumhur')).toBe(true)
    }
  })
})

describe('speakerFilter', () => {
  const speakersFor = (query: string) => [
    ...new Set(index.blocks.filter(speakerFilter(query)).map((b) => b.speaker)),
  ]

  it('matches names with or without titles, roles and the delegation', () => {
    expect(speakersFor('Ms. Dzumhur')).toEqual(['Ms. Dzumhur'])
    expect(speakersFor('dzumhur')).toEqual(['Ms. Dzumhur'])
    expect(speakersFor('the Chair')).toEqual(['Ms. Diallo'])
    expect(speakersFor('country rapporteur').sort()).toEqual([
      'Mr. Ceriani Cernadas',
      'Mr. Charef',
      'Ms. Diallo',
    ])
    expect(speakersFor('Mexico')).toEqual(['A representative of Mexico'])
    expect(speakersFor('delegation')).toEqual(['A representative of Mexico'])
  })

  it('matches nobody for an unknown name or a fragment of a word', () => {
    expect(speakersFor('Smith')).toEqual([])
    expect(speakersFor('Dzum')).toEqual([])
  })
})
