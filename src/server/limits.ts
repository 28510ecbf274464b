// Node's own HTTP limits, set near the request budget rather than left at Node's defaults (headers cut only after about a minute).
import type { Server, ServerOptions } from 'node:http'
import type { Duplex } from 'node:stream'
import { problemBody } from './problem.ts'

/**
 * Headers that dribble in are cut a second after the budget, a whole request two seconds after
 * it, and connections are checked twice a second (Node checks every 30 s by default, so its
 * timeouts would otherwise fire late).
 */
export const nodeServerOptions = (budgetMs: number): ServerOptions => ({
  headersTimeout: budgetMs + 1_000,
  requestTimeout: budgetMs + 2_000,
  connectionsCheckingInterval: 500,
})

/** What Node's HTTP parser gives up on, as the status the client is told. */
const CLIENT_ERRORS: Record<string, { status: number; title: string; code: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Request Header Fields Too Large', code: 'headers' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'Request Timeout', code: 'timeout' },
}

/**
 * A request Node cannot parse (a body longer than its Content-Length, a broken header) never
 * reaches the app; Node would answer it with a bare status line. It gets a problem+json too.
 */
export const answerClientErrors = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const { status, title, code } = CLIENT_ERRORS[error.code ?? ''] ?? {
      status: 400,
      title: 'Bad Request',
      code: 'malformed-http',
    }
    const body = JSON.stringify(
      problemBody(
        status,
        code,
        title,
        `the request could not be read as HTTP (${error.code ?? error.message})`
      )
    )
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    )
  })
}
