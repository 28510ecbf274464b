import { describe, expect, it } from 'vitest'
import { isRequest } from '../../src/text/requests.ts'

describe('isRequest', () => {
  it.each([
    'He wondered whether the State party intended to raise the age.',
    'She would like to know what support foster families received.',
    'It would be useful to learn what measures had been taken.',
    'Further information on sign language interpreters would be welcome.',
    'Did the new child benefit reach families without a fixed address?',
    'Norway asked Iceland for an assessment of its new equality office.',
    'It asked the Government about plans to close the remaining camps.',
    'Estonia asked the Russian Federation for details of the new registry.',
  ])('reads "%s" as a question', (sentence) => {
    expect(isRequest(sentence)).toBe(true)
  })

  it.each([
    'The Committee thanked the delegation for the constructive dialogue.',
    'Migrants had been requested to provide documentation at bus stations.',
    'A draft bill would be submitted to parliament in the spring.',
    'He would like to encourage the State party to review its approach to border control.',
    'The Minister asked parliament to adopt the bill before the summer.',
    'The Government had asked UNHCR for assistance with the new arrivals.',
  ])('does not read "%s" as a question', (sentence) => {
    expect(isRequest(sentence)).toBe(false)
  })
})
