import { describe, expect, it } from 'vitest'
import { generatedLabel, numberingWarnings, printedLabel } from '../../src/records/numbering.ts'

describe('printedLabel', () => {
  it('reads the number that opens a paragraph, with or without a space, and sub-numbers', () => {
    expect(printedLabel('12. The CHAIRMAN said')).toEqual({
      label: '12',
      number: 12,
      rest: 'The CHAIRMAN said',
    })
    expect(printedLabel('2.Mr. Charef said')).toEqual({
      label: '2',
      number: 2,
      rest: 'Mr. Charef said',
    })
    expect(printedLabel('115.1 Ratify the Convention (Chile);')).toMatchObject({
      label: '115.1',
      number: 115,
    })
  })

  it('does not take a figure or a year opening a sentence for a number', () => {
    expect(printedLabel('2.5 million migrants had returned.')).toBeNull()
    expect(printedLabel('2025. The review was held')).toBeNull()
    expect(printedLabel('10 a.m. was the start')).toBeNull()
  })
})

describe('generatedLabel', () => {
  it('reads numbers Word or a web page generate, and ignores bullets and letters', () => {
    expect(generatedLabel('12.')).toEqual({ label: '12', number: 12 })
    expect(generatedLabel('•')).toBeNull()
    expect(generatedLabel('(a)')).toBeNull()
  })
})

describe('numberingWarnings', () => {
  it('names every gap, repeat and step back, and sub-numbers out of their paragraph', () => {
    expect(numberingWarnings(['1', '2', '4', '4', '3', '5', '5.1', '5.2', '5.4', '6.1'])).toEqual([
      'paragraph numbers jump from 2 to 4',
      'paragraph 4 is printed more than once',
      'paragraph 3 follows paragraph 4',
      'paragraph numbers jump from 3 to 5',
      'paragraph 5.4 follows 5.2',
      'paragraph 6.1 does not follow paragraph 6',
    ])
    expect(numberingWarnings(['1', '2', '3', '3.1', '3.2', '4'])).toEqual([])
  })
})
