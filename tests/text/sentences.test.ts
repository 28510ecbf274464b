import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/text/sentences.ts'

const sentences = (text: string) =>
  splitSentences(text).map(({ start, end }) => text.slice(start, end))

describe('splitSentences', () => {
  it('splits at full stops, question marks and exclamation marks before a capital', () => {
    expect(sentences('One thing. Two things? Three!  4 more.')).toEqual([
      'One thing.',
      'Two things?',
      'Three!',
      '4 more.',
    ])
  })

  it('does not split after titles, case numbers or initials', () => {
    const text =
      'Mr. Charef and Ms. Diallo cited amparo review No. 275/2019 and J. Smith. Then it ended. It was led by H.E. Ms. Novak. She spoke.'
    expect(sentences(text)).toEqual([
      'Mr. Charef and Ms. Diallo cited amparo review No. 275/2019 and J. Smith.',
      'Then it ended.',
      'It was led by H.E. Ms. Novak.',
      'She spoke.',
    ])
  })

  it('keeps closing quotes with their sentence and returns offsets into the original text', () => {
    const text = 'He said “it works.” She agreed.'
    const spans = splitSentences(text)
    expect(spans).toEqual([
      { start: 0, end: 19 },
      { start: 20, end: 31 },
    ])
  })

  it('does not split decimals, times or lowercase continuations', () => {
    expect(
      sentences('It was suspended at 10.20 a.m. and resumed at 10.35 a.m. on time.')
    ).toHaveLength(1)
  })
})
