import { composePipeline } from '../../src/compose.ts'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { ProblemSchema } from '../../src/server/problem.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  index = (await openRealIndex()).index
  app = createApp(composePipeline(index), { logError: (e) => console.error('unexpected', e) })
})

/** Generated inputs so far, reported at the end. */
let generated = 0

/** Fails on a 5xx, a hang, or a 4xx that is not problem+json; checks 2xx bodies against their schema. */
const expectWellBehaved = async (
  request: () => Promise<Response> | Response,
  success?: (body: unknown) => void
) => {
  generated++
  const response = await Promise.race([
    request(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('request hung for 5 s')), 5000)
    ),
  ])
  expect(response.status, await response.clone().text()).toBeLessThan(500)
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = ProblemSchema.parse(await response.json())
    expect(problem.status).toBe(response.status)
    expect(problem.detail.length).toBeGreaterThan(0)
  } else if (success) {
    success(
      response.headers.get('content-type')?.includes('json')
        ? await response.json()
        : await response.text()
    )
  }
}

const grounded = (body: unknown) => {
  for (const e of AskResponseSchema.parse(body).excerpts) {
    expect(index.byKey.get(`${e.record}#${e.block}`)?.text.slice(e.start, e.end)).toBe(e.text)
  }
}

// Strings people and attackers type: full Unicode, control characters, markup, very long runs.
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%2F',
    'DROP TABLE',
    '\ud800',
    '👩‍⚖️'.repeat(50)
  ),
  fc.string({ minLength: 900, maxLength: 3000 })
)
/** Percent-encodes any string; a lone surrogate, which encodeURIComponent refuses, goes as raw bytes. */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text)
  } catch {
    return Array.from(
      new TextEncoder().encode(text),
      (b) => `%${b.toString(16).padStart(2, '0')}`
    ).join('')
  }
}

const post = (path: string, body: BodyInit) =>
  app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })

describe('the HTTP API under generated input', () => {
  it('POST /api/ask: any body gets an answer or a problem', async () => {
    const bodies = fc.oneof(
      fc.json().map(String),
      nasty,
      fc
        .record(
          { question: fc.anything(), k: fc.anything(), speaker: fc.anything() },
          { requiredKeys: [] }
        )
        .map((o) => JSON.stringify(o) ?? 'null'),
      fc
        .record(
          {
            question: nasty,
            k: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
            speaker: fc.option(nasty, { nil: undefined }),
            extra: fc.anything(),
          },
          { requiredKeys: ['question'] }
        )
        .map((o) => JSON.stringify(o))
    )
    await fc.assert(
      fc.asyncProperty(bodies, (body) => expectWellBehaved(() => post('/api/ask', body), grounded)),
      { numRuns: 400 }
    )
  })

  it('POST /api/chat: any message and history gets a stream or a problem', async () => {
    const bodies = fc
      .record(
        {
          question: nasty,
          history: fc.oneof(
            fc.array(fc.record({ question: nasty }), { maxLength: 12 }),
            fc.anything()
          ),
        },
        { requiredKeys: ['question'] }
      )
      .map((o) => JSON.stringify(o))
    await fc.assert(
      fc.asyncProperty(bodies, (body) =>
        expectWellBehaved(
          () => post('/api/chat', body),
          (text) => {
            const events = String(text).split('\n\n').filter(Boolean)
            expect(events.at(-1)).toMatch(/^event: (done|error)\n/)
            const last = events.at(-1) ?? ''
            if (last.startsWith('event: done'))
              AskResponseSchema.parse(JSON.parse(last.slice(last.indexOf('data: ') + 6)))
          }
        )
      ),
      { numRuns: 200 }
    )
  })

  it('GET /api/search: any query string gets results or a problem', async () => {
    const params = fc.record(
      {
        q: nasty,
        k: fc.oneof(fc.integer().map(String), nasty),
        mode: fc.oneof(fc.constantFrom('hybrid', 'bm25', 'dense'), nasty),
      },
      { requiredKeys: [] }
    )
    await fc.assert(
      fc.asyncProperty(params, (p) => {
        const query = Object.entries(p)
          .map(([k, v]) => `${k}=${encode(v)}`)
          .join('&')
        return expectWellBehaved(() => app.request(`/api/search?${query}`))
      }),
      { numRuns: 200 }
    )
  })

  it('GET /api/records/:record/paragraphs/:n and the page: path tricks get a 404 or 400, never a file', async () => {
    const segment = fc.oneof(
      nasty.map(encode),
      fc.constantFrom(
        '..',
        '%2E%2E',
        '..%2F..%2Fpackage.json',
        '%2F',
        '-1',
        '0',
        '99999999999999999999',
        '1e3',
        '17.0',
        'cmw-c-sr-593',
        'CMW%2FC%2FSR.593',
        '%00',
        '%ff'
      ),
      fc.integer().map(String)
    )
    await fc.assert(
      fc.asyncProperty(segment, segment, async (record, n) => {
        await expectWellBehaved(() => app.request(`/api/records/${record}/paragraphs/${n}`))
        await expectWellBehaved(
          () => app.request(`/records/${record}/paragraphs/${n}`),
          (html) => expect(String(html)).not.toContain('"dependencies"')
        )
      }),
      { numRuns: 300 }
    )
  })

  it('GET the dialogue map, its page and a highlighted permalink: any filter or range gets an answer or a problem', async () => {
    const params = fc.record(
      {
        format: fc.oneof(fc.constantFrom('json', 'md', 'csv'), nasty),
        member: nasty,
        status: fc.oneof(fc.constantFrom('answered', 'partly', 'no_reply'), nasty),
        q: nasty,
      },
      { requiredKeys: [] }
    )
    const offset = fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), nasty)
    await fc.assert(
      fc.asyncProperty(params, offset, offset, async (p, start, end) => {
        const query = Object.entries(p)
          .map(([k, v]) => `${k}=${encode(v)}`)
          .join('&')
        await expectWellBehaved(() => app.request(`/api/records/cmw-c-sr-593/dialogue?${query}`))
        await expectWellBehaved(() => app.request(`/records/cmw-c-sr-593/dialogue?${query}`))
        await expectWellBehaved(() =>
          app.request(
            `/records/cmw-c-sr-593/paragraphs/19?start=${encode(start)}&end=${encode(end)}`
          )
        )
      }),
      { numRuns: 150 }
    )
  })

  it('rejects bodies that are not UTF-8 or not JSON with a 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) =>
        expectWellBehaved(() => post('/api/ask', bytes))
      ),
      { numRuns: 100 }
    )
  })

  it('keeps answering afterwards', async () => {
    expect((await app.request('/healthz')).status).toBe(200)
    const response = await post(
      '/api/ask',
      JSON.stringify({
        question: 'How many migrant integration centres are there at the northern border?',
      })
    )
    expect(AskResponseSchema.parse(await response.json()).citations).toContain(
      'CMW/C/SR.593, para. 19'
    )
    console.log(`property tests sent ${generated} generated requests`)
    expect(generated).toBeGreaterThanOrEqual(1900)
  })
})
