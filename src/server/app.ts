// The HTTP API: Hono routes over a loaded index, every error mapped to problem+json in one place.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { ask } from '../answer/answer.ts'
import { AskRequestSchema, type AskResponse } from '../answer/schema.ts'
import { InvalidRequestError, NotFoundError, RapporteurError } from '../errors.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { findBlock, findRecord, neighboursOf } from '../index/search-index.ts'
import { citationFor } from '../records/block.ts'
import { search } from '../retrieve/search.ts'
import { speakerFilter } from '../retrieve/speaker.ts'
import { problem } from './problem.ts'
import type { z } from 'zod'
import type {
  HealthResponseSchema,
  ParagraphResponseSchema,
  RecordsResponseSchema,
  SearchResponseSchema,
} from './schema.ts'
import { ParagraphParamsSchema, SearchQuerySchema } from './schema.ts'
import { ValidationError, validate } from './validate.ts'

export type AppOptions = {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number
}

export const createApp = (index: SearchIndex, { maxBodyBytes = 16 * 1024 }: AppOptions = {}) => {
  const app = new Hono()

  app.get('/healthz', (c) =>
    c.json<z.infer<typeof HealthResponseSchema>>({
      status: 'ok',
      index: index.manifest.id,
      records: index.records.length,
      blocks: index.blocks.length,
    })
  )

  app.get('/api/records', (c) =>
    c.json<z.infer<typeof RecordsResponseSchema>>({ records: index.records })
  )

  app.get('/api/records/:record/paragraphs/:n', (c) => {
    const params = validate(ParagraphParamsSchema, c.req.param(), 'paragraph reference')
    const record = findRecord(index, params.record)
    const block = findBlock(index, record, params.n)
    const { previous, next } = neighboursOf(index, block)
    return c.json<z.infer<typeof ParagraphResponseSchema>>({
      record,
      block,
      citation: citationFor(block),
      previous: previous?.id ?? null,
      next: next?.id ?? null,
    })
  })

  app.get('/api/search', async (c) => {
    const query = validate(SearchQuerySchema, c.req.query(), 'search query')
    if (query.speaker && !index.blocks.some(speakerFilter(query.speaker))) {
      throw new InvalidRequestError(
        `no speaker or role in the indexed records matches "${query.speaker}"`
      )
    }
    const ranked = await search(index, query.q, query)
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

  app.post(
    '/api/ask',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        problem(
          c,
          413,
          'body-too-large',
          'Request body too large',
          `the body must be at most ${maxBodyBytes} bytes`
        ),
    }),
    async (c) => {
      const body = await readJson(c.req.raw)
      const request = validate(AskRequestSchema, body, 'question')
      return c.json<AskResponse>(await ask(index, request))
    }
  )

  app.notFound((c) =>
    problem(c, 404, 'not-found', 'Not found', `no route for ${c.req.method} ${c.req.path}`)
  )

  app.onError((error, c) => {
    if (error instanceof ValidationError) {
      return problem(c, 400, error.code, 'Invalid request', error.message, error.issues)
    }
    if (error instanceof NotFoundError)
      return problem(c, 404, error.code, 'Not found', error.message)
    if (error instanceof InvalidRequestError)
      return problem(c, 400, error.code, 'Invalid request', error.message)
    if (error instanceof RapporteurError)
      return problem(c, 503, error.code, 'Service unavailable', error.message)
    if (error instanceof HTTPException) {
      return problem(
        c,
        error.status as 400,
        'http-error',
        'Request failed',
        error.message || 'the request could not be handled'
      )
    }
    console.error(error)
    return problem(
      c,
      500,
      'internal',
      'Internal error',
      'the server failed to answer; the failure has been logged'
    )
  })

  return app
}

const readJson = async (request: Request): Promise<unknown> => {
  const text = await request.text()
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
