import { describe, expect, it } from 'vitest'
import { NAME_CONNECTORS } from '../../src/language/english.ts'
import { acronymsOf } from '../../src/text/acronyms.ts'
import { tokenize } from '../../src/text/tokenize.ts'

const acronyms = (text: string) => acronymsOf(text, tokenize(text), NAME_CONNECTORS)

describe('acronymsOf', () => {
  it('reads the acronym of a capitalised name and of each shorter name inside it', () => {
    const found = acronyms('held by the Working Group on the Universal Periodic Review in Geneva')
    expect(found).toEqual(expect.arrayContaining(['upr', 'wg', 'wgupr', 'wgotupr']))
  })

  it('reads an acronym with and without the small words inside the name', () => {
    expect(acronyms('the Committee against Torture met')).toEqual(
      expect.arrayContaining(['cat', 'ct'])
    )
    expect(acronyms('the International Labour Organization said')).toContain('ilo')
  })

  it('ends a name at punctuation and never reads one from a single capitalised word', () => {
    expect(acronyms('It spoke to Mexico. Later, Guatemala replied')).toEqual([])
    expect(acronyms('reports from Mexico; Guatemala agreed')).toEqual([])
  })

  it('leaves a name of another script or with no capitals alone', () => {
    expect(acronyms('the committee against torture')).toEqual([])
  })
})
