import { composePipeline } from '../../src/compose.ts'
import { serve } from '@hono/node-server'
import { Embeddings } from '@langchain/core/embeddings'
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import type { LogLine } from '../../src/server/middleware.ts'
import { ProblemSchema } from '../../src/server/problem.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

const ask = (
  app: ReturnType<typeof createApp>,
  question = 'remittances',
  headers: Record<string, string> = {}
) =>
  app.request('/api/ask', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ question }),
  })

describe('secure defaults', () => {
  it('sends security headers and a content security policy that allows nothing external', async () => {
    const response = await createApp(composePipeline(index)).request('/')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )
  })

  it('gives every response a request id', async () => {
    const response = await createApp(composePipeline(index)).request('/healthz')
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps CORS off unless origins are configured', async () => {
    const origin = { Origin: 'https://newsroom.example' }
    expect(
      (await ask(createApp(composePipeline(index)), 'remittances', origin)).headers.get(
        'access-control-allow-origin'
      )
    ).toBeNull()
    const open = createApp(composePipeline(index), { corsOrigins: ['https://newsroom.example'] })
    expect(
      (await ask(open, 'remittances', origin)).headers.get('access-control-allow-origin')
    ).toBe('https://newsroom.example')
    expect(
      (await ask(open, 'remittances', { Origin: 'https://elsewhere.example' })).headers.get(
        'access-control-allow-origin'
      )
    ).toBeNull()
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client exceeds its requests a minute', async () => {
    const app = createApp(composePipeline(index), { rateLimit: 2 })
    expect((await ask(app)).status).toBe(200)
    expect((await ask(app)).status).toBe(200)
    const limited = await ask(app)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(ProblemSchema.parse(await limited.json()).detail).toMatch(
      /at most 2 requests a minute per client/
    )
    expect((await app.request('/healthz')).status).toBe(200)
  })
})

describe('request logs', () => {
  it('writes one structured line per request, without the question unless enabled', async () => {
    const lines: LogLine[] = []
    await ask(
      createApp(composePipeline(index), { log: (l) => lines.push(l) }),
      'What about remittances?'
    )
    expect(lines).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        msg: 'request',
        pid: process.pid,
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        method: 'POST',
        path: '/api/ask',
        status: 200,
        ms: expect.any(Number),
      },
    ])
    const withQuestions: LogLine[] = []
    await ask(
      createApp(composePipeline(index), { log: (l) => withQuestions.push(l), logQuestions: true }),
      'What about remittances?'
    )
    expect(withQuestions[0]?.question).toBe('What about remittances?')
  })
})

describe('time budget', () => {
  it('answers 503 when a request outlasts its budget', async () => {
    class SlowEmbeddings extends Embeddings {
      override embedQuery = async (text: string) => {
        await new Promise((resolve) => setTimeout(resolve, 300))
        return index.embeddings.embedQuery(text)
      }
      override embedDocuments = (texts: string[]) => index.embeddings.embedDocuments(texts)
    }
    const app = createApp(composePipeline({ ...index, embeddings: new SlowEmbeddings({}) }), {
      timeoutMs: 100,
    })
    const response = await ask(app)
    expect(response.status).toBe(503)
    expect(ProblemSchema.parse(await response.json()).detail).toBe(
      'the request took longer than 100 ms'
    )
  })
})

describe('body size limit over a socket', () => {
  // Sends a body over HTTP/1.1 as `chunks`, with a Content-Length or, without one, chunked.
  const post = (url: string, chunks: string[], declareLength: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = chunks.join('')
      const request = httpRequest(`${url}/api/ask`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(declareLength ? { 'Content-Length': Buffer.byteLength(body) } : {}),
        },
      })
      request.on('response', (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      })
      request.on('error', reject)
      for (const chunk of chunks) request.write(chunk)
      request.end()
    })

  const withServer = async (run: (url: string) => Promise<void>) => {
    const server = serve({
      fetch: createApp(composePipeline(index), { maxBodyBytes: 1024 }).fetch,
      hostname: '127.0.0.1',
      port: 0,
    })
    await once(server, 'listening')
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    } finally {
      server.close()
    }
  }

  const big = JSON.stringify({ question: 'remittances '.repeat(200) })

  it('answers 413 for a body whose declared length is over the limit', () =>
    withServer(async (url) => {
      const { status, body } = await post(url, [big], true)
      expect(status).toBe(413)
      expect(JSON.parse(body).detail).toMatch(/at most 1024 bytes/)
    }))

  it('counts the bytes of a chunked body and answers 413 once they pass the limit', () =>
    withServer(async (url) => {
      const { status } = await post(url, big.match(/.{1,300}/g) ?? [], false)
      expect(status).toBe(413)
    }))

  it('answers questions sent with or without a declared length', () =>
    withServer(async (url) => {
      const question = JSON.stringify({ question: 'What about remittances?' })
      for (const declared of [true, false]) {
        const { status, body } = await post(
          url,
          [question.slice(0, 10), question.slice(10)],
          declared
        )
        expect(status).toBe(200)
        expect(JSON.parse(body).citations.length).toBeGreaterThan(0)
      }
    }))
})
