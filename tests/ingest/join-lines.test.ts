import { describe, expect, it } from 'vitest'
import { documentWords, joinLine } from '../../src/ingest/join-lines.ts'

describe('joinLine', () => {
  const words = documentWords([
    'the follow-up report',
    'an international meeting',
    'co-operation and cooperation',
  ])

  it('undoes a hyphen that split a word the document uses elsewhere whole', () => {
    expect(joinLine('an inter-', 'national forum', words)).toBe('an international forum')
  })

  it('keeps a hyphen that belongs to a word the document uses hyphenated', () => {
    expect(joinLine('the follow-', 'up given', words)).toBe('the follow-up given')
  })

  it('asks the dictionary only when the document says nothing, and keeps the hyphen when neither knows', () => {
    const none = new Set<string>()
    expect(joinLine('the regi-', 'stration', none, (w) => w === 'registration')).toBe(
      'the registration'
    )
    expect(joinLine('the ex-', 'combatants', none, () => false)).toBe('the ex-combatants')
  })

  it('joins a soft hyphen and a dash without a space, and other lines with one', () => {
    expect(joinLine('inter\u00ad', 'national', words)).toBe('international')
    expect(joinLine('2018–', '2023', words)).toBe('2018–2023')
    expect(joinLine('the', 'Committee', words)).toBe('the Committee')
  })
})
