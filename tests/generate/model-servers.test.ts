import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import { composePipeline, openGenerator } from '../../src/compose.ts'
import { loadConfig } from '../../src/config.ts'
import { generateAnswer } from '../../src/generate/generate.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { prepareGeneration } from '../fixtures/generation.ts'
import { startOllamaServer } from '../fixtures/ollama-server.ts'
import { startOpenAiServer } from '../fixtures/openai-server.ts'
import { openRealIndex } from '../fixtures/real-index.ts'
import { sseEvents } from '../fixtures/sse.ts'

let index: SearchIndex
// Model servers started by a test, closed after it.
const started: { close: () => Promise<void> }[] = []
const serve = <S extends { close: () => Promise<void> }>(server: S): S => {
  started.push(server)
  return server
}
beforeAll(async () => {
  index = (await openRealIndex()).index
})
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

const REPLY =
  'According to the summary record, the representative of Mexico said that migrants in transit could receive support at “one of the three migrant integration centres at the northern border” [para 19].'
const QUESTION = 'How many migrant integration centres are there at the northern border?'

const settingsFor = (env: Record<string, string>) => loadConfig({ ...env }).llm

describe('generative answers over the OpenAI wire protocol (real @langchain/openai client)', () => {
  it('treats a stream that ends cleanly in mid-answer, with no finish reason, as broken', async () => {
    const server = serve(await startOpenAiServer({ reply: REPLY, truncate: true }))
    const generator = await openGenerator(
      settingsFor({
        RAPPORTEUR_LLM: 'openai:test-model',
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: 'test-key',
      })
    )
    const response = AskResponseSchema.parse(
      await (
        await createApp(composePipeline(index, { generator })).request('/api/ask', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ question: QUESTION }),
        })
      ).json()
    )
    expect(response).toMatchObject({
      mode: 'extractive',
      fallback: 'the model’s stream ended before its answer was finished',
    })
    expect(REPLY).toContain(response.generated)
  })

  it('streams the model’s tokens through /api/chat and ends with the verified answer', async () => {
    const server = serve(await startOpenAiServer({ reply: REPLY }))
    const logs: string[] = []
    const generator = await openGenerator(
      settingsFor({
        RAPPORTEUR_LLM: 'openai:test-model',
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: 'test-key',
      }),
      (m) => logs.push(m)
    )
    expect(generator?.name).toBe('openai:test-model')
    const app = createApp(composePipeline(index, { generator }))
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: QUESTION }),
    })
    const events = await sseEvents(response)
    const names = events.map((e) => e.event)
    expect(names[0]).toBe('question')
    expect(names.filter((n) => n === 'token').length).toBeGreaterThan(5)
    expect(names.at(-1)).toBe('done')
    const tokens = events
      .filter((e) => e.event === 'token')
      .map((e) => (e.data as { text: string }).text)
    expect(tokens.join('')).toBe(REPLY)
    const done = AskResponseSchema.parse(events.at(-1)?.data)
    expect(done).toMatchObject({
      mode: 'generative',
      abstained: false,
      citations: ['CMW/C/SR.593, para. 19'],
    })
    expect(done.verification?.overall).toBe('verified')

    const completion = server.requests.find((r) => r.path === '/v1/chat/completions')
    expect(completion?.authorization).toBe('Bearer test-key')
    const sent = completion?.body as {
      stream: boolean
      messages: { role: string; content: string }[]
    }
    expect(sent.stream).toBe(true)
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user'])
    expect(sent.messages[1]?.content).toContain(
      '[para 19] CMW/C/SR.593, para. 19. A representative of Mexico'
    )
  })

  it('answers /api/ask whole, and gives the extractive answer when asked for it', async () => {
    const server = serve(await startOpenAiServer({ reply: REPLY }))
    const generator = await openGenerator(
      settingsFor({
        RAPPORTEUR_LLM: 'openai:test-model',
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: 'test-key',
      })
    )
    const app = createApp(composePipeline(index, { generator }))
    const ask = async (body: object) =>
      (
        await app.request('/api/ask', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()
    expect(await ask({ question: QUESTION })).toMatchObject({
      mode: 'generative',
      generated: REPLY,
    })
    expect(await ask({ question: QUESTION, mode: 'extractive' })).toMatchObject({
      mode: 'extractive',
    })
  })

  it('reports a wrong key, an unreachable server or a bad setting at start, and stays extractive', async () => {
    const server = serve(await startOpenAiServer({ reply: REPLY }))
    const logs: string[] = []
    const log = (m: string) => logs.push(m)
    expect(
      await openGenerator(
        settingsFor({
          RAPPORTEUR_LLM: 'openai:test-model',
          OPENAI_BASE_URL: server.baseUrl,
          OPENAI_API_KEY: 'wrong',
        }),
        log
      )
    ).toBeNull()
    expect(
      await openGenerator(
        settingsFor({
          RAPPORTEUR_LLM: 'openai:test-model',
          OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
          OPENAI_API_KEY: 'k',
        }),
        log
      )
    ).toBeNull()
    expect(
      await openGenerator(settingsFor({ RAPPORTEUR_LLM: 'openai:test-model' }), log)
    ).toBeNull()
    expect(await openGenerator(settingsFor({ RAPPORTEUR_LLM: 'claude:opus' }), log)).toBeNull()
    expect(
      await openGenerator(
        settingsFor({ RAPPORTEUR_LLM: 'ollama:llama3.2', OLLAMA_BASE_URL: 'http://127.0.0.1:9' }),
        log
      )
    ).toBeNull()
    expect(logs).toEqual([
      expect.stringMatching(/answered 401 to the API key/),
      expect.stringMatching(/cannot reach its server/),
      expect.stringMatching(/OPENAI_API_KEY is not set/),
      expect.stringMatching(/unknown provider "claude"/),
      expect.stringMatching(/ollama:llama3.2: cannot reach its server/),
    ])
    expect(logs.every((m) => m.endsWith('answers stay extractive'))).toBe(true)
    const app = createApp(composePipeline(index))
    const response = await (
      await app.request('/api/ask', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: QUESTION, mode: 'generative' }),
      })
    ).json()
    expect(response).toMatchObject({
      mode: 'extractive',
      fallback: 'no chat model is configured (RAPPORTEUR_LLM)',
    })
  })
})

