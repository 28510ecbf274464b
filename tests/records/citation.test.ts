import { describe, expect, it } from 'vitest'
import { citationFor, shortCitation, withoutBidi } from '../../src/records/citation.ts'

describe('citations', () => {
  it('never carry a bidirectional control, whatever the record holds', () => {
    const reversed = { record: 'XSS/C/SR.13\u202e', label: '17\u2067', id: '17' }
    expect(citationFor(reversed)).toBe('XSS/C/SR.13, para. 17')
    expect(shortCitation(reversed)).toBe('para. 17')
    expect(withoutBidi('a\u200e\u200f\u061cb\u2066\u2069')).toBe('ab')
  })
})
