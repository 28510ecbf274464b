import { composePipeline } from '../../src/compose.ts'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import { ensureIndex } from '../../src/index/load.ts'
import { createApp } from '../../src/server/app.tsx'
import {
  ParagraphResponseSchema,
  RecordsResponseSchema,
  SearchResponseSchema,
} from '../../src/server/schema.ts'
import { openLibraryIndex } from '../fixtures/library-index.ts'

let library: Awaited<ReturnType<typeof openLibraryIndex>>
let index: SearchIndex
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  library = await openLibraryIndex()
  index = library.index
  app = createApp(composePipeline(index))
})

const ask = async (body: object) => {
  const response = await app.request('/api/ask', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  })
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('a library of records in several formats', () => {
  it('answers what States recommended from the report’s recommendations, and what the delegation said of them from its paragraphs', async () => {
    const recommended = (await ask({
      question: 'What was recommended on hate speech?',
      record: 'A/HRC/59/15',
    })) as { status: number; body: { excerpts: { label: string | null }[] } }
    expect(recommended.status).toBe(200)
    expect(recommended.body.excerpts.length).toBeGreaterThan(0)
    expect(recommended.body.excerpts.every((e) => /^140\.\d+$/.test(e.label ?? ''))).toBe(true)
    const said = (await ask({
      question: 'What did the delegation say about the recommendations on hate speech?',
      record: 'A/HRC/59/15',
    })) as { status: number; body: { excerpts: { label: string | null }[] } }
    expect(said.body.excerpts.length).toBeGreaterThan(0)
    expect(said.body.excerpts.some((e) => /^140\./.test(e.label ?? ''))).toBe(false)
  })

  it('answers what a member or the Committee recommended from their own paragraphs, though the library holds recommendations', async () => {
    for (const question of [
      'What did Ms. Dzumhur recommend on trafficking?',
      'What did the Committee recommend on trafficking?',
    ]) {
      const { status, body } = (await ask({ question })) as {
        status: number
        body: { abstained: boolean; excerpts: { record: string }[] }
      }
      expect(status).toBe(200)
      expect(body.abstained).toBe(false)
      expect(body.excerpts.every((e) => e.record === 'CMW/C/SR.593')).toBe(true)
    }
  })

  it('lists every record with its masthead, how its numbers were found, and its roster', async () => {
    const { records } = RecordsResponseSchema.parse(
      await (await app.request('/api/records')).json()
    )
    expect(records.map((r) => [r.symbol, r.format, r.numbering])).toEqual([
      ['A/HRC/59/15', 'pdf', 'printed'],
      ['CAT/C/SR.1400', 'docx', 'printed'],
      ['CCPR/C/SR.1209', 'text', 'printed'],
      ['CMW/C/SR.593', 'text', 'recounted'],
    ])
    const ccpr = records.find((r) => r.symbol === 'CCPR/C/SR.1209')
    expect(ccpr).toMatchObject({
      body: 'HUMAN RIGHTS COMMITTEE',
      date: '1993-03-29',
      state: 'Sudan',
    })
    expect(ccpr?.roster.find((r) => r.roles.includes('state_delegation'))).toMatchObject({
      state: 'Sudan',
    })
    expect(library.index.manifest.records.map((r) => [r.file, r.numbering])).toEqual([
      ['a-hrc-59-15.pdf', 'printed'],
      ['cat-c-sr-1400.docx', 'printed'],
      ['ccpr-c-sr-1209.txt', 'printed'],
      ['cmw-c-sr-593.txt', 'recounted'],
    ])
  })

  it('restricts a question to one record, and every citation names it', async () => {
    const { status, body } = await ask({
      question:
        'Which recommendations concern the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights?',
      record: 'a-hrc-59-15',
    })
    expect(status).toBe(200)
    const answer = AskResponseSchema.parse(body)
    expect(answer.retrieved.length).toBeGreaterThan(0)
    expect(answer.retrieved.every((r) => r.record === 'A/HRC/59/15')).toBe(true)
    expect(answer.citations.every((c) => c.startsWith('A/HRC/59/15, para. '))).toBe(true)
  })

  it('reads a State named by its initials ("the UK") as that State, and quotes only its words, not a list neighbour’s', async () => {
    const speakers = async (question: string) => {
      const { body } = await ask({ question, record: 'a-hrc-59-15' })
      const answer = AskResponseSchema.parse(body)
      return { speakers: new Set(answer.excerpts.map((e) => e.speaker)), answer }
    }
    const initials = await speakers('What did the UK say about defamation?')
    const full = await speakers(
      'What did the United Kingdom of Great Britain and Northern Ireland say about defamation?'
    )
    for (const { speakers: quoted, answer } of [initials, full]) {
      expect(answer.abstained).toBe(false)
      expect([...quoted]).toEqual(['United Kingdom of Great Britain and Northern Ireland'])
      expect(answer.answer).toMatch(/defamation/)
    }
  })

  it('answers what the cover says of each committee’s meeting: its agenda, distribution, language and rapporteurs', async () => {
    const meeting = async (question: string, record: string) =>
      AskResponseSchema.parse((await ask({ question, record })).body)
    const agenda = await meeting('What was on the agenda?', 'ccpr-c-sr-1209')
    expect(agenda.kind).toBe('meeting')
    expect(agenda.answer).toMatch(
      /^On the agenda: “Consideration of reports submitted by States parties under article 40 of the Covenant/
    )
    expect(agenda.citations).toEqual(['CCPR/C/SR.1209, cover page'])
    const language = await meeting('What is the original language of the record?', 'ccpr-c-sr-1209')
    expect(language.answer).toMatch(/^Original: French; this version: English\./)
    const distributed = await meeting('When was this record distributed?', 'cat-c-sr-1400')
    expect(distributed.answer).toMatch(/^Distributed on \d{1,2} \w+ \d{4}\./)
    const rapporteurs = await meeting('Who were the country rapporteurs?', 'cat-c-sr-1400')
    expect(rapporteurs.excerpts.length).toBeGreaterThan(0)
    expect(
      rapporteurs.excerpts.every((e) => e.record === 'CAT/C/SR.1400' && /Rapporteur/.test(e.text))
    ).toBe(true)
  })

  it('names who led the delegation where the record says so, and abstains where it does not', async () => {
    const led = async (record: string) =>
      AskResponseSchema.parse(
        (await ask({ question: 'Who led the delegation at the review?', record })).body
      )
    const report = await led('A/HRC/59/15')
    expect(report.kind).toBe('meeting')
    expect(report.excerpts.map((e) => [e.record, e.label])).toEqual([['A/HRC/59/15', '1']])
    expect(report.excerpts[0]?.text).toMatch(/^The delegation of Slovenia was headed by .*Fajon\.$/)
    const said = AskResponseSchema.parse(
      (
        await ask({
          question: 'What did the head of the delegation say about prison overcrowding?',
          record: 'A/HRC/59/15',
        })
      ).body
    )
    expect(said.kind).not.toBe('meeting')
    const record = await led('CMW/C/SR.593')
    expect(record).toMatchObject({ abstained: true, excerpts: [] })
    expect(record.answer).toMatch(/No paragraph says who led the delegation\./)
  })

  it('says whose words it quotes: a report’s, or the indexed records’ when it abstains over several', async () => {
    const report = AskResponseSchema.parse(
      (await ask({ question: 'What did Mexico say about child poverty?', record: 'a-hrc-59-15' }))
        .body
    )
    expect(report.excerpts.map((e) => e.speaker)).toContain('Mexico')
    const factual = AskResponseSchema.parse(
      (
        await ask({
          question: 'How many recommendations did Slovenia receive?',
          record: 'a-hrc-59-15',
        })
      ).body
    )
    expect(factual.kind).toBe('factual')
    expect(factual.answer).toMatch(/^According to the report:/)
    const none = AskResponseSchema.parse(
      (await ask({ question: 'What was said about lunar exploration budgets?' })).body
    )
    expect(none.answer).toMatch(/^The indexed records do not appear to address/)
  })

  it('keeps a follow-up in the record the answer it follows cited, unless the request names one', async () => {
    const followUp = AskResponseSchema.parse(
      (
        await ask({
          question: 'And what about children?',
          history: [
            {
              question: 'What did the delegation say about refugees?',
              record: 'CMW/C/SR.593',
            },
          ],
        })
      ).body
    )
    expect(followUp.followsUp).toBe('What did the delegation say about refugees?')
    expect(followUp.citations.length).toBeGreaterThan(0)
    expect(followUp.citations.every((c) => c.startsWith('CMW/C/SR.593, '))).toBe(true)
    const named = AskResponseSchema.parse(
      (
        await ask({
          question: 'And what about children?',
          record: 'a-hrc-59-15',
          history: [
            {
              question: 'What did the delegation say about refugees?',
              record: 'CMW/C/SR.593',
            },
          ],
        })
      ).body
    )
    expect(named.retrieved.every((r) => r.record === 'A/HRC/59/15')).toBe(true)
  })

  it('refuses a record that is not indexed, naming those that are', async () => {
    const { status, body } = await ask({ question: 'children', record: 'CRC/C/SR.1' })
    expect(status).toBe(400)
    expect(body).toMatchObject({
      detail:
        'no record named "CRC/C/SR.1" is indexed (indexed: A/HRC/59/15, CAT/C/SR.1400, CCPR/C/SR.1209, CMW/C/SR.593)',
    })
  })

  it('opens a sub-numbered paragraph by its printed number', async () => {
    const paragraph = ParagraphResponseSchema.parse(
      await (await app.request('/api/records/a-hrc-59-15/paragraphs/140.1')).json()
    )
    expect(paragraph).toMatchObject({
      citation: 'A/HRC/59/15, para. 140.1',
      block: { label: '140.1', paragraph: 140 },
    })
  })

  it('searches one record', async () => {
    const response = await app.request('/api/search?q=death%20penalty&record=CCPR%2FC%2FSR.1209')
    const { results } = SearchResponseSchema.parse(await response.json())
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((r) => r.record === 'CCPR/C/SR.1209')).toBe(true)
  })

  it('keeps serving the record already indexed when a newcomer claims its symbol, and reports the newcomer', async () => {
    await cp(join(library.recordsDir, 'cmw-c-sr-593.txt'), join(library.recordsDir, 'aa-copy.txt'))
    await cp(
      join(library.recordsDir, 'cmw-c-sr-593.json'),
      join(library.recordsDir, 'aa-copy.json')
    )
    const {
      index: rebuilt,
      rebuilt: why,
      failures,
    } = await ensureIndex(join(library.dir, 'index'), {
      recordsDir: library.recordsDir,
      vectors: library.vectors,
    })
    expect(why).toMatch(/source records changed/)
    expect(rebuilt.records.find((r) => r.symbol === 'CMW/C/SR.593')?.file).toBe('cmw-c-sr-593.txt')
    expect(failures).toEqual([
      {
        file: 'aa-copy.txt',
        reason:
          'duplicate symbol CMW/C/SR.593, also claimed by cmw-c-sr-593.txt; cmw-c-sr-593.txt was indexed before and keeps it',
      },
    ])
  })
})
