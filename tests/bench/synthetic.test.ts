import { beforeAll, describe, expect, it } from 'vitest'
import { syntheticRecords } from '../../src/bench/synthetic.ts'
import type { Block } from '../../src/records/block.ts'
import { splitSentences } from '../../src/text/sentences.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let source: Block[]
beforeAll(async () => {
  source = (await openRealIndex()).index.blocks
})

const sentencesOf = (blocks: Block[]) =>
  blocks.flatMap((b) => splitSentences(b.text).map(({ start, end }) => b.text.slice(start, end)))

describe('syntheticRecords', () => {
  it('builds the number of paragraphs asked for, in records of 200', () => {
    const records = syntheticRecords(source, 450)
    expect(records.map((r) => r.blocks.length)).toEqual([200, 200, 50])
    expect(new Set(records.map((r) => r.meta.symbol)).size).toBe(3)
  })

  it('is the same corpus for the same seed, another for another seed', () => {
    const text = (seed: number) =>
      syntheticRecords(source, 50, seed).flatMap((r) => r.blocks.map((b) => b.text))
    expect(text(7)).toEqual(text(7))
    expect(text(8)).not.toEqual(text(7))
  })

  it('splices sentences rather than copying them, so that few repeat', () => {
    const made = sentencesOf(syntheticRecords(source, 1000).flatMap((r) => r.blocks))
    const original = new Set(sentencesOf(source))
    expect(made.filter((s) => original.has(s)).length / made.length).toBeLessThan(0.01)
    expect(new Set(made).size / made.length).toBeGreaterThan(0.95)
  })
})
