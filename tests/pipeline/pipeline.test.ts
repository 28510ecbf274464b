import { FakeListChatModel } from '@langchain/core/utils/testing'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AskRequest } from '../../src/answer/schema.ts'
import { AskRequestSchema, AskResponseSchema } from '../../src/answer/schema.ts'
import { composePipeline } from '../../src/compose.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { InvalidRequestError } from '../../src/errors.ts'
import { loadAnswerPrompt, loadTranslationPrompt } from '../../src/generate/prompt.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import type { Pipeline } from '../../src/pipeline/pipeline.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let pipeline: Pipeline
beforeAll(async () => {
  index = (await openRealIndex()).index
  pipeline = composePipeline(index)
})

const answer = (question: string, extra: Omit<AskRequest, 'question'> = {}) =>
  pipeline.ask(AskRequestSchema.parse({ question, ...extra }))

/** Every excerpt must be the cited block's text at its offsets: the product's core promise. */
const expectGrounded = (response: Awaited<ReturnType<typeof answer>>) => {
  for (const e of response.excerpts) {
    const block = index.byKey.get(`${e.record}#${e.block}`)
    expect(block?.text.slice(e.start, e.end)).toBe(e.text)
    expect(block?.paragraph).toBe(e.paragraph)
    expect(block?.speaker).toBe(e.speaker)
    // …and the answer's text quotes it as it is.
    if (response.mode === 'extractive') expect(response.answer).toContain(`“${e.text}”`)
  }
}

