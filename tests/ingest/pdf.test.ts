import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../src/ingest/read-source.ts'
import { leadingStateName } from '../../src/records/states.ts'
import { SHARED_UPR, UPR_REPORTS, readShared } from '../fixtures/shared-documents.ts'

describe.each(UPR_REPORTS)('the UN PDF $symbol', ({ file, symbol, last, session, distributed }) => {
  const record = readShared(file)

  it(`keeps the paragraph numbers it prints, 1 to ${last}, in order and with no warning`, async () => {
    const { blocks, numbering, warnings } = await record
    const main = blocks.filter((b) => b.kind === 'paragraph' && !b.label?.includes('.'))
    expect(numbering).toBe('printed')
    expect(main.map((b) => b.paragraph)).toEqual(Array.from({ length: last }, (_, i) => i + 1))
    expect(warnings).toEqual([])
  })

  it('reads its masthead from the first page, which is no paragraph', async () => {
    const { meta, blocks } = await record
    expect(meta).toMatchObject({
      symbol,
      body: 'Human Rights Council',
      bodyAcronym: 'HRC',
      session,
      recordKind: 'report',
      distributed,
      originalLanguage: 'English',
      state: 'Slovenia',
    })
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: 'Introduction' })
  })

  it('leaves running heads, page numbers, the job number and footnotes out of the text', async () => {
    const { blocks } = await record
    const texts = blocks.map((b) => b.text)
    expect(texts.filter((t) => /\bGE\.\d{2}-\d{4,6}\b/.test(t))).toEqual([])
    expect(texts.filter((t) => t === symbol || /^\d+$/.test(t))).toEqual([])
    const document = await readSource(new Uint8Array(await readFile(join(SHARED_UPR, file))), file)
    for (const note of document.footnotes.filter((n) => n.length > 20))
      expect(texts.some((t) => t.includes(note))).toBe(false)
  })

  it('re-joins wrapped lines, undoing only hyphens that split a word at the margin', async () => {
    const { blocks } = await record
    const text = blocks.map((b) => b.text).join(' ')
    // A word split at a line end would read "inter- national"; "two- to three-year" is English.
    expect(text).not.toMatch(/\p{Ll}- (?!(?:to|and|or)\b)\p{Ll}/u)
    expect(text).toMatch(/follow-up/)
  })

  it('names the section headings as headings', async () => {
    const headings = (await record).blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
    expect(headings).toEqual(
      expect.arrayContaining([
        'I. Summary of the proceedings of the review process',
        'A. Presentation by the State under review',
        'B. Interactive dialogue and responses by the State under review',
      ])
    )
  })

  it('attributes each statement that opens with a State to that State, and the State under review to its delegation', async () => {
    const { blocks } = await record
    const opened = blocks.filter(
      (b) => b.kind === 'paragraph' && !b.label?.includes('.') && leadingStateName(b.text)
    )
    expect(opened.length).toBeGreaterThan(40)
    for (const b of opened) {
      const state = leadingStateName(b.text)
      expect(b.turnStart).toBe(true)
      expect(b.role).toBe(state === 'Slovenia' ? 'state_delegation' : 'other_state')
    }
  })
})
