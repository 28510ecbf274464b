// The browser-facing routes: the chat page, paragraph permalinks and their assets.
import { Hono } from 'hono'
import type { SearchIndex } from '../index/search-index.ts'
import type { Role } from '../records/block.ts'
import { highlightFromQuery, paragraphFromParams, validate } from '../server/validate.ts'
import { DialogueQuerySchema, RecordParamsSchema } from '../server/schema.ts'
import { findRecord } from '../index/search-index.ts'
import type { Pipeline } from '../pipeline/pipeline.ts'
import { askersOf, filterQuestions } from '../dialogue/view.ts'
import { DialoguePage } from './dialogue-page.tsx'
import { clientScript, stylesheet } from './assets.ts'
import { openApiDocument } from '../server/openapi.ts'
import { ChatPage, speakerOptions } from './chat-page.tsx'
import { DocsPage } from './docs-page.tsx'
import { ParagraphPage } from './paragraph-page.tsx'

/** Distinct speakers in reading order of first appearance, with their roles. */
const speakersOf = (index: SearchIndex): { speaker: string; roles: Role[] }[] => {
  const seen = new Map<string, Role[]>()
  for (const b of index.blocks) if (b.speaker && !seen.has(b.speaker)) seen.set(b.speaker, b.roles)
  return [...seen].map(([speaker, roles]) => ({ speaker, roles }))
}

export const createWebRoutes = (pipeline: Pipeline) => {
  const { index } = pipeline.corpus
  const web = new Hono()
  const speakers = speakerOptions(speakersOf(index))

  web.get('/', (c) => c.html(<ChatPage records={index.records} speakers={speakers} />))

  web.get('/records/:record/paragraphs/:n', (c) => {
    const { record, block, previous, next } = paragraphFromParams(index, c.req.param())
    const highlight = highlightFromQuery(c.req.query(), block.text)
    return c.html(
      <ParagraphPage
        record={record}
        block={block}
        previous={previous}
        next={next}
        highlight={highlight}
      />
    )
  })

  web.get('/records/:record/dialogue', async (c) => {
    const { record: name } = validate(RecordParamsSchema, c.req.param(), 'record')
    // An empty select or field means "any": the form sends it as an empty string.
    const given = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''))
    const { format, ...filter } = validate(DialogueQuerySchema, given, 'dialogue filter')
    const record = findRecord(index, name)
    // The page's own URL asked for an export: the API serves it.
    if (format === 'md' || format === 'csv')
      return c.redirect(
        `/api/records/${record.slug}/dialogue?${new URLSearchParams({ ...given, format })}`,
        303
      )
    const map = await pipeline.dialogue(record.symbol, filter.scope)
    return c.html(
      <DialoguePage
        record={record}
        map={map}
        questions={filterQuestions(map, filter)}
        filter={filter}
        members={askersOf(map)}
      />
    )
  })

  web.get('/docs', (c) => c.html(<DocsPage document={openApiDocument()} />))

  web.get('/assets/app.js', async (c) =>
    c.body(await clientScript(), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    })
  )
  web.get('/assets/app.css', async (c) =>
    c.body(await stylesheet(), 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-cache',
    })
  )
  return web
}
