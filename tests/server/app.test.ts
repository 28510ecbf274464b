import { FakeListChatModel } from '@langchain/core/utils/testing'
import { join } from 'node:path'
import { composePipeline } from '../../src/compose.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { loadAnswerPrompt } from '../../src/generate/prompt.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { ProblemSchema } from '../../src/server/problem.ts'
import {
  HealthResponseSchema,
  ParagraphResponseSchema,
  RecordsResponseSchema,
  SearchResponseSchema,
} from '../../src/server/schema.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  index = (await openRealIndex()).index
  app = createApp(composePipeline(index), { maxBodyBytes: 4096 })
})

const postAsk = (
  body: string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' }
) => app.request('/api/ask', { method: 'POST', body, headers })

/** Asserts a problem+json response with the given status, and returns its body. */
const expectProblem = async (response: Response, status: number) => {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = ProblemSchema.parse(await response.json())
  expect(body.status).toBe(status)
  return body
}

describe('POST /api/ask', () => {
  it('answers with verbatim, cited excerpts in the documented shape', async () => {
    const response = await postAsk(
      JSON.stringify({
        question: 'How many migrant integration centres are there at the northern border?',
      })
    )
    expect(response.status).toBe(200)
    const body = AskResponseSchema.strict().parse(await response.json())
    expect(body.abstained).toBe(false)
    expect(body.excerpts[0]).toMatchObject({ record: 'CMW/C/SR.593', paragraph: 19, block: '19' })
    for (const e of body.excerpts) {
      const paragraph = ParagraphResponseSchema.parse(
        await (await app.request(`/api/records/cmw-c-sr-593/paragraphs/${e.block}`)).json()
      )
      expect(paragraph.block.text.slice(e.start, e.end)).toBe(e.text)
    }
    expect(body.citations).toContain('CMW/C/SR.593, para. 19')
  })

  it('honours k and the speaker filter', async () => {
    const response = await postAsk(
      JSON.stringify({ question: 'children', k: 2, speaker: 'Ms. Dzumhur' })
    )
    const body = AskResponseSchema.parse(await response.json())
    expect(body.retrieved).toHaveLength(2)
    expect(body.excerpts.every((e) => e.speaker === 'Ms. Dzumhur')).toBe(true)
  })

  it('abstains with no citations on a question the record does not address', async () => {
    const body = AskResponseSchema.parse(
      await (
        await postAsk(
          JSON.stringify({ question: 'What did the Committee say about climate change?' })
        )
      ).json()
    )
    expect(body).toMatchObject({ abstained: true, citations: [], excerpts: [] })
  })

  it('ignores unknown fields', async () => {
    expect((await postAsk(JSON.stringify({ question: 'remittances', extra: true }))).status).toBe(
      200
    )
  })

  it.each([
    ['malformed JSON', '{"question": ', /not valid JSON/],
    ['an empty body', '', /body is empty/],
    ['a JSON array', '[]', /Expected object/],
    ['a missing question', '{}', /question is required/],
    ['a question of the wrong type', '{"question": 42}', /question must be a string/],
    ['an empty question', '{"question": "   "}', /question must not be empty/],
    [
      'an over-long question',
      JSON.stringify({ question: 'x'.repeat(1001) }),
      /at most 1000 characters/,
    ],
    [
      'k out of range',
      '{"question": "children", "k": 0}',
      /k: Number must be greater than or equal to 1/,
    ],
    ['a fractional k', '{"question": "children", "k": 2.5}', /k: Expected integer/],
    [
      'an unknown speaker',
      '{"question": "children", "speaker": "Mr. Nobody"}',
      /no speaker or role .* matches "Mr. Nobody"/,
    ],
  ])('rejects %s with a 400 problem that says what is wrong', async (_, body, reason) => {
    const problem = await expectProblem(await postAsk(body), 400)
    expect(problem.detail).toMatch(reason)
  })

  it('rejects a body whose bytes are not UTF-8, even inside a JSON string, with a 400', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"question": "child'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('ren"}'),
    ])
    const response = await app.request('/api/ask', {
      method: 'POST',
      body: bytes,
      headers: { 'Content-Type': 'application/json' },
    })
    const problem = await expectProblem(response, 400)
    expect(problem.detail).toMatch(/not valid UTF-8/)
  })

  it('rejects a body over the size limit with 413', async () => {
    const problem = await expectProblem(
      await postAsk(JSON.stringify({ question: 'a'.repeat(5000) })),
      413
    )
    expect(problem.detail).toMatch(/at most 4096 bytes/)
  })
})

