import { composePipeline } from '../../src/compose.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { openApiPath } from '../../src/server/openapi.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
beforeAll(async () => {
  index = (await openRealIndex()).index
})

type Document = {
  openapi: string
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: {
          content: Record<
            string,
            { schema: { required?: string[]; properties?: Record<string, unknown> } }
          >
        }
      }
    >
  >
}

describe('GET /openapi.json', () => {
  it('describes every route the app serves', async () => {
    const app = createApp(composePipeline(index))
    const document = (await (await app.request('/openapi.json')).json()) as Document
    expect(document.openapi).toBe('3.1.0')
    const served = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`)
    const described = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`)
    )
    expect(served.length).toBeGreaterThan(10)
    expect([...new Set(served)].sort()).toEqual(described.sort())
  })

  it('takes its request shapes from the zod schemas that validate requests', async () => {
    const document = (await (
      await createApp(composePipeline(index)).request('/openapi.json')
    ).json()) as Document
    const ask = document.paths['/api/ask']?.post?.requestBody?.content['application/json']?.schema
    expect(ask?.required).toEqual(['question'])
    expect(ask?.properties?.question).toEqual({ type: 'string', minLength: 1, maxLength: 1000 })
    expect(ask?.properties?.k).toEqual({ type: 'integer', minimum: 1, maximum: 50, default: 5 })
  })

  it('has a readable docs page that loads nothing from elsewhere', async () => {
    const html = await (await createApp(composePipeline(index)).request('/docs')).text()
    expect(html).toContain('POST /api/ask')
    expect(html).toContain('GET /api/records/{record}/paragraphs/{n}')
    expect(html).not.toMatch(/https?:\/\/(?!json-schema)/)
  })
})
