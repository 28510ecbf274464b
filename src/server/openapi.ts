// The OpenAPI 3.1 description of every route, generated from the zod schemas that validate them.
import { z } from 'zod'
import { zodToJsonSchema } from 'zod-to-json-schema'
import { AskRequestSchema, AskResponseSchema, ChatRequestSchema } from '../answer/schema.ts'
import { ProblemSchema } from './problem.ts'
import { DialogueMapSchema } from '../dialogue/schema.ts'
import {
  DialogueQuerySchema,
  HealthResponseSchema,
  ParagraphParamsSchema,
  ParagraphResponseSchema,
  RecordParamsSchema,
  RecordsResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
} from './schema.ts'

type Schema = z.ZodTypeAny

export type RouteDoc = {
  method: 'get' | 'post'
  /** Hono's form: `/api/records/:record/paragraphs/:n`. */
  path: string
  summary: string
  params?: z.AnyZodObject
  query?: z.AnyZodObject
  body?: Schema
  /** The success response: a JSON schema, or a media type for pages, scripts and streams. */
  response: Schema | { mediaType: string; description: string }
}

const ChatEventsDescription =
  'Server-Sent Events: `question` ({followsUp}: the earlier question this one follows up, or null), one `excerpt` per quoted passage or one `token` ({text}) per piece of a generative answer, then `done` (the /api/ask response), or `error` (a problem object).'

export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness, and the index being served',
    response: HealthResponseSchema,
  },
  {
    method: 'get',
    path: '/api/records',
    summary: 'Metadata of each record',
    response: RecordsResponseSchema,
  },
  {
    method: 'get',
    path: '/api/records/:record/paragraphs/:n',
    summary: 'One paragraph or block, with speaker, role and neighbours',
    params: ParagraphParamsSchema,
    response: ParagraphResponseSchema,
  },
  {
    method: 'get',
    path: '/api/records/:record/dialogue',
    summary:
      'The dialogue map: each question put to the State, with the replies that answer it or "no reply recorded" (format=md or csv for a report)',
    params: RecordParamsSchema,
    query: DialogueQuerySchema,
    response: DialogueMapSchema,
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Ranked blocks for a query, without an answer',
    query: SearchQuerySchema,
    response: SearchResponseSchema,
  },
  {
    method: 'post',
    path: '/api/ask',
    summary: 'An answer of verbatim, cited excerpts, or an abstention',
    body: AskRequestSchema,
    response: AskResponseSchema,
  },
  {
    method: 'post',
    path: '/api/chat',
    summary: 'The chat page’s streamed answer',
    body: ChatRequestSchema,
    response: { mediaType: 'text/event-stream', description: ChatEventsDescription },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This description',
    response: { mediaType: 'application/json', description: 'OpenAPI 3.1' },
  },
  {
    method: 'get',
    path: '/docs',
    summary: 'This description, readable',
    response: { mediaType: 'text/html', description: 'The API docs page' },
  },
  {
    method: 'get',
    path: '/',
    summary: 'The chat page',
    response: { mediaType: 'text/html', description: 'The chat page' },
  },
  {
    method: 'get',
    path: '/records/:record/paragraphs/:n',
    summary: 'A paragraph’s permalink page',
    params: ParagraphParamsSchema,
    response: { mediaType: 'text/html', description: 'The paragraph page' },
  },
  {
    method: 'get',
    path: '/records/:record/dialogue',
    summary: 'The dialogue page: each question beside its replies, with filters and exports',
    params: RecordParamsSchema,
    query: DialogueQuerySchema.omit({ format: true }),
    response: { mediaType: 'text/html', description: 'The dialogue page' },
  },
  {
    method: 'get',
    path: '/assets/app.js',
    summary: 'The pages’ script',
    response: { mediaType: 'text/javascript', description: 'Compiled client' },
  },
  {
    method: 'get',
    path: '/assets/app.css',
    summary: 'The pages’ stylesheet',
    response: { mediaType: 'text/css', description: 'Stylesheet' },
  },
]

/** A zod schema as JSON Schema (2020-12 compatible, as OpenAPI 3.1 takes it), inlined. */
export const jsonSchema = (schema: Schema): Record<string, unknown> => {
  const converted = zodToJsonSchema(schema, { $refStrategy: 'none' }) as Record<string, unknown>
  delete converted.$schema
  return converted
}

const isSchema = (r: RouteDoc['response']): r is Schema => r instanceof z.ZodType

const parameters = (schema: z.AnyZodObject | undefined, where: 'path' | 'query') =>
  Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as Schema).isOptional(),
    schema: jsonSchema(field as Schema),
  }))

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: jsonSchema(ProblemSchema) } },
})

const operation = (r: RouteDoc) => ({
  summary: r.summary,
  parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
  ...(r.body
    ? {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchema(r.body) } },
        },
      }
    : {}),
  responses: {
    200: isSchema(r.response)
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response) } } }
      : { description: r.response.description, content: { [r.response.mediaType]: {} } },
    ...(r.params || r.query || r.body
      ? { 400: problemResponse('The request is invalid; `detail` says why') }
      : {}),
    ...(r.params ? { 404: problemResponse('No such record or paragraph') } : {}),
    ...(r.body ? { 413: problemResponse('The body is too large') } : {}),
    ...(r.path.startsWith('/api/')
      ? {
          429: problemResponse('Rate limited (when configured)'),
          503: problemResponse('Over the time budget'),
        }
      : {}),
  },
})

/** OpenAPI's path form: `/api/records/{record}/paragraphs/{n}`. */
export const openApiPath = (honoPath: string): string => honoPath.replace(/:(\w+)/g, '{$1}')

export const openApiDocument = () => {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {}
  for (const r of ROUTES)
    paths[openApiPath(r.path)] = { ...paths[openApiPath(r.path)], [r.method]: operation(r) }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapporteur',
      version: '0.1.0',
      description:
        'Answers questions about UN treaty-body summary records with verbatim, paragraph-cited excerpts.',
    },
    paths,
  }
}
