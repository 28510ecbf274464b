import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { RecordParseError } from '../../src/errors.ts'
import { readText } from '../../src/ingest/text.ts'
import type { Masthead } from '../../src/records/block.ts'
import { parseDocument } from '../../src/records/parse.ts'
import { parseSidecar } from '../../src/records/sidecar.ts'

const read = (name: string) => readFile(join(PROJECT_ROOT, 'records', name), 'utf8')
const sidecar = parseSidecar(JSON.parse(await read('cmw-c-sr-593.json')))
if (!sidecar.ok) throw new Error(sidecar.problems.join('; '))
const meta: Partial<Masthead> = sidecar.fields
const parseRecord = (text: string, override: Partial<Masthead> = meta, file = 'record.txt') =>
  parseDocument(readText(new TextEncoder().encode(text), file), { file, override })
const record = parseRecord(await read('cmw-c-sr-593.txt'))
const paragraph = (n: number) => record.blocks.find((b) => b.paragraph === n)

describe('parseRecord on CMW/C/SR.593', () => {
  it('numbers 57 paragraphs 1..57 in order, with ids equal to their numbers', () => {
    const numbered = record.blocks.filter((b) => b.kind === 'paragraph')
    expect(numbered).toHaveLength(57)
    expect(numbered.map((b) => b.paragraph)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1))
    expect(numbered.every((b) => b.id === String(b.paragraph))).toBe(true)
    expect(paragraph(1)?.text).toMatch(/^In accordance with rule 12 \(1\)/)
    expect(paragraph(57)?.text).toMatch(/^The Chair said that she wished to thank the delegation/)
  })

  it('leaves headings and procedural lines unnumbered, with their own ids', () => {
    const procedural = record.blocks.filter((b) => b.kind === 'procedural')
    expect(procedural.map((b) => b.text)).toEqual([
      'The meeting was called to order at 10 a.m.',
      'The meeting was suspended at 10.20 a.m. and resumed at 10.35 a.m.',
      'The meeting was suspended at 12.05 p.m. and resumed at 12.20 p.m.',
      'The meeting rose at 1.05 p.m.',
    ])
    expect(procedural.every((b) => b.paragraph === null && b.id.startsWith('procedural-'))).toBe(
      true
    )
    const headings = record.blocks.filter((b) => b.kind === 'heading')
    expect(headings.map((b) => b.id)).toEqual(['heading-1', 'heading-2'])
    expect(headings[1]?.text).toBe(
      'Fourth periodic report of Mexico (continued) (CMW/C/MEX/4; CMW/C/MEX/QPR/4)'
    )
  })

  it('strips bookmark artefacts and normalises whitespace, keeping the wording', () => {
    expect(record.blocks.some((b) => b.text.includes('[bookmark'))).toBe(false)
    expect(paragraph(1)?.text.startsWith('In accordance')).toBe(true)
    expect(
      record.blocks.every((b) => b.text === b.text.trim() && !/\s{2}|[\t\u00a0]/.test(b.text))
    ).toBe(true)
    expect(paragraph(7)?.text).toContain('1 million United States citizens')
  })

  it('attributes paragraphs 1, 3, 4, 8, 9 and 33 to their speakers and roles', () => {
    expect(paragraph(1)).toMatchObject({ speaker: null, role: 'other' })
    expect(paragraph(3)).toMatchObject({
      speaker: 'Ms. Diallo',
      role: 'chair',
      roles: ['chair', 'country_rapporteur', 'committee_member'],
      turnStart: true,
    })
    expect(paragraph(4)).toMatchObject({ speaker: 'Ms. Diallo', role: 'chair', turnStart: false })
    expect(paragraph(8)).toMatchObject({
      speaker: 'Mr. Taghi-Zada',
      role: 'committee_member',
      turnStart: true,
    })
    expect(paragraph(9)).toMatchObject({
      speaker: 'A representative of Mexico',
      role: 'state_delegation',
    })
    expect(paragraph(33)).toMatchObject({
      speaker: 'Mr. Ceriani Cernadas',
      role: 'country_rapporteur',
      turnStart: true,
    })
  })

  it('continues a turn until the next attribution and records rapporteurs named without their title', () => {
    expect(paragraph(6)).toMatchObject({ speaker: 'Ms. Dzumhur', turnStart: false })
    expect(paragraph(43)).toMatchObject({ speaker: 'Mr. Oumaria', role: 'committee_member' })
    expect(paragraph(55)).toMatchObject({ speaker: 'Mr. Charef', role: 'country_rapporteur' })
    expect(paragraph(2)).toMatchObject({ speaker: null, role: 'other' })
  })

  it('takes the numbers a record prints as its citation numbers, glued numbers and gaps included', () => {
    const text =
      'The meeting was called to order at 3 p.m.\n7. Ms. Dzumhur said that she agreed.\n9.Mr. Charef said that he did too.'
    const parsed = parseRecord(text)
    expect(parsed.numbering).toBe('printed')
    expect(
      parsed.blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.id, b.speaker, b.text])
    ).toEqual([
      ['7', 'Ms. Dzumhur', 'Ms. Dzumhur said that she agreed.'],
      ['9', 'Mr. Charef', 'Mr. Charef said that he did too.'],
    ])
    expect(parsed.warnings).toEqual(['paragraph numbers jump from 7 to 9'])
  })

  it('recounts by the UN convention where a rendition lost its numbers', () => {
    expect(record.numbering).toBe('recounted')
    expect(record.warnings).toEqual([])
  })

  it('rejects text that is not a summary record, naming the file', () => {
    expect(() => parseRecord('', meta, 'empty.txt')).toThrowError(
      new RecordParseError('empty.txt', 'the file is empty')
    )
    expect(() => parseRecord('The meeting rose at 1 p.m.', meta, 'short.txt')).toThrowError(
      new RecordParseError('short.txt', 'no paragraphs found (is it a summary record?)')
    )
    expect(() => parseRecord('abc\u0000def', meta, 'binary.txt')).toThrowError(
      /binary\.txt: binary content/
    )
  })
})
