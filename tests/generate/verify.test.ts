import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyAnswer, withoutCitations } from '../../src/generate/verify.ts'
import type { Block } from '../../src/records/block.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let corpus: Corpus
beforeAll(async () => {
  corpus = new Corpus((await openRealIndex()).index)
})

const block = (paragraph: number, text: string): Block => ({
  id: String(paragraph),
  record: 'CMW/C/SR.593',
  kind: 'paragraph',
  paragraph,
  label: String(paragraph),
  order: paragraph,
  text,
  speaker: 'A representative of Mexico',
  role: 'state_delegation',
  roles: ['state_delegation'],
  state: 'Mexico',
  turnStart: true,
})
const sources = new Map([
  [
    '19',
    block(
      19,
      'Migrants in transit could receive support at one of the three migrant integration centres at the northern border, which had a total capacity of 1,900 persons.'
    ),
  ],
  [
    '21',
    block(
      21,
      'Such returns did not constitute deportations or involve the imposition of penalties.'
    ),
  ],
])
const verdicts = (text: string) =>
  verifyAnswer(corpus, text, sources).sentences.map((s) => s.verdict)

describe('verifyAnswer', () => {
  it('supports a sentence that cites a given paragraph and quotes it verbatim', () => {
    const result = verifyAnswer(
      corpus,
      'According to the summary record, the representative of Mexico said there were “three migrant integration centres at the northern border” [para 19].',
      sources
    )
    expect(result).toMatchObject({ overall: 'verified', faithfulness: 1 })
    expect(result.sentences[0]).toMatchObject({ verdict: 'supported', citations: ['19'] })
  })

  it('matches quotations across typographic quotes, dashes and spacing', () => {
    expect(
      verdicts('He said the centres had "a total  capacity of 1,900 persons" [para 19].')
    ).toEqual(['supported'])
  })

  it('rejects a citation of a paragraph the model was not given', () => {
    const result = verifyAnswer(corpus, 'The delegation described the fire [para 17].', sources)
    expect(result.overall).toBe('failed')
    expect(result.sentences[0]).toMatchObject({ verdict: 'unsupported', citations: ['17'] })
    expect(result.sentences[0]?.reason).toContain('para 17')
  })

  it('rejects a quotation that is not in the paragraph it cites', () => {
    expect(
      verdicts('The record says there were “four migrant integration centres” [para 19].')
    ).toEqual(['misquoted'])
    expect(verdicts('It said “the imposition of penalties” [para 19].')).toEqual(['misquoted'])
  })

  it('flags a claim without a citation, and counts it against faithfulness', () => {
    const result = verifyAnswer(
      corpus,
      'There are three centres [para 19]. They are well run.',
      sources
    )
    expect(result.sentences.map((s) => s.verdict)).toEqual(['supported', 'uncited'])
    expect(result).toMatchObject({ overall: 'partial', faithfulness: 0.5 })
  })

  it('reads several paragraphs in one citation', () => {
    expect(
      verifyAnswer(corpus, 'Both points were made [paras 19 and 21].', sources).sentences[0]
        ?.citations
    ).toEqual(['19', '21'])
  })

  it('treats "the record does not say" as no claim', () => {
    expect(verifyAnswer(corpus, 'The summary record does not say.', sources)).toMatchObject({
      overall: 'failed',
      sentences: [{ verdict: 'no_claim' }],
    })
  })
})

describe('withoutCitations', () => {
  it('drops the citation marks from a sentence', () => {
    expect(withoutCitations('There are three centres [para 19].')).toBe('There are three centres.')
  })
})

describe('verifyAnswer under generated answers', () => {
  it('never throws, and supports only sentences that cite given paragraphs and quote them verbatim', () => {
    const sentence = fc
      .tuple(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.option(
          fc.constantFrom('“three migrant integration centres”', '"1,900 persons"', '“made up”'),
          { nil: '' }
        ),
        fc.constantFrom(
          '[para 19]',
          '[para 21]',
          '[para 98]',
          '[paras 19 and 21]',
          '',
          '[para 19.1]'
        )
      )
      .map(([words, quote, cite]) => `${words} ${quote} ${cite}.`)
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 4 }), (sentences) => {
        const result = verifyAnswer(corpus, sentences.join(' '), sources)
        for (const v of result.sentences.filter((s) => s.verdict === 'supported')) {
          expect(v.citations.every((n) => sources.has(n))).toBe(true)
          expect(v.text).not.toContain('made up')
        }
        expect(result.faithfulness).toBeGreaterThanOrEqual(0)
        expect(result.faithfulness).toBeLessThanOrEqual(1)
      }),
      { numRuns: 300 }
    )
  })
})
