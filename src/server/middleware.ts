// Rapporteur's own middleware: request body limits, per-client rate limiting, structured request logs.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { problem } from './problem.ts'
import type { RateWindows } from './rate-windows.ts'
import { WINDOW_MS, localWindows } from './rate-windows.ts'

/** What the app's handlers share per request. */
export type AppEnv = {
  Variables: {
    requestId: string
    question: string
    /** Set while the request body is being read: a timeout then is the client's, not ours. */
    readingBody: boolean
  }
}

/** The client's address as the socket reports it ("unknown" in-process, where there is no socket). */
export const clientKey = (c: Context<AppEnv>): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export type BodyLimitOptions = { maxBytes: number; onError: (c: Context<AppEnv>) => Response }

/**
 * Bodies over `maxBytes` get `onError`. A declared Content-Length is judged from the header alone;
 * hono's bodyLimit opens the body stream even then, which makes @hono/node-server build a full web
 * Request for every POST, so it only counts the bytes of bodies sent without a length.
 */
export const requestBodyLimit = ({
  maxBytes,
  onError,
}: BodyLimitOptions): MiddlewareHandler<AppEnv> => {
  const counted = bodyLimit({ maxSize: maxBytes, onError })
  return async (c, next) => {
    const declared = Number(c.req.header('Content-Length') ?? Number.NaN)
    // A GET or HEAD is answered without its body: one of unknown length is refused rather than
    // read, and the connection closed, so that nothing drains it.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const chunked = c.req.header('Transfer-Encoding') !== undefined
      if (!chunked && !(declared > maxBytes)) return next()
      c.header('Connection', 'close')
      return onError(c)
    }
    if (Number.isInteger(declared) && c.req.header('Transfer-Encoding') === undefined) {
      return declared > maxBytes ? onError(c) : next()
    }
    return counted(c, next)
  }
}

export type RateLimitOptions = {
  perMinute: number
  now?: () => number
  /** Where requests are counted: this process by default, a cluster's primary for its workers. */
  windows?: RateWindows
}

/** A fixed one-minute window per client. Over the limit, a 429 problem with Retry-After. */
export const rateLimit = ({
  perMinute,
  now = Date.now,
  windows = localWindows(),
}: RateLimitOptions): MiddlewareHandler<AppEnv> => {
  return async (c, next) => {
    const time = now()
    const window = await windows.hit(clientKey(c), time)
    if (window.count > perMinute) {
      const retry = Math.ceil((window.start + WINDOW_MS - time) / 1000)
      c.header('Retry-After', String(retry))
      return problem(
        c,
        429,
        'rate-limited',
        'Too many requests',
        `at most ${perMinute} requests a minute per client; retry in ${retry} s`
      )
    }
    await next()
  }
}

export type LogLine = Record<string, string | number | boolean | null>
export type RequestLogOptions = { write: (line: LogLine) => void; logQuestions?: boolean }

/**
 * One JSON line per request: id, method, path, status, duration, and the server process that
 * answered (one of several sharing the port). The question text only when
 * `logQuestions` is set, since what people ask can be sensitive.
 */
export const requestLog =
  ({ write, logQuestions = false }: RequestLogOptions): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const started = performance.now()
    await next()
    const line: LogLine = {
      time: new Date().toISOString(),
      // The client's own failures (too slow, too large, too many) are warnings; ours are errors.
      level:
        c.res.status >= 500 ? 'error' : [408, 413, 429].includes(c.res.status) ? 'warn' : 'info',
      msg: 'request',
      pid: process.pid,
      requestId: c.get('requestId') ?? null,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    }
    if (logQuestions && c.get('question') !== undefined) line.question = c.get('question')
    write(line)
  }