describe('GET /api/records and paragraphs', () => {
  it('lists the records with their metadata', async () => {
    const body = RecordsResponseSchema.parse(await (await app.request('/api/records')).json())
    expect(body.records).toEqual([
      expect.objectContaining({
        symbol: 'CMW/C/SR.593',
        slug: 'cmw-c-sr-593',
        chair: 'Ms. Diallo',
        date: '2025-04-08',
        paragraphs: 57,
        place: 'Palais Wilson, Geneva',
      }),
    ])
  })

  it.each(['CMW%2FC%2FSR.593', 'cmw-c-sr-593', 'CMW-C-SR.593'])(
    'serves paragraph 17 of record %s with speaker and neighbours',
    async (record) => {
      const response = await app.request(`/api/records/${record}/paragraphs/17`)
      expect(response.status).toBe(200)
      const body = ParagraphResponseSchema.parse(await response.json())
      expect(body).toMatchObject({ citation: 'CMW/C/SR.593, para. 17', previous: '16', next: '18' })
      expect(body.block).toMatchObject({
        paragraph: 17,
        speaker: 'A representative of Mexico',
        role: 'state_delegation',
      })
      expect(body.block.text).toMatch(/^In response to the conflagration/)
    }
  )

  it('serves headings and procedural lines by id, and the first block has no previous', async () => {
    const body = ParagraphResponseSchema.parse(
      await (await app.request('/api/records/cmw-c-sr-593/paragraphs/procedural-1')).json()
    )
    expect(body).toMatchObject({ previous: null, next: 'heading-1' })
  })

  it.each([
    ['/api/records/CMW%2FC%2FSR.999/paragraphs/1', 404, /no record named "CMW\/C\/SR.999"/],
    ['/api/records/cmw-c-sr-593/paragraphs/58', 404, /has no paragraph or block "58"/],
    ['/api/records/cmw-c-sr-593/paragraphs/0', 400, /paragraph number/],
    ['/api/records/cmw-c-sr-593/paragraphs/-3', 400, /paragraph number/],
    ['/api/records/cmw-c-sr-593/paragraphs/..%2F..%2Fetc', 400, /paragraph number/],
    ['/api/records/cmw-c-sr-593/paragraphs/99999999999999999999', 400, /paragraph number/],
    ['/api/nothing-here', 404, /no route for GET \/api\/nothing-here/],
  ])('answers %s with a %i problem', async (path, status, reason) => {
    expect((await expectProblem(await app.request(path), status)).detail).toMatch(reason)
  })
})

describe('GET /api/search and /healthz', () => {
  it('ranks blocks without composing an answer', async () => {
    const body = SearchResponseSchema.parse(
      await (await app.request('/api/search?q=mobile+phone+application&k=3')).json()
    )
    expect(body.results).toHaveLength(3)
    expect(body.results.map((r) => r.id)).toContain('40')
    expect(body.results[0]?.citation).toMatch(/^CMW\/C\/SR\.593, /)
  })

  it.each(['bm25', 'dense'])('offers the %s ranking on its own', async (mode) => {
    const body = SearchResponseSchema.parse(
      await (await app.request(`/api/search?q=remittances&mode=${mode}`)).json()
    )
    expect(body.mode).toBe(mode)
    expect(body.results.length).toBeGreaterThan(0)
  })

  it.each([
    ['/api/search', /q is required/],
    ['/api/search?q=', /q must not be empty/],
    ['/api/search?q=x&k=abc', /k: Expected number/],
    ['/api/search?q=x&mode=magic', /mode: Invalid enum value/],
  ])('rejects %s with a 400 problem', async (path, reason) => {
    expect((await expectProblem(await app.request(path), 400)).detail).toMatch(reason)
  })

  it('reports health with the index it serves, how it answers, and which process answered', async () => {
    const body = HealthResponseSchema.parse(await (await app.request('/healthz')).json())
    expect(body).toEqual({
      status: 'ok',
      index: index.manifest.id,
      records: 1,
      blocks: 63,
      answers: 'extractive',
      pid: process.pid,
      warnings: [],
    })
  })

  it('reports answers as generative where a chat model is configured', async () => {
    const model = new FakeListChatModel({ responses: [''] })
    const prompt = await loadAnswerPrompt(join(PROJECT_ROOT, 'prompts'))
    const generative = createApp(
      composePipeline(index, { generator: { name: 'fake', model, prompt } })
    )
    const body = HealthResponseSchema.parse(await (await generative.request('/healthz')).json())
    expect(body.answers).toBe('generative')
  })

  it('reports itself degraded, with the reason, when the index cannot be written', async () => {
    const warned = createApp(composePipeline(index), {
      warnings: ['the index folder /srv/index is read-only: serving the last good build'],
    })
    expect(await (await warned.request('/healthz')).json()).toMatchObject({
      status: 'degraded',
      warnings: ['the index folder /srv/index is read-only: serving the last good build'],
    })
  })

  it('reports itself degraded when no record is indexed', async () => {
    const empty = createApp(composePipeline({ ...index, records: [], blocks: [] }))
    const body = HealthResponseSchema.parse(await (await empty.request('/healthz')).json())
    expect(body).toMatchObject({ status: 'degraded', records: 0 })
    expect(body.warnings[0]).toMatch(/^no record is indexed/)
  })
})
