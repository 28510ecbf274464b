import { describe, expect, it } from 'vitest'
import { openingOf } from '../../src/records/attribution.ts'

describe('openingOf', () => {
  it('reads the subject and reporting verb that open a paragraph', () => {
    expect(openingOf('Mr. Charef said that statistics would help.')).toMatchObject({
      subject: { kind: 'person', name: 'Mr. Charef' },
      complement: true,
    })
  })

  it('reads a State as the subject only where States speak, as in a review', () => {
    expect(openingOf('Germany welcomed the report.', { states: true })?.subject).toEqual({
      kind: 'state',
      state: 'Germany',
    })
  })

  it('reads the subject after an opening phrase, its article in lower case', () => {
    const opening = openingOf(
      'Regarding the rights of the Roma population, the delegation of Slovenia recalled that Roma had special protection.',
      { states: true }
    )
    expect(opening?.subject).toEqual({ kind: 'delegation', form: 'delegation', state: 'Slovenia' })
  })

  it('reads no speaker in a sentence that reports no one', () => {
    expect(openingOf('Regarding the budget, the figures were not available.')).toBeNull()
  })
})
