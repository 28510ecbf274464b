import type { BaseMessage } from '@langchain/core/messages'
import { AIMessageChunk } from '@langchain/core/messages'
import { ChatGenerationChunk } from '@langchain/core/outputs'
import { FakeListChatModel } from '@langchain/core/utils/testing'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { loadAnswerPrompt } from '../../src/generate/prompt.ts'
import { createApp } from '../../src/server/app.tsx'
import { serveApp } from '../fixtures/browser.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

/** A model that writes a token every 20 ms for ten seconds, counting the tokens taken from it. */
class Endless extends FakeListChatModel {
  taken = 0
  override async *_streamResponseChunks(
    _messages: BaseMessage[]
  ): AsyncGenerator<ChatGenerationChunk> {
    for (let i = 0; i < 500; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      this.taken++
      yield new ChatGenerationChunk({ text: 'word ', message: new AIMessageChunk('word ') })
    }
  }
}

describe('POST /api/chat when the client goes away', () => {
  it('aborts the model call instead of letting it run on', async () => {
    const { index } = await openRealIndex()
    const model = new Endless({ responses: [''] })
    const prompt = await loadAnswerPrompt(join(PROJECT_ROOT, 'prompts'))
    const app = createApp(composePipeline(index, { generator: { name: 'endless', model, prompt } }))
    const server = await serveApp(app)
    try {
      const client = new AbortController()
      const response = await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          question: 'How many migrant integration centres are there at the northern border?',
        }),
        signal: client.signal,
      })
      const reader = response.body?.getReader()
      let seen = ''
      while (!seen.includes('event: token')) {
        const { value } = (await reader?.read()) ?? {}
        seen += new TextDecoder().decode(value)
      }
      client.abort()
      const pause = () => new Promise((resolve) => setTimeout(resolve, 400))
      await pause()
      const afterAbort = model.taken
      await pause()
      // Nothing more is taken from the model once the client has gone (500 tokens would take 10 s).
      expect(model.taken).toBe(afterAbort)
      expect(model.taken).toBeLessThan(100)
    } finally {
      await server.close()
    }
  })
})
