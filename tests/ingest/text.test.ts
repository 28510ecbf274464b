import { describe, expect, it } from 'vitest'
import { decodeText, readText, wrapWidth } from '../../src/ingest/text.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    expect(decodeText(bytes('\ufeffCafé'), 'a.txt')).toBe('Café')
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x43, 0x00, 0xe9, 0x00]), 'b.txt')).toBe('Cé')
  })

  it('refuses text that is not UTF-8, and binary content, naming the file', () => {
    expect(() => decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'latin.txt')).toThrow(
      'latin.txt: not valid UTF-8 text (save it as UTF-8)'
    )
    expect(() => decodeText(new Uint8Array([0x43, 0x00, 0x61]), 'bin.txt')).toThrow(
      'bin.txt: binary content (NUL bytes)'
    )
  })
})

describe('readText', () => {
  it('takes each line as a block when lines are paragraphs, a tab marking an indented one', () => {
    const { blocks } = readText(
      bytes('The meeting was called to order.\n\tAgenda item\nMs. X said that she agreed.\n'),
      'r.txt'
    )
    expect(blocks.map((b) => [b.indented, b.text])).toEqual([
      [false, 'The meeting was called to order.'],
      [true, '\tAgenda item'],
      [false, 'Ms. X said that she agreed.'],
    ])
  })

  it('re-joins hard-wrapped paragraphs, breaking where a line stops short or a number opens one', () => {
    const paragraph = (n: number) => [
      `${n}. Ms. Dzumhur said that the Committee had received information about the`,
      'situation of migrant workers in the agricultural sector and wished to know',
      'more about the inspections carried out.',
    ]
    const text = [
      ...paragraph(1),
      '2. Mr. Charef asked whether the Government intended to ratify the inter-',
      'national instruments concerning domestic workers and about the follow-',
      'up to the recommendations of the Committee made during the last review.',
      ...paragraph(3),
      ...paragraph(4),
      ...paragraph(5),
    ].join('\n')
    expect(wrapWidth(text.split('\n'))).toBeGreaterThan(60)
    const { blocks } = readText(bytes(text), 'w.txt', { isWord: (w) => w === 'international' })
    const joined = (n: number) =>
      `${n}. Ms. Dzumhur said that the Committee had received information about the situation of migrant workers in the agricultural sector and wished to know more about the inspections carried out.`
    expect(blocks.map((b) => b.text)).toEqual([
      joined(1),
      '2. Mr. Charef asked whether the Government intended to ratify the international instruments concerning domestic workers and about the follow-up to the recommendations of the Committee made during the last review.',
      joined(3),
      joined(4),
      joined(5),
    ])
  })

  it('reads Markdown headings as headings', () => {
    const { blocks, format } = readText(
      bytes('# Contents\n\nThe meeting rose.\n'),
      'r.md',
      {},
      true
    )
    expect(format).toBe('markdown')
    expect(blocks.map((b) => [b.heading, b.text])).toEqual([
      [true, 'Contents'],
      [false, 'The meeting rose.'],
    ])
  })

  it('refuses an empty or blank file', () => {
    expect(() => readText(bytes('  \n\n'), 'blank.txt')).toThrow('blank.txt: the file is empty')
  })
})
