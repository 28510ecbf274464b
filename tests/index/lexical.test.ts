import { describe, expect, it } from 'vitest'
import { searchBm25 } from '../../src/index/bm25-index.ts'
import { buildLexicalIndex, structuralLabel } from '../../src/index/lexical.ts'
import type { Block } from '../../src/records/block.ts'
import { contentTerms } from '../../src/text/tokenize.ts'

describe('structuralLabel', () => {
  it.each([
    ['The meeting was called to order at 10 a.m.', /start/],
    ['The meeting was suspended at 10.20 a.m. and resumed at 10.35 a.m.', /suspension.*resume/],
    ['The meeting rose at 1.05 p.m.', /end/],
  ])('labels "%s" by the event it records', (text, label) => {
    expect(structuralLabel({ kind: 'procedural', text })).toMatch(label)
  })

  it('never labels a suspension as the meeting’s end, though "suspended" holds "ended"', () => {
    expect(
      structuralLabel({ kind: 'procedural', text: 'The meeting was suspended at 11.40 a.m.' })
    ).not.toMatch(/\bend\b/)
  })

  it('labels a heading as an agenda item and a paragraph not at all', () => {
    expect(structuralLabel({ kind: 'heading', text: 'Organizational matters' })).toBe('agenda item')
    expect(structuralLabel({ kind: 'paragraph', text: 'The meeting rose.' })).toBe('')
  })
})

describe('buildLexicalIndex', () => {
  const recommendation = (record: string, label: string, text: string): Block => ({
    id: label,
    record,
    kind: 'paragraph',
    paragraph: Number(label.split('.')[0]),
    label,
    order: Number(label.split('.')[1]),
    text,
    speaker: null,
    role: 'other',
    roles: ['other'],
    state: null,
    turnStart: false,
  })

  it('finds a paragraph by the name of an acronym that its own record defines', () => {
    const blocks = [
      recommendation(
        'A/HRC/1/1',
        '90.1',
        'Ratify the International Convention on the Rights of All Migrant Workers and Members of Their Families (ICRMW) (Peru);'
      ),
      recommendation('A/HRC/1/1', '90.2', 'Consider ratifying ICRMW (Chile);'),
      recommendation('A/HRC/2/2', '80.1', 'Ratify ICRMW (Ghana);'),
    ]
    const index = buildLexicalIndex(blocks)
    const query = contentTerms('migrant workers').map((term) => ({ term, boost: 1 }))
    const hits = searchBm25(index, query, 10).map((h) => blocks[h.doc]?.label)
    // The other record never says what its ICRMW stands for.
    expect(hits.sort()).toEqual(['90.1', '90.2'])
  })

  it('finds a paragraph by the acronym of a list of words it gives in full', () => {
    const blocks = [
      recommendation(
        'A/HRC/1/1',
        '90.1',
        'End discrimination against lesbian, gay, bisexual, transgender and intersex persons (Malta);'
      ),
      recommendation('A/HRC/1/1', '90.2', 'Adopt a national housing plan (Peru);'),
    ]
    const query = contentTerms('LGBTI').map((term) => ({ term, boost: 1 }))
    const hits = searchBm25(buildLexicalIndex(blocks), query, 10).map((h) => blocks[h.doc]?.label)
    expect(hits).toEqual(['90.1'])
  })
})
