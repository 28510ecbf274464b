import { describe, expect, it } from 'vitest'
import { sourceBlock } from '../../src/ingest/source.ts'
import { bodyAcronymOf, bodyStart, readMasthead } from '../../src/records/masthead.ts'

const blocks = (...texts: string[]) => texts.map((t) => sourceBlock(t))
const opensBody = (b: { text: string }) => /^1\. /.test(b.text)

describe('bodyStart', () => {
  it('starts the body at the opening procedural line, after the cover and its contents', () => {
    const list = blocks(
      'CAT/C/SR.1',
      'Contents',
      'Item 4',
      'This record is subject to correction by the delegations to the record.',
      'The meeting was called to order at 3 p.m.',
      'Item 4',
      '1. Text.'
    )
    expect(bodyStart(list, opensBody)).toBe(4)
  })

  it('takes the headings just above the first paragraph into the body, but not a contents entry they repeat', () => {
    expect(
      bodyStart(blocks('CAT/C/SR.1', 'Contents', 'Item 4', 'Item 4', '1. Text.'), opensBody)
    ).toBe(3)
    expect(
      bodyStart(
        blocks('A/HRC/1/1', 'Report of the Working Group', 'Slovenia', 'Introduction', '1. Text.'),
        opensBody
      )
    ).toBe(3)
  })

  it('never starts before the correction notice that closes a cover', () => {
    expect(
      bodyStart(
        blocks(
          'CAT/C/SR.1',
          'Any corrections to this record should be submitted in a memorandum.',
          'Agenda',
          '1. Text.'
        ),
        opensBody
      )
    ).toBe(2)
  })
})

describe('readMasthead', () => {
  it('reads every field a cover prints, in the old layout', () => {
    const cover = blocks(
      'UNITED NATIONS',
      'Distr. GENERAL',
      'CCPR/C/SR.1209',
      '14 April 1993',
      'ENGLISH',
      'Original: FRENCH',
      'HUMAN RIGHTS COMMITTEE',
      'Forty-seventh session',
      'SUMMARY RECORD (PARTIAL)* OF THE 1209th MEETING',
      'Held at the Palais des Nations, Geneva, on Monday, 29 March 1993, at 3 p.m.',
      'Chairman: Mr. POCAR',
      'later: Mr. ANDO (Vice-Chairman)',
      'CONTENTS',
      'Initial report of the Sudan (continued)'
    )
    expect(readMasthead(cover)).toMatchObject({
      symbol: 'CCPR/C/SR.1209',
      body: 'HUMAN RIGHTS COMMITTEE',
      bodyAcronym: 'CCPR',
      session: 'Forty-seventh session',
      meeting: '1209th meeting',
      meetingNumber: 1209,
      recordKind: 'partial summary record',
      date: '1993-03-29',
      time: '3 p.m.',
      place: 'Palais des Nations, Geneva',
      chair: 'Mr. POCAR',
      laterChairs: ['Mr. ANDO'],
      distributed: '1993-04-14',
      language: 'English',
      originalLanguage: 'French',
      agendaItems: ['Initial report of the Sudan (continued)'],
      state: 'Sudan',
    })
  })

  it('prefers the symbol the pages repeat as their running head', () => {
    expect(
      readMasthead(blocks('E/C.12/2001/SR.5'), ['E/C.12/2001/SR.6', 'E/C.12/2001/SR.6']).symbol
    ).toBe('E/C.12/2001/SR.6')
    expect(bodyAcronymOf('E/C.12/2001/SR.5')).toBe('CESCR')
    expect(bodyAcronymOf('A/HRC/59/15')).toBe('HRC')
  })

  it('leaves what the cover does not say empty', () => {
    expect(readMasthead([])).toMatchObject({
      symbol: null,
      date: null,
      chair: null,
      agendaItems: [],
    })
  })
})
