// The HTTP app: the JSON API, the chat stream and the pages, every error mapped in one place.
import { Hono } from 'hono'
import type { Context } from 'hono'
import { cors } from 'hono/cors'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { timeout } from 'hono/timeout'
import { HTTPException } from 'hono/http-exception'
import { streamSSE } from 'hono/streaming'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { AskResponse, QuestionEvent } from '../answer/schema.ts'
import { AskRequestSchema, ChatRequestSchema } from '../answer/schema.ts'
import { InvalidRequestError, NotFoundError, RapporteurError } from '../errors.ts'
import type { Pipeline } from '../pipeline/pipeline.ts'
import { citationFor, slugFor } from '../records/block.ts'
import type { DialogueMap } from '../dialogue/schema.ts'
import { dialogueCsv, dialogueMarkdown, filterQuestions } from '../dialogue/view.ts'
import { ErrorPage } from '../web/paragraph-page.tsx'
import { createWebRoutes } from '../web/routes.tsx'
import type { AppEnv, LogLine } from './middleware.ts'
import { rateLimit, requestBodyLimit, requestLog } from './middleware.ts'
import type { RateWindows } from './rate-windows.ts'
import { openApiDocument } from './openapi.ts'
import type { Problem } from './problem.ts'
import { problem, problemBody, problemResponse } from './problem.ts'
import type {
  HealthResponseSchema,
  ParagraphResponseSchema,
  RecordsResponseSchema,
  SearchResponseSchema,
} from './schema.ts'
import { DialogueQuerySchema, RecordParamsSchema, SearchQuerySchema } from './schema.ts'
import { ValidationError, paragraphFromParams, validate } from './validate.ts'

export type AppOptions = {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number
  /** Longest a request may take before a 503. */
  timeoutMs?: number
  /** Browser origins allowed to call /api/*; none means CORS stays off. */
  corsOrigins?: string[]
  /** Requests a minute per client on /api/*; 0 means no limit. */
  rateLimit?: number
  /** Where the rate limit counts requests: this process by default, a cluster's primary for its workers. */
  rateWindows?: RateWindows
  /** Where one structured line per request goes; nowhere when not given. */
  log?: (line: LogLine) => void
  /** Whether request lines may carry the question text. */
  logQuestions?: boolean
  /** Where unexpected failures are reported. */
  logError?: (error: unknown) => void
  /** What is wrong with the index being served (a folder that cannot be written), for /healthz. */
  warnings?: string[]
}

// The pages load only their own script, stylesheet and API; nothing may frame them.
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
}

/** The problem an error stands for: its status, type and words. */
const problemFor = (error: unknown): Problem => {
  if (error instanceof ValidationError)
    return problemBody(400, error.code, 'Invalid request', error.message, error.issues)
  if (error instanceof NotFoundError)
    return problemBody(404, error.code, 'Not found', error.message)
  if (error instanceof InvalidRequestError)
    return problemBody(400, error.code, 'Invalid request', error.message)
  if (error instanceof RapporteurError)
    return problemBody(503, error.code, 'Service unavailable', error.message)
  if (error instanceof HTTPException) {
    return problemBody(
      error.status,
      'http-error',
      'Request failed',
      error.message || 'the request could not be handled'
    )
  }
  return problemBody(
    500,
    'internal',
    'Internal error',
    'the server failed to answer; the failure has been logged'
  )
}

