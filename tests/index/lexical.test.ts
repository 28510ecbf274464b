import { describe, expect, it } from 'vitest'
import { structuralLabel } from '../../src/index/lexical.ts'

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
