import { beforeAll, describe, expect, it } from 'vitest'
import type { AskedQuestion } from '../../src/dialogue/questions.ts'
import type { LinkPolicy } from '../../src/dialogue/link.ts'
import { linkReplies } from '../../src/dialogue/link.ts'
import type { Block } from '../../src/records/block.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { queryTerm } from '../../src/retrieve/coverage.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let corpus: Corpus
beforeAll(async () => {
  corpus = new Corpus((await openRealIndex()).index)
})

const block = (order: number, role: Block['role'], text: string): Block => ({
  id: String(order),
  record: 'CED/C/SR.7001',
  kind: 'paragraph',
  paragraph: order,
  label: String(order),
  order,
  text,
  speaker: role === 'state_delegation' ? 'A representative of Norland' : 'Ms. Okafor',
  role,
  roles: [role],
  state: role === 'state_delegation' ? 'Norland' : null,
  turnStart: true,
})

describe('linkReplies', () => {
  const asked = block(
    1,
    'committee_member',
    'She would like to know about remittances and pensions.'
  )
  const partial = block(2, 'state_delegation', 'Remittances had risen sharply.')
  const later = block(4, 'state_delegation', 'Remittances and pensions were both taxed.')
  const exchange = new Map([
    [asked, 0],
    [partial, 0],
    [later, 1],
  ])
  const question = (): AskedQuestion => ({
    id: 'q1',
    block: asked,
    start: 0,
    end: asked.text.length,
    terms: ['remittances', 'pensions'].map((w) => ({ ...queryTerm(corpus, w, false), weight: 1 })),
    vector: [],
  })
  const link = (replyDecay: number, { replyRatio = 0, repliesMax = 1 } = {}) => {
    const policy: LinkPolicy = {
      replySimilarity: 0,
      replyLink: 0.3,
      replyShare: 0,
      replyRatio,
      replyAnswered: 0.9,
      replyDecay,
      repliesMax,
    }
    const [linked] = linkReplies(
      corpus,
      [question()],
      new Map([
        [partial, []],
        [later, []],
      ]),
      {
        position: (b) => b.order,
        exchangesBetween: (a, b) => (exchange.get(b) ?? 0) - (exchange.get(a) ?? 0),
      },
      policy
    )
    return linked
  }

  it('links the reply that covers the question best when turns do not count', () => {
    expect(link(1)?.replies.map((r) => r.block.label)).toEqual(['4'])
  })

  it('prefers the reply in the turn just after the question when later turns count for less', () => {
    const linked = link(0.4)
    expect(linked?.replies.map((r) => r.block.label)).toEqual(['2'])
    // It covers half of what was asked: partly answered.
    expect(linked?.status).toBe('partly')
  })

  it('measures the ratio against the best reply the question may have, never leaving it none', () => {
    const first = block(1, 'committee_member', 'She asked about remittances, pensions and savings.')
    const second = block(3, 'committee_member', 'He asked about pensions.')
    const remittances = block(2, 'state_delegation', 'Remittances had risen sharply.')
    const both = block(4, 'state_delegation', 'Remittances and pensions were both taxed.')
    const termsOf = (words: string[]) =>
      words.map((w) => ({ ...queryTerm(corpus, w, false), weight: 1 }))
    const asking = (id: string, b: Block, words: string[]): AskedQuestion => ({
      id,
      block: b,
      start: 0,
      end: b.text.length,
      terms: termsOf(words),
      vector: [],
    })
    const [linked] = linkReplies(
      corpus,
      [
        asking('q1', first, ['remittances', 'pensions', 'savings']),
        asking('q2', second, ['pensions']),
      ],
      new Map([
        [remittances, []],
        [both, []],
      ]),
      { position: (b) => b.order, exchangesBetween: () => 0 },
      {
        replySimilarity: 0,
        replyLink: 0.3,
        // Paragraph 4 answers the second question fully, the first only in part: it is the second's.
        replyShare: 0.9,
        replyRatio: 0.8,
        replyAnswered: 0.9,
        replyDecay: 1,
        repliesMax: 3,
      }
    )
    expect(linked?.replies.map((r) => r.block.label)).toEqual(['2'])
  })

  it('links a further reply only when it scores the set share of the question’s best one', () => {
    // Paragraph 4 covers all of the question, paragraph 2 half of it.
    expect(link(1, { repliesMax: 2 })?.replies.map((r) => r.block.label)).toEqual(['2', '4'])
    expect(link(1, { repliesMax: 2, replyRatio: 0.5 })?.replies.map((r) => r.block.label)).toEqual([
      '2',
      '4',
    ])
    expect(link(1, { repliesMax: 2, replyRatio: 0.8 })?.replies.map((r) => r.block.label)).toEqual([
      '4',
    ])
  })
})
