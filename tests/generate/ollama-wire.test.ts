import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { retrieveFor } from '../../src/answer/answer.ts'
import { openGenerator } from '../../src/compose.ts'
import { loadConfig } from '../../src/config.ts'
import { generateAnswer } from '../../src/generate/generate.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { startOllamaServer, type OllamaServer } from '../fixtures/ollama-server.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let server: OllamaServer | undefined
beforeAll(async () => {
  index = (await openRealIndex()).index
})
afterEach(async () => {
  await server?.close()
  server = undefined
})

const REPLY =
  'According to the summary record, the representative of Mexico said that the centres had “a total capacity of 1,900 persons” [para 19].'
const QUESTION =
  'What is the total capacity of the migrant integration centres at the northern border?'

describe('generative answers through Ollama (real @langchain/ollama client)', () => {
  it('streams the answer from an Ollama server and verifies it', async () => {
    server = await startOllamaServer({ reply: REPLY })
    const settings = loadConfig({
      RAPPORTEUR_LLM: 'ollama:llama3.2',
      OLLAMA_BASE_URL: server.baseUrl,
    }).llm
    const generator = await openGenerator(settings)
    expect(generator?.name).toBe('ollama:llama3.2')
    const tokens: string[] = []
    const response = await generateAnswer(
      generator!,
      index,
      await retrieveFor(index, { question: QUESTION, k: 5 }),
      { onToken: (t) => void tokens.push(t) }
    )
    expect(tokens.length).toBeGreaterThan(5)
    expect(tokens.join('')).toBe(REPLY)
    expect(response).toMatchObject({ mode: 'generative', citations: ['CMW/C/SR.593, para. 19'] })
    expect(response.verification?.overall).toBe('verified')
    expect(response.excerpts[0]?.text).toBe('a total capacity of 1,900 persons')
    const sent = server.chats[0] as { model: string; messages: { role: string }[] }
    expect(sent.model).toBe('llama3.2')
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user'])
  })

  it('reports a model the Ollama server has not pulled, and stays extractive', async () => {
    server = await startOllamaServer({ models: ['mistral:latest'], reply: REPLY })
    const logs: string[] = []
    const settings = loadConfig({
      RAPPORTEUR_LLM: 'ollama:llama3.2',
      OLLAMA_BASE_URL: server.baseUrl,
    }).llm
    expect(await openGenerator(settings, (m) => logs.push(m))).toBeNull()
    expect(logs[0]).toMatch(/has no model "llama3.2" \(ollama pull it\)/)
  })
})