const OLLAMA_REPLY =
  'According to the summary record, the representative of Mexico said that the centres had “a total capacity of 1,900 persons” [para 19].'
const CAPACITY =
  'What is the total capacity of the migrant integration centres at the northern border?'

describe('generative answers through Ollama (real @langchain/ollama client)', () => {
  it('streams the answer from an Ollama server and verifies it', async () => {
    const server = serve(await startOllamaServer({ reply: OLLAMA_REPLY }))
    const settings = loadConfig({
      RAPPORTEUR_LLM: 'ollama:llama3.2',
      OLLAMA_BASE_URL: server.baseUrl,
    }).llm
    const generator = await openGenerator(settings)
    expect(generator?.name).toBe('ollama:llama3.2')
    const tokens: string[] = []
    const pipeline = composePipeline(index)
    const { retrieval, extractive } = await prepareGeneration(pipeline, CAPACITY)
    const response = await generateAnswer(generator!, pipeline.corpus, retrieval, extractive, {
      onToken: (t) => void tokens.push(t),
    })
    expect(tokens.length).toBeGreaterThan(5)
    expect(tokens.join('')).toBe(OLLAMA_REPLY)
    expect(response).toMatchObject({ mode: 'generative', citations: ['CMW/C/SR.593, para. 19'] })
    expect(response.verification?.overall).toBe('verified')
    expect(response.excerpts[0]?.text).toBe('a total capacity of 1,900 persons')
    const sent = server.chats[0] as { model: string; messages: { role: string }[] }
    expect(sent.model).toBe('llama3.2')
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user'])
  })

  it('reports a model the Ollama server has not pulled, and stays extractive', async () => {
    const server = serve(
      await startOllamaServer({ models: ['mistral:latest'], reply: OLLAMA_REPLY })
    )
    const logs: string[] = []
    const settings = loadConfig({
      RAPPORTEUR_LLM: 'ollama:llama3.2',
      OLLAMA_BASE_URL: server.baseUrl,
    }).llm
    expect(await openGenerator(settings, (m) => logs.push(m))).toBeNull()
    expect(logs[0]).toMatch(/has no model "llama3.2" \(ollama pull it\)/)
  })
})
