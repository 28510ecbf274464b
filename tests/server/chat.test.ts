import { composePipeline } from '../../src/compose.ts'
import { Embeddings } from '@langchain/core/embeddings'
import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema, ExcerptSchema } from '../../src/answer/schema.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { ProblemSchema } from '../../src/server/problem.ts'
import { openRealIndex } from '../fixtures/real-index.ts'
import { sseEvents } from '../fixtures/sse.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

const chat = (app: ReturnType<typeof createApp>, body: unknown) =>
  app.request('/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('POST /api/chat', () => {
  it('streams the question as read, then each excerpt, then done with the whole answer', async () => {
    const response = await chat(createApp(composePipeline(index)), {
      question:
        'How did the delegation respond to the question about the mobile phone application?',
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const sequence = await sseEvents(response)
    expect(sequence.map((e) => e.event)).toEqual(['question', 'excerpt', 'excerpt', 'done'])
    const done = AskResponseSchema.parse(sequence.at(-1)?.data)
    expect(sequence.slice(1, 3).map((e) => ExcerptSchema.parse(e.data))).toEqual(done.excerpts)
    expect(done).toMatchObject({ kind: 'reply', abstained: false, followsUp: null })
    expect(done.citations).toEqual(['CMW/C/SR.593, para. 47', 'CMW/C/SR.593, para. 40'])
  })

  it('streams no excerpt when the record does not address the question', async () => {
    const sequence = await sseEvents(
      await chat(createApp(composePipeline(index)), {
        question: 'What did the Committee say about climate change?',
      })
    )
    expect(sequence.map((e) => e.event)).toEqual(['question', 'done'])
    expect(AskResponseSchema.parse(sequence[1]?.data)).toMatchObject({
      abstained: true,
      citations: [],
    })
  })

  it('resolves a follow-up from the history the client sends', async () => {
    const sequence = await sseEvents(
      await chat(createApp(composePipeline(index)), {
        question: 'What did the delegation answer?',
        history: [{ question: 'What did the Committee ask about the mobile phone application?' }],
      })
    )
    const done = AskResponseSchema.parse(sequence.at(-1)?.data)
    expect(sequence[0]?.data).toEqual({
      followsUp: 'What did the Committee ask about the mobile phone application?',
    })
    expect(done.followsUp).toBe('What did the Committee ask about the mobile phone application?')
    expect(done.question).toBe('What did the delegation answer?')
    expect(done.excerpts.map((e) => [e.paragraph, e.role])).toEqual([
      [47, 'state_delegation'],
      [40, 'country_rapporteur'],
    ])
  })

  it('rejects a bad message before streaming, as problem+json', async () => {
    const response = await chat(createApp(composePipeline(index)), {
      question: 'x',
      history: 'not a list',
    })
    expect(response.status).toBe(400)
    expect(ProblemSchema.parse(await response.json()).detail).toMatch(/history: Expected array/)
  })

  it('reports a failure after the stream has started as an error event', async () => {
    class FailingEmbeddings extends Embeddings {
      override embedQuery = (text: string) => index.embeddings.embedQuery(text)
      override embedDocuments = async (): Promise<number[][]> => {
        throw new Error('embedding service unavailable')
      }
    }
    const logged: unknown[] = []
    const app = createApp(composePipeline({ ...index, embeddings: new FailingEmbeddings({}) }), {
      logError: (e) => logged.push(e),
    })
    const sequence = await sseEvents(
      await chat(app, {
        question: 'How many migrant integration centres are there at the northern border?',
      })
    )
    expect(sequence.map((e) => e.event)).toEqual(['question', 'error'])
    expect(ProblemSchema.parse(sequence[1]?.data)).toMatchObject({
      status: 500,
      title: 'Internal error',
    })
    expect(logged).toHaveLength(1)
  })
})