describe('pipeline.ask', () => {
  it('answers a question that asks two things as the two, the second following the first, joined', async () => {
    const both = await answer(
      'When was the meeting called to order, and when was the meeting suspended?'
    )
    const first = await answer('When was the meeting called to order?')
    const second = await answer('When was the meeting suspended?', {
      history: [{ question: 'When was the meeting called to order?' }],
    })
    expect(AskResponseSchema.parse(both)).toEqual(both)
    expect(both.answer).toBe(`${first.answer}\n\n${second.answer}`)
    expect(both.excerpts.map((e) => e.block)).toEqual([
      ...new Set([...first.excerpts, ...second.excerpts].map((e) => e.block)),
    ])
    expect(both.abstained).toBe(false)
    expectGrounded(both)
  })

  it('answers a factoid with the sentence that holds the figure, cited to its paragraph', async () => {
    const response = await answer(
      'How many migrant integration centres are there at the northern border?'
    )
    expect(AskResponseSchema.parse(response)).toEqual(response)
    expect(response.abstained).toBe(false)
    expect(response.excerpts[0]).toMatchObject({
      paragraph: 19,
      record: 'CMW/C/SR.593',
      role: 'state_delegation',
    })
    expect(response.excerpts[0]?.text).toMatch(
      /^Migrants in transit could receive support at one of the three migrant integration centres/
    )
    expect(response.citations).toContain('CMW/C/SR.593, para. 19')
    expect(response.answer).toContain('three migrant integration centres at the northern border')
    expect(response.answer).toContain('(CMW/C/SR.593, para. 19)')
    expectGrounded(response)
  })

  it('quotes single sentences, not whole paragraphs', async () => {
    const response = await answer(
      'How many people were found in the clandestine graves in San Fernando?'
    )
    const block = index.byKey.get('CMW/C/SR.593#15')
    const excerpt = response.excerpts.find((e) => e.paragraph === 15)
    expect(excerpt?.text).toContain('72 people had been found')
    expect(excerpt && block && excerpt.text.length < block.text.length).toBe(true)
    expect(response.excerpts.length).toBeLessThanOrEqual(2)
    expectGrounded(response)
  })

  it('names who asked about the mobile phone application', async () => {
    const response = await answer(
      'Who asked about the mobile phone application for Mexicans in the United States?'
    )
    expect(response.excerpts[0]).toMatchObject({
      paragraph: 40,
      speaker: 'Mr. Charef',
      role: 'country_rapporteur',
    })
    expect(response.answer).toMatch(/Mr\. Charef \(Country Rapporteur/)
    expectGrounded(response)
  })

  it('answers "what else did he ask" from the speaker the previous answer quoted, less what it quoted', async () => {
    const previous =
      'Who asked about the mobile phone application for Mexicans in the United States?'
    const first = await answer(previous)
    const response = await answer('What else did he ask?', { history: [{ question: previous }] })
    expect(response.followsUp).toBe(previous)
    expect(response.excerpts.length).toBeGreaterThan(0)
    expect(new Set(response.excerpts.map((e) => e.speaker))).toEqual(new Set(['Mr. Charef']))
    const quoted = new Set(first.excerpts.map((e) => e.block))
    expect(response.excerpts.filter((e) => quoted.has(e.block))).toEqual([])
    expectGrounded(response)
  })

  it('asks "which of them" among those the previous answer quoted, and abstains when none did', async () => {
    const response = await answer('Which of them asked about remittances?', {
      history: [{ question: 'Which Committee members asked about xenophobia?' }],
    })
    expect(response.abstained).toBe(true)
    const alone = await answer('Which Committee member asked about remittances?')
    expect(alone.excerpts[0]?.speaker).toBe('Mr. Charef')
  })

  it('does not answer a follow-up that swaps a word with the paragraph on the word it swapped out', async () => {
    const previous = 'How many migrant integration centres are there at the northern border?'
    // The record gives the northern border's centres and says nothing of the southern border.
    const swapped = await answer('And at the southern border?', {
      history: [{ question: previous }],
    })
    expect(swapped).toMatchObject({ abstained: true, excerpts: [] })
    // The other way round, it asks about what the record says.
    const back = await answer('And at the northern border?', {
      history: [{ question: previous.replace('northern', 'southern') }],
    })
    expect(back.abstained).toBe(false)
    expect(back.excerpts[0]?.paragraph).toBe(19)
  })

  it('looks for a reply to "them" as any reply, not among those who asked', async () => {
    const response = await answer('What did the delegation reply to them?', {
      history: [{ question: 'Which Committee members asked about trafficking in persons?' }],
    })
    expect(response.kind).toBe('reply')
    expect(response.excerpts.some((e) => e.paragraph === 12 && e.side === 'delegation')).toBe(true)
    expectGrounded(response)
  })

  it('reads "How did the delegation respond?" after a member’s question as the reply to it', async () => {
    const response = await answer('How did the delegation respond?', {
      history: [{ question: 'What did Ms. Dzumhur ask about trafficking in persons?' }],
    })
    expect(response.kind).toBe('reply')
    expect(response.excerpts.some((e) => e.paragraph === 12 && e.side === 'delegation')).toBe(true)
    expect(response.excerpts.at(-1)?.speaker).toBe('Ms. Dzumhur')
    expectGrounded(response)
  })

  it('takes a question raised by several named members as any of theirs', async () => {
    const response = await answer(
      'Ms. Diallo and Mr. Charef raised remittances. How did Mexico respond?'
    )
    expect(response.kind).toBe('reply')
    expect(response.excerpts.some((e) => e.speaker === 'Mr. Charef' && e.paragraph === 41)).toBe(
      true
    )
  })

  it('quotes the reply the dialogue map links when it shares too few words with the question', async () => {
    // Mr. Charef asks about remittances; the reply speaks of the 3x1 Programme, not remittances.
    const response = await answer('Mr. Charef raised remittances. How did Mexico respond?')
    expect(response.answer).toMatch(/^The reply, as the dialogue map links it:/)
    const map = await pipeline.dialogue('CMW/C/SR.593')
    const linked = map.questions
      .filter((q) => q.label === '41')
      .flatMap((q) => q.replies.map((r) => r.paragraph))
    const replies = response.excerpts.filter((e) => e.side === 'delegation')
    expect(replies.length).toBeGreaterThan(0)
    for (const r of replies) expect(linked).toContain(r.paragraph)
    expectGrounded(response)
  })

  it('abstains on a reply to a named member none of whose questions is on the topic', async () => {
    const response = await answer(
      'How did Mexico answer Mr. Taghi-Zada about family reunification?'
    )
    expect(response).toMatchObject({ abstained: true, excerpts: [] })
  })

  it('abstains, with no citations, when the record does not address the question', async () => {
    const response = await answer('What did the Committee say about climate change?')
    expect(response).toMatchObject({ abstained: true, excerpts: [], citations: [] })
    expect(response.answer).toMatch(/^The record CMW\/C\/SR\.593 does not appear to address/)
    // It names the closest paragraphs, so that the user can look for themselves.
    expect(response.closest).toHaveLength(3)
    expect(response.answer).toMatch(
      /The closest paragraphs are para\. \d+, para\. \d+, para\. \d+\./
    )
  })

  it('abstains on a question about a nationality the record never names', async () => {
    expect((await answer('What happened to Honduran asylum seekers?')).abstained).toBe(true)
  })

  it('answers from one speaker only when a speaker filter is given', async () => {
    const response = await answer('children', { speaker: 'Dzumhur' })
    expect(response.excerpts.length).toBeGreaterThan(0)
    expect(response.excerpts.every((e) => e.speaker === 'Ms. Dzumhur')).toBe(true)
    expect(response.retrieved.every((r) => ['5', '6'].includes(r.block))).toBe(true)
  })

  it('rejects a speaker filter that matches nobody', async () => {
    await expect(answer('children', { speaker: 'Mr. Nobody' })).rejects.toThrowError(
      InvalidRequestError
    )
  })

  it('returns k retrieved blocks with their scores', async () => {
    const response = await answer('consular assistance in the United States', { k: 7 })
    expect(response.retrieved).toHaveLength(7)
    expect(response.retrieved[0]).toEqual({
      record: 'CMW/C/SR.593',
      block: expect.any(String),
      paragraph: expect.any(Number),
      label: expect.any(String),
      score: expect.any(Number),
    })
  })
})

describe('ask, by kind of question', () => {
  it('answers "What did Ms. Dzumhur ask?" from her paragraphs only', async () => {
    const response = await answer('What did Ms. Dzumhur ask?')
    expect(response.abstained).toBe(false)
    expect(response.excerpts.map((e) => e.paragraph)).toEqual([5, 6])
    expect(response.excerpts.every((e) => e.speaker === 'Ms. Dzumhur')).toBe(true)
    // Each paragraph's opening two sentences, as one span from its start.
    for (const e of response.excerpts) {
      const block = index.byKey.get(`${e.record}#${e.block}`)
      if (!block) throw new Error(`no block ${e.block}`)
      const sentences = pipeline.corpus.sentences(block)
      expect(sentences.length).toBeGreaterThan(2)
      expect([e.start, e.end]).toEqual([sentences[0]?.start, sentences[1]?.end])
    }
    expectGrounded(response)
  })

  it.each([
    [
      'with the reply, then the question it answers',
      'How did the delegation respond to the question about the mobile phone application?',
      [47, 40],
    ],
    [
      'pairing a reply with the question put before it, when the closest one comes after it',
      'How did Mexico respond to the question on seasonal workers in Canada?',
      [25, 7],
    ],
    [
      'quoting a named asker’s question, with a reply that need not name them',
      'Mr. Charef raised the mobile phone application. How did the delegation respond?',
      [47, 40],
    ],
  ])('answers "how did the delegation respond" %s', async (_, question, [reply, asked]) => {
    const response = await answer(question)
    expect(response.kind).toBe('reply')
    expect(response.excerpts.map((e) => [e.paragraph, e.side])).toEqual([
      [reply, 'delegation'],
      [asked, 'committee'],
    ])
    expect(response.answer).toMatch(/^The reply:\n/)
    expectGrounded(response)
  })

  it('says so when the record holds no reply, and quotes the question', async () => {
    const response = await answer(
      'What did the delegation say in reply about the Haitian child who died?'
    )
    expect(response).toMatchObject({ kind: 'reply', abstained: false })
    expect(response.answer).toMatch(
      /^No reply is recorded in CMW\/C\/SR\.593 \(the question: para\. 37\)/
    )
    expect(response.excerpts.every((e) => e.paragraph === 37)).toBe(true)
    // The question asked, not the paragraph's next one on birth registration.
    expect(response.excerpts).toHaveLength(1)
    expect(response.excerpts[0]?.text).toMatch(/Haitian child/)
    // The delegation's closest paragraphs after the question, for the user to read for a reply
    // the words missed; none of them is cited.
    expect(response.closest.length).toBeGreaterThan(0)
    expect(response.closest.length).toBeLessThanOrEqual(3)
    for (const c of response.closest) {
      const paragraph = Number(/para\. (\d+)$/.exec(c)?.[1])
      expect(paragraph).toBeGreaterThan(37)
      const block = index.blocks.find((b) => b.paragraph === paragraph)
      expect(block?.role).toBe('state_delegation')
    }
    expect(response.answer).toMatch(/The delegation's paragraphs closest to it: para\. \d+/)
    expect(response.citations).toEqual(['CMW/C/SR.593, para. 37'])
  })

  it('prefers the sentence holding a figure when asked how many', async () => {
    const response = await answer(
      'How many beneficiaries does the Local Integration Programme have?'
    )
    expect(response.excerpts[0]?.text).toMatch(/^The 50,000 beneficiaries of the programme/)
  })

  it('leads with the line that states the fact', async () => {
    const response = await answer('When did the meeting rise?')
    expect(response.excerpts[0]).toMatchObject({
      block: 'procedural-4',
      text: 'The meeting rose at 1.05 p.m.',
    })
  })

  it('does not take a word for its negation', async () => {
    expect(
      (await answer('What was the unemployment rate among migrant workers in 2022?')).abstained
    ).toBe(true)
  })
})

describe('ask, abstaining when the record does not say it', () => {
  it('abstains on "how many" when the passages on it give no figure', async () => {
    const response = await answer('How many people were deported from the United States?')
    expect(response.abstained).toBe(true)
    expect(response.answer).toContain('No paragraph on it gives a figure.')
  })

  it('treats a number the record never gives as a name it does not know', async () => {
    const response = await answer('Who chaired the 600th meeting?')
    expect(response.abstained).toBe(true)
    expect(response.answer).toContain('No paragraph mentions “600th”')
  })

  it('knows "36-hour" where the record says "36 hours"', async () => {
    const response = await answer('What did the delegation say about the 36-hour limit?')
    expect(response.answer).not.toContain('mentions “36-hour”')
  })
})

describe('ask, reading what a question means', () => {
  it('answers "closing remarks" with the speaker’s last paragraph only', async () => {
    const closing = await answer('What did Mr. Ceriani Cernadas say in his concluding remarks?')
    expect(closing.excerpts.map((e) => e.paragraph)).toEqual([54])
    const opening = await answer('What did Ms. Diallo say in her opening remarks?')
    expect(opening.excerpts.map((e) => e.paragraph)).toEqual([3])
    expectGrounded(closing)
  })

  it('answers "how long" with a sentence that gives a period', async () => {
    const response = await answer('How long could the processing of migrants last?')
    expect(response.abstained).toBe(false)
    expect(response.excerpts.map((e) => e.text).join(' ')).toMatch(/\d+ (?:hours|days)/)
    expectGrounded(response)
  })
})

describe('pipeline.ask, questions in other languages with a chat model', () => {
  const spanish = '¿Cuántos centros de integración para migrantes hay en la frontera norte?'
  const withModel = async (responses: string[]) => {
    const dir = join(PROJECT_ROOT, 'prompts')
    const [prompt, translation] = await Promise.all([
      loadAnswerPrompt(dir),
      loadTranslationPrompt(dir),
    ])
    const model = new FakeListChatModel({ responses })
    return {
      model,
      pipeline: composePipeline(index, { generator: { name: 'fake', model, prompt, translation } }),
    }
  }

  it('retrieves with the model’s English rewrite and answers in the question’s language, excerpts verbatim', async () => {
    const { pipeline: translating } = await withModel([
      'How many migrant integration centres are there at the northern border?',
      'Según el acta resumida, hay “three migrant integration centres at the northern border” [para 19].',
    ])
    const response = await translating.ask(AskRequestSchema.parse({ question: spanish }))
    expect(response).toMatchObject({ mode: 'generative', question: spanish, abstained: false })
    expect(response.retrieved.slice(0, 2).map((r) => r.paragraph)).toContain(19)
    expect(response.answer).toMatch(/^Según el acta resumida/)
    expect(response.excerpts[0]?.text).toBe(
      'three migrant integration centres at the northern border'
    )
    expectGrounded(response)
  })

  it('reads the question as written when the rewrite is no question', async () => {
    const { pipeline: translating } = await withModel([
      'Sure! Here is the translation:\nHow many centres?',
      'There are “three migrant integration centres at the northern border” [para 19].',
    ])
    const response = await translating.ask(AskRequestSchema.parse({ question: spanish }))
    expect(response.retrieved.slice(0, 2).map((r) => r.paragraph)).toContain(19)
    expect(response.mode).toBe('generative')
  })
})
