import { beforeAll, describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  index = (await openRealIndex()).index
  app = createApp(composePipeline(index))
})

describe('GET /records/:record/paragraphs/:n', () => {
  it('marks the passage a permalink from an answer names by ?start=&end=', async () => {
    const block = index.blocks.find((b) => b.paragraph === 19)
    if (!block) throw new Error('no paragraph 19')
    const response = await app.request('/records/cmw-c-sr-593/paragraphs/19?start=0&end=20')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`<mark>${block.text.slice(0, 20)}</mark>`)
  })

  it('shows the paragraph unmarked without a range', async () => {
    const html = await (await app.request('/records/cmw-c-sr-593/paragraphs/19')).text()
    expect(html).not.toContain('<mark>')
  })

  it.each([
    ['?start=5', /give both start and end/],
    ['?start=9&end=3', /start must come before end/],
    ['?start=0&end=999999', /past the paragraph/],
    ['?start=x&end=3', /start/],
  ])('refuses a bad range %s with the reason', async (query, reason) => {
    const response = await app.request(`/records/cmw-c-sr-593/paragraphs/19${query}`)
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(reason)
  })
})

describe('GET /assets/app.css', () => {
  it('isolates record text, so that a bidirectional control in it reorders nothing around it', async () => {
    const css = (await (await app.request('/assets/app.css')).text()).replace(
      /\/\*[\s\S]*?\*\//g,
      ''
    )
    const rule = /([^{}]+)\{\s*unicode-bidi: isolate;\s*\}/.exec(css)
    const selectors = rule?.[1]?.split(',').map((s) => s.trim())
    expect(selectors).toEqual(
      expect.arrayContaining(['blockquote', '.speaker', '.chip', '.paragraph-text'])
    )
  })
})
