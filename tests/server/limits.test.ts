import { serve } from '@hono/node-server'
import { connect } from 'node:net'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import { createApp } from '../../src/server/app.tsx'
import { answerClientErrors, nodeServerOptions } from '../../src/server/limits.ts'
import type { LogLine } from '../../src/server/middleware.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

// The app served over real sockets with a short budget, as `npm start` serves it.
const BUDGET_MS = 300
const lines: LogLine[] = []
const errors: unknown[] = []
let port = 0
let close: () => Promise<void>
beforeAll(async () => {
  const { index } = await openRealIndex()
  const app = createApp(composePipeline(index), {
    timeoutMs: BUDGET_MS,
    log: (l) => lines.push(l),
    logError: (e) => errors.push(e),
  })
  const server = serve({
    fetch: app.fetch,
    hostname: '127.0.0.1',
    port: 0,
    serverOptions: nodeServerOptions(BUDGET_MS),
  })
  answerClientErrors(server as Server)
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  port = (server.address() as AddressInfo).port
  close = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(() => close())

/** Writes `head` (and `body`) on a raw socket; resolves with what came back and when the socket closed. */
const raw = (head: string, body = '') =>
  new Promise<{ text: string; ms: number }>((resolve) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1', () => socket.write(head + body))
    let text = ''
    socket.on('data', (d) => (text += d.toString()))
    socket.on('close', () => resolve({ text, ms: Date.now() - started }))
    socket.setTimeout(10_000, () => socket.destroy())
  })

describe('limits on slow and oversized requests', () => {
  it('answers a body that stalls with 408, logged as the client’s fault, not as an error', async () => {
    const { text } = await raw(
      'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n',
      '{"question": "wh'
    )
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(text).toContain(`the request body did not arrive within ${BUDGET_MS} ms`)
    expect(lines.find((l) => l.status === 408)).toMatchObject({ level: 'warn' })
    expect(errors).toEqual([])
  })

  it('cuts headers that dribble in soon after the budget, not after Node’s minute', async () => {
    const { ms } = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    expect(ms).toBeLessThan(BUDGET_MS + 3_000)
  })

  it('answers a request Node cannot parse with a problem, not a bare status line', async () => {
    const { text } = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n')
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nContent-Type: application\/problem\+json/)
    expect(text).toMatch(
      /"detail":"the request could not be read as HTTP \(HPE_INVALID_HEADER_TOKEN\)"/
    )
  })

  it('refuses a GET with a large or unbounded body without reading it', async () => {
    const big = await raw(
      'GET /api/records HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n',
      'x'.repeat(1000)
    )
    expect(big.text).toMatch(/^HTTP\/1\.1 413 /)
    const chunked = await raw(
      'GET /api/records HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      '3e8\r\n' + 'x'.repeat(1000) + '\r\n'
    )
    expect(chunked.text).toMatch(/^HTTP\/1\.1 413 /)
  })

  it('still answers an ordinary GET', async () => {
    const { text } = await raw('GET /api/records HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(text).toMatch(/^HTTP\/1\.1 200 /)
  })
})
