import { beforeAll, describe, expect, it } from 'vitest'
import { fitsAnswerType, judge } from '../../src/answer/judge.ts'
import { composePipeline } from '../../src/compose.ts'
import { isRecommendation } from '../../src/records/recommendation.ts'
import { readQuestion } from '../../src/question/question.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openLibraryIndex } from '../fixtures/library-index.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let corpus: Corpus
beforeAll(async () => {
  corpus = new Corpus((await openRealIndex()).index)
})

describe('fitsAnswerType', () => {
  it('reads a figure, in digits or in words, as what "how many" asks for', () => {
    const q = readQuestion(corpus, 'How many people received compensation?')
    expect(fitsAnswerType('In 2016, 13,000 persons had been compensated.', 'number', q)).toBe(true)
    expect(
      fitsAnswerType('Thirteen thousand persons had their status restored.', 'number', q)
    ).toBe(true)
    expect(fitsAnswerType('The gap was 2.5 per cent in 2012.', 'number', q)).toBe(true)
  })

  it('reads a year, a span of years or a day of a month as when, not how many', () => {
    const q = readQuestion(corpus, 'How many people received compensation?')
    for (const text of [
      'A compensation scheme took effect in June 2014.',
      'A programme for the period 2015–2020 was being developed.',
      'The law entered into force on 4 April, and again on April 12.',
    ])
      expect(fitsAnswerType(text, 'number', q)).toBe(false)
    expect(fitsAnswerType('A compensation scheme took effect in June 2014.', 'time', q)).toBe(true)
  })

  it('reads only a figure with a currency as a sum of money', () => {
    const q = readQuestion(corpus, 'How much money was put into the women’s centres?')
    expect(q.answerType).toBe('amount')
    expect(fitsAnswerType('It had invested 400 million pesos in 2024.', 'amount', q)).toBe(true)
    expect(fitsAnswerType('Funding of €100 million a year was planned.', 'amount', q)).toBe(true)
    expect(fitsAnswerType('It had opened 52 centres since June 2014.', 'amount', q)).toBe(false)
    expect(fitsAnswerType('The centres received funding in 2024.', 'amount', q)).toBe(false)
  })

  it('leaves out the figures the question itself gives', () => {
    const q = readQuestion(corpus, 'How many children were detained in 2024?')
    expect(fitsAnswerType('In 2024, children were detained.', 'number', q)).toBe(false)
    expect(fitsAnswerType('In 2024, 520 children were detained.', 'number', q)).toBe(true)
  })
})

describe('judge, in a report that sets out recommendations', () => {
  it('reads a recommendation as addressed to the State under review, when the question asks what was recommended', async () => {
    const { index } = await openLibraryIndex()
    const pipeline = composePipeline(index)
    const question = pipeline.read({
      question: 'What did States recommend to Slovenia on hate speech?',
      record: 'A/HRC/59/15',
    })
    expect(question.recommendations).toBe(true)
    const { terms, ranked } = await pipeline.retrieve(question)
    const unnamed = ranked.filter(
      (r) => isRecommendation(r.block) && !/Slovenia/.test(r.block.text)
    )
    expect(unnamed.length).toBeGreaterThan(0)
    const asked = await judge(pipeline.corpus, question, terms, unnamed)
    const plain = await judge(
      pipeline.corpus,
      { ...question, recommendations: false },
      terms,
      unnamed
    )
    asked.forEach((j, i) => expect(j.coverage).toBeGreaterThan(plain[i]?.coverage ?? 1))
  })
})