export const createApp = (
  pipeline: Pipeline,
  {
    maxBodyBytes = 16 * 1024,
    timeoutMs = 5_000,
    corsOrigins = [],
    rateLimit: perMinute = 0,
    rateWindows,
    log,
    logQuestions = false,
    logError = console.error,
    warnings = [],
  }: AppOptions = {}
) => {
  const { index } = pipeline.corpus
  const app = new Hono<AppEnv>()

  app.use(requestId())
  if (log) app.use(requestLog({ write: log, logQuestions }))
  app.use(secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }))
  if (corsOrigins.length > 0) app.use('/api/*', cors({ origin: corsOrigins }))
  if (perMinute > 0)
    app.use('/api/*', rateLimit({ perMinute, ...(rateWindows ? { windows: rateWindows } : {}) }))
  app.use(
    '/api/*',
    timeout(timeoutMs, (c) =>
      // A body still arriving when time is up is the client's delay (408), not ours (503).
      c.get('readingBody')
        ? new HTTPException(408, {
            message: `the request body did not arrive within ${timeoutMs} ms`,
          })
        : new HTTPException(503, { message: `the request took longer than ${timeoutMs} ms` })
    )
  )
  app.use(
    '/api/*',
    requestBodyLimit({
      maxBytes: maxBodyBytes,
      onError: (c) =>
        problem(
          c,
          413,
          'body-too-large',
          'Request body too large',
          `the body must be at most ${maxBodyBytes} bytes`
        ),
    })
  )

  app.get('/healthz', (c) => {
    const all = [
      ...warnings,
      ...(index.records.length === 0
        ? ['no record is indexed: add record files to the records folder (see README)']
        : []),
    ]
    return c.json<z.infer<typeof HealthResponseSchema>>({
      status: all.length === 0 ? 'ok' : 'degraded',
      index: index.manifest.id,
      records: index.records.length,
      blocks: index.blocks.length,
      answers: pipeline.generative ? 'generative' : 'extractive',
      pid: process.pid,
      warnings: all,
    })
  })

  app.get('/api/records', (c) =>
    c.json<z.infer<typeof RecordsResponseSchema>>({ records: index.records })
  )

  app.get('/api/records/:record/paragraphs/:n', (c) => {
    const { record, block, previous, next } = paragraphFromParams(index, c.req.param())
    return c.json<z.infer<typeof ParagraphResponseSchema>>({
      record,
      block,
      citation: citationFor(block),
      previous: previous?.id ?? null,
      next: next?.id ?? null,
    })
  })

  // The dialogue map as JSON (the map's counts, the questions narrowed as asked), Markdown or CSV.
  app.get('/api/records/:record/dialogue', async (c) => {
    const { record } = validate(RecordParamsSchema, c.req.param(), 'record')
    const query = validate(DialogueQuerySchema, c.req.query(), 'dialogue query')
    const map = await pipeline.dialogue(record, query.scope)
    const questions = filterQuestions(map, query)
    if (query.format === 'csv')
      return c.body(dialogueCsv(questions), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${slugFor(map.record)}-dialogue.csv"`,
      })
    if (query.format === 'md')
      return c.body(dialogueMarkdown(map, questions), 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
      })
    return c.json<DialogueMap>({ ...map, questions })
  })

  app.get('/api/search', async (c) => {
    const query = validate(SearchQuerySchema, c.req.query(), 'search query')
    const ranked = await pipeline.search({ ...query, question: query.q, history: [] })
    return c.json<z.infer<typeof SearchResponseSchema>>({
      query: query.q,
      mode: query.mode,
      results: ranked.map(({ block, score }) => ({
        ...block,
        score,
        citation: citationFor(block),
      })),
    })
  })

  app.post('/api/ask', async (c) => {
    const request = validate(AskRequestSchema, await readJson(c), 'question')
    c.set('question', request.question)
    return c.json<AskResponse>(await pipeline.ask(request))
  })

  // Server-Sent Events: `question` (how it was read), then one `excerpt` per quoted passage
  // (extractive) or one `token` per piece of the model's text (generative), then `done` with the
  // whole answer; a failure after the stream has started is an `error` event.
  app.post('/api/chat', async (c) => {
    const request = validate(ChatRequestSchema, await readJson(c), 'chat message')
    c.set('question', request.question)
    // Read before the stream starts, so that a bad filter is a 400 and not an event.
    const question = pipeline.read(request)
    // Failures are caught here rather than through streamSSE's onError, which would follow our
    // event with one of its own carrying the raw error message.
    return streamSSE(c, async (stream) => {
      try {
        await stream.writeSSE({
          event: 'question',
          data: JSON.stringify({ followsUp: question.followsUp } satisfies QuestionEvent),
        })
        const generative = pipeline.generative && request.mode !== 'extractive'
        // A client that closes the stream stops the model too: nobody is left to read it.
        const gone = new AbortController()
        stream.onAbort(() => gone.abort())
        c.req.raw.signal.addEventListener('abort', () => gone.abort(), { once: true })
        const response = await pipeline.ask(
          request,
          async (text) => {
            await stream.writeSSE({ event: 'token', data: JSON.stringify({ text }) })
          },
          gone.signal
        )
        // A generative answer's excerpts come with its verdict, in `done`.
        if (!generative || response.mode === 'extractive') {
          for (const excerpt of response.excerpts)
            await stream.writeSSE({ event: 'excerpt', data: JSON.stringify(excerpt) })
        }
        await stream.writeSSE({ event: 'done', data: JSON.stringify(response) })
      } catch (error) {
        const body = problemFor(error)
        if (body.status >= 500) logError(error)
        await stream.writeSSE({ event: 'error', data: JSON.stringify(body) })
      }
    })
  })

  app.get('/openapi.json', (c) => c.json(openApiDocument()))

  app.route('/', createWebRoutes(pipeline))

  app.notFound((c) =>
    respond(
      c,
      problemBody(404, 'not-found', 'Not found', `no route for ${c.req.method} ${c.req.path}`)
    )
  )

  app.onError((error, c) => {
    const body = problemFor(error)
    if (body.status >= 500) logError(error)
    return respond(c, body)
  })

  return app
}

/** API paths get problem+json; a browser asking for a page gets the same problem as a page. */
const respond = (c: Context<AppEnv>, body: Problem): Response | Promise<Response> => {
  const status = body.status as ContentfulStatusCode
  const wantsPage =
    !c.req.path.startsWith('/api/') && (c.req.header('Accept') ?? '').includes('text/html')
  if (wantsPage)
    return c.html(
      <ErrorPage status={body.status} title={body.title} detail={body.detail} />,
      status
    )
  return problemResponse(c, body)
}

const readJson = async (c: Context<AppEnv>): Promise<unknown> => {
  c.set('readingBody', true)
  const bytes = await c.req.raw.arrayBuffer()
  c.set('readingBody', false)
  let text: string
  try {
    // Not the lenient decoding: a question with U+FFFD where its bytes were is not what was sent.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InvalidRequestError('the request body is not valid UTF-8')
  }
  if (!text.trim())
    throw new InvalidRequestError(
      'the request body is empty; send a JSON object such as {"question": "..."}'
    )
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new InvalidRequestError(`the request body is not valid JSON: ${(error as Error).message}`)
  }
}
