import { describe, expect, it } from 'vitest'
import { NAME_CONNECTORS } from '../../src/language/english.ts'
import { acronymsOf, definedAcronyms, glossaryOf, spelledOut } from '../../src/text/acronyms.ts'
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

  it('reads the acronym of a list of words in any case, with and without the word they qualify', () => {
    const found = acronyms(
      'discrimination against lesbian, gay, bisexual, transgender and intersex persons'
    )
    expect(found).toEqual(expect.arrayContaining(['lgbti', 'lgbtip']))
    expect(acronyms('economic, social and cultural rights')).toEqual(
      expect.arrayContaining(['esc', 'escr'])
    )
    // Two words are no list.
    expect(acronyms('social and cultural rights')).not.toContain('sc')
    // A list at the very end of a text, however it ends, still counts.
    expect(acronyms('rights of lesbian, gay and bisexual and')).toContain('lgb')
  })

  it('leaves a name of another script or with no capitals alone', () => {
    expect(acronyms('the committee against torture')).toEqual([])
  })
})

const defined = (text: string) =>
  Object.fromEntries(definedAcronyms(text, tokenize(text), NAME_CONNECTORS))

describe('definedAcronyms', () => {
  it.each([
    // The words an acronym leaves out ("All", "Members of Their Families") are part of the name.
    [
      'Ratify the International Convention on the Rights of All Migrant Workers and Members of Their Families (ICRMW) (Peru);',
      'icrmw',
      'International Convention on the Rights of All Migrant Workers and Members of Their Families',
    ],
    [
      'the International Convention for the Protection of All Persons from Enforced Disappearance (ICPPED) was',
      'icpped',
      'International Convention for the Protection of All Persons from Enforced Disappearance',
    ],
    // The shortest end of the name that spells it.
    [
      'the Optional Protocol to the Convention on the Rights of the Child (CRC) on a',
      'crc',
      'Convention on the Rights of the Child',
    ],
    ['the Committee against Torture (CAT).', 'cat', 'Committee against Torture'],
    // Commas and "with" inside a name; a hyphen inside an acronym.
    [
      'the International Covenant on Economic, Social and Cultural Rights (ICESCR) and',
      'icescr',
      'International Covenant on Economic, Social and Cultural Rights',
    ],
    [
      'the Convention on the Rights of Persons with Disabilities (CRPD).',
      'crpd',
      'Convention on the Rights of Persons with Disabilities',
    ],
    [
      'the Optional Protocol to the Convention on the Rights of the Child (OP-CRC).',
      'op-crc',
      'Optional Protocol to the Convention on the Rights of the Child',
    ],
  ])('reads "%s" as defining %s', (text, acronym, name) => {
    expect(defined(text)).toEqual({ [acronym]: name })
  })

  it('defines nothing where the words before the parenthesis do not spell it', () => {
    expect(defined('the national preventive mechanism (NPM) visited')).toEqual({})
    expect(defined('Ratify the Convention (Chile) (Peru);')).toEqual({})
    expect(defined('as the Ombudsman said (NPM)')).toEqual({})
    expect(defined(`the list (${'A'.repeat(20_000)})`)).toEqual({})
  })
})

describe('spelledOut', () => {
  const glossary = glossaryOf(
    [
      'Ratify the Convention against Torture (CAT) (Chile);',
      'Ratify the Convention against Transnational Organized Crime (CAT) (Peru);',
    ],
    NAME_CONNECTORS
  )

  it('spells out an acronym with a hyphen as the tokenizer keeps it whole', () => {
    const text = 'Ratify OP-CRC (Chile);'
    const own = glossaryOf(
      ['the Optional Protocol to the Convention on the Rights of the Child (OP-CRC).'],
      NAME_CONNECTORS
    )
    expect(spelledOut(text, tokenize(text), own)).toEqual([
      'Optional Protocol to the Convention on the Rights of the Child',
    ])
  })

  it('names what the acronyms a text writes in capitals stand for, by their first definition', () => {
    const text = 'Withdraw its reservations to CAT (Ghana);'
    expect(spelledOut(text, tokenize(text), glossary)).toEqual(['Convention against Torture'])
  })

  it('leaves a word the glossary defines alone when it is not written in capitals', () => {
    const text = 'The cat was out of the bag.'
    expect(spelledOut(text, tokenize(text), glossary)).toEqual([])
  })
})
