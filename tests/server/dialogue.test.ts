import { beforeAll, describe, expect, it } from 'vitest'
import { composePipeline } from '../../src/compose.ts'
import { DialogueMapSchema } from '../../src/dialogue/schema.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { createApp } from '../../src/server/app.tsx'
import { ProblemSchema } from '../../src/server/problem.ts'
import { openDialogueIndex } from '../fixtures/dialogue-index.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let index: SearchIndex
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  index = (await openRealIndex()).index
  app = createApp(composePipeline(index))
})

describe('GET /api/records/:record/dialogue', () => {
  it('returns every question with its status and replies, verbatim at their offsets', async () => {
    const response = await app.request('/api/records/CMW%2FC%2FSR.593/dialogue')
    expect(response.status).toBe(200)
    const map = DialogueMapSchema.parse(await response.json())
    expect(map).toMatchObject({ record: 'CMW/C/SR.593', records: ['CMW/C/SR.593'] })
    expect(map.questions.length).toBe(map.counts.questions)
    expect(map.counts.answered + map.counts.partly + map.counts.no_reply).toBe(map.counts.questions)
    for (const q of map.questions) {
      expect(
        index.byKey.get(`${q.record}#${q.block}`)?.text.slice(q.excerpt.start, q.excerpt.end)
      ).toBe(q.excerpt.text)
      expect(q.status === 'no_reply').toBe(q.replies.length === 0)
      for (const r of q.replies) {
        const reply = index.byKey.get(`${r.record}#${r.block}`)
        expect(reply?.text.slice(r.excerpt.start, r.excerpt.end)).toBe(r.excerpt.text)
        expect(reply?.roles).toContain('state_delegation')
        expect(reply && reply.order).toBeGreaterThan(
          index.byKey.get(`${q.record}#${q.block}`)?.order ?? 0
        )
      }
    }
  })

  it('narrows by member and status, keeping the whole map’s counts', async () => {
    const map = DialogueMapSchema.parse(
      await (
        await app.request('/api/records/cmw-c-sr-593/dialogue?member=Charef&status=no_reply')
      ).json()
    )
    expect(map.questions.length).toBeGreaterThan(0)
    expect(map.questions.every((q) => q.speaker === 'Mr. Charef' && q.status === 'no_reply')).toBe(
      true
    )
    expect(map.counts.questions).toBeGreaterThan(map.questions.length)
  })

  it('refuses a member who asked nothing with a 400 problem naming those who did', async () => {
    const response = await app.request('/api/records/cmw-c-sr-593/dialogue?member=Nobody')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await response.json()) as { detail: string }
    expect(problem.detail).toMatch(/matches "Nobody"; those who did: .*Mr\. Charef/)
  })

  it('exports CSV as an attachment and Markdown as text', async () => {
    const csv = await app.request('/api/records/cmw-c-sr-593/dialogue?format=csv')
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="cmw-c-sr-593-dialogue.csv"'
    )
    const md = await app.request('/api/records/cmw-c-sr-593/dialogue?format=md')
    expect(await md.text()).toMatch(/^# Dialogue map: CMW\/C\/SR\.593\n/)
  })

  it.each([
    ['/api/records/cmw-c-sr-593/dialogue?status=maybe', 400, /status/],
    ['/api/records/cmw-c-sr-593/dialogue?format=xml', 400, /format/],
    ['/api/records/cmw-c-sr-593/dialogue?scope=all', 400, /scope/],
    ['/api/records/CMW%2FC%2FSR.999/dialogue', 404, /no record named "CMW\/C\/SR.999"/],
  ])('answers %s with %i and the reason', async (path, status, reason) => {
    const response = await app.request(path)
    expect(response.status).toBe(status)
    expect(ProblemSchema.parse(await response.json()).detail).toMatch(reason)
  })
})

describe('GET /records/:record/dialogue', () => {
  it('shows each question beside its replies or "no reply recorded", each linked to its passage', async () => {
    const html = await (await app.request('/records/cmw-c-sr-593/dialogue')).text()
    expect(html).toContain('<h1>Dialogue map: <bdi>CMW/C/SR.593</bdi></h1>')
    expect(html).toContain('no reply recorded')
    expect(html).toMatch(
      /Closest delegation paragraphs: <a href="\/records\/cmw-c-sr-593\/paragraphs\/\d+"><bdi>CMW\/C\/SR\.593, para\. \d+<\/bdi><\/a>/
    )
    expect(html).toMatch(/href="\/records\/cmw-c-sr-593\/paragraphs\/\d+\?start=\d+&amp;end=\d+"/)
  })

  it('sends an export asked of the page to the API, filters kept', async () => {
    const response = await app.request('/records/cmw-c-sr-593/dialogue?format=csv&member=Charef')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(
      '/api/records/cmw-c-sr-593/dialogue?format=csv&member=Charef'
    )
  })

  it('applies the filters the form sends, empty ones meaning any', async () => {
    const html = await (
      await app.request('/records/cmw-c-sr-593/dialogue?member=Mr.+Charef&status=&q=')
    ).text()
    const shown = /(\d+) of (\d+) shown/.exec(html)
    expect(Number(shown?.[1])).toBeLessThan(Number(shown?.[2]))
    expect(html).not.toContain('Ms. Dzumhur</bdi>')
  })

  it('is linked from the chat page', async () => {
    const html = await (await app.request('/')).text()
    expect(html).toContain('href="/records/cmw-c-sr-593/dialogue"')
  })
})

describe('a dialogue over two meetings', () => {
  let twoMeetings: ReturnType<typeof createApp>
  beforeAll(async () => {
    twoMeetings = createApp(composePipeline(await openDialogueIndex()))
  })

  it('gives one meeting’s questions by default and the whole dialogue’s with scope=dialogue', async () => {
    const get = async (query: string) =>
      DialogueMapSchema.parse(
        await (await twoMeetings.request(`/api/records/crc-c-sr-9002/dialogue${query}`)).json()
      )
    const own = await get('')
    expect(own.scope).toBe('record')
    expect(new Set(own.questions.map((q) => q.record))).toEqual(new Set(['CRC/C/SR.9002']))
    const whole = await get('?scope=dialogue')
    expect(whole.scope).toBe('dialogue')
    expect([...new Set(whole.questions.map((q) => q.record))]).toEqual([
      'CRC/C/SR.9001',
      'CRC/C/SR.9002',
    ])
    const md = await twoMeetings.request(
      '/api/records/crc-c-sr-9002/dialogue?scope=dialogue&format=md'
    )
    expect(await md.text()).toMatch(
      /^# Dialogue map: the dialogue of CRC\/C\/SR\.9001 and CRC\/C\/SR\.9002\n/
    )
  })

  it('lets the page choose between the meeting and the whole dialogue, where there are two', async () => {
    const page = await (await twoMeetings.request('/records/crc-c-sr-9001/dialogue')).text()
    expect(page).toContain('<select name="scope">')
    const whole = await (
      await twoMeetings.request('/records/crc-c-sr-9001/dialogue?scope=dialogue')
    ).text()
    expect(whole).toContain(
      '<h1>Dialogue map: <bdi>the dialogue of CRC/C/SR.9001 and CRC/C/SR.9002</bdi></h1>'
    )
    expect(whole).toContain('<option value="dialogue" selected="">')
    const single = await (await app.request('/records/cmw-c-sr-593/dialogue')).text()
    expect(single).not.toContain('name="scope"')
  })
})
