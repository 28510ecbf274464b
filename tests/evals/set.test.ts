import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { EvalSetError, assertIdsUnique, parseEvalSet, resolveGold } from '../../src/evals/set.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: 'q1', question: 'Q?', answerable: true, gold_paragraphs: [17], ...fields })

describe('parseEvalSet', () => {
  it('reads JSON Lines with defaults, skipping blank lines and ignoring unknown fields', () => {
    const [q] = parseEvalSet(`\n${line({ note: 'ignored' })}\n\n`, 'set.jsonl')
    expect(q).toEqual({
      id: 'q1',
      question: 'Q?',
      answerable: true,
      gold_paragraphs: [17],
      gold_quotes: [],
      must_include: [],
      category: 'uncategorised',
      split: 'tune',
      history: [],
    })
  })

  it.each([
    ['{"id": ', /^set\.jsonl:2: not valid JSON/],
    [
      JSON.stringify({ id: 'q2', answerable: true, gold_paragraphs: [1] }),
      /^set\.jsonl:2: question: Required/,
    ],
    [
      JSON.stringify({ id: 'q2', question: 'Q?', answerable: true }),
      /^set\.jsonl:2: an answerable question needs gold/,
    ],
    [
      JSON.stringify({ id: 'q2', question: 'Q?', answerable: false, gold_paragraphs: [3] }),
      /^set\.jsonl:2: an unanswerable question takes no gold/,
    ],
    [line({}), /^set\.jsonl:2: duplicate id q1/],
  ])('stops at a malformed line with its number: %s', (bad, message) => {
    expect(() => parseEvalSet(`${line({})}\n${bad}`, 'set.jsonl')).toThrowError(message)
  })

  it('rejects an empty set', () => {
    expect(() => parseEvalSet('\n', 'empty.jsonl')).toThrowError(EvalSetError)
  })

  it('parses the default set: at least 100 questions, 15 of them unanswerable', async () => {
    const set = parseEvalSet(
      await readFile(join(PROJECT_ROOT, 'evals/sets/cmw-c-sr-593.jsonl'), 'utf8'),
      'default'
    )
    expect(set.length).toBeGreaterThanOrEqual(100)
    expect(set.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(15)
    for (const q of set) expect(() => resolveGold(q, index)).not.toThrow()
  })
})

describe('resolveGold', () => {
  const resolve = (fields: Record<string, unknown>) =>
    resolveGold(parseEvalSet(line(fields), 'set')[0]!, index)

  it('accepts paragraph numbers and block ids', () => {
    expect([...resolve({ gold_paragraphs: [17, 'procedural-2'] })]).toEqual([
      'CMW/C/SR.593#17',
      'CMW/C/SR.593#procedural-2',
    ])
  })

  it('resolves a quote to its block despite typographic quotes, dashes and spacing', () => {
    expect([
      ...resolve({
        gold_paragraphs: [],
        gold_quotes: ["the Committee's rules of procedure,  Mr. Corzo Sosa"],
      }),
    ]).toEqual(['CMW/C/SR.593#1'])
    expect([
      ...resolve({
        gold_paragraphs: [],
        gold_quotes: ['the case - which concerned four individuals'],
      }),
    ]).toEqual(['CMW/C/SR.593#16'])
  })

  it('rejects a quote that matches no block or several, and an unknown paragraph', () => {
    expect(() => resolve({ gold_quotes: ['words the record never uses'] })).toThrowError(
      /matches no block/
    )
    expect(() => resolve({ gold_quotes: ['Ciudad Juárez'] })).toThrowError(
      /matches \d+ blocks \(17, 34, 50\)/
    )
    expect(() => resolve({ gold_paragraphs: [58] })).toThrowError(/has no paragraph or block 58/)
    expect(() => resolve({ record: 'CMW/C/SR.1' })).toThrowError(
      /record CMW\/C\/SR\.1 is not indexed/
    )
  })
})

describe('assertIdsUnique', () => {
  it('names the id and both sets when two sets share a question id', () => {
    const a = { name: 'a.jsonl', questions: [{ id: 'q1' }, { id: 'q2' }] }
    const b = { name: 'b.jsonl', questions: [{ id: 'q3' }, { id: 'q2' }] }
    expect(() => assertIdsUnique([a, b])).toThrowError(/^b\.jsonl: id q2 is also in a\.jsonl$/)
    expect(() => assertIdsUnique([a, { ...b, questions: [{ id: 'q3' }] }])).not.toThrow()
  })

  it('holds for the sets in evals/sets, which are run together', async () => {
    const dir = join(PROJECT_ROOT, 'evals/sets')
    const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl'))
    const sets = await Promise.all(
      files.map(async (name) => ({
        name,
        questions: parseEvalSet(await readFile(join(dir, name), 'utf8'), name),
      }))
    )
    expect(() => assertIdsUnique(sets)).not.toThrow()
  })
})
