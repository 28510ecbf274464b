import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { NumberingCounter, formatNumber } from '../../src/ingest/docx-numbering.ts'
import type { NumberingDefinitions, NumberingLevel } from '../../src/ingest/docx-numbering.ts'
import { readDocx } from '../../src/ingest/docx.ts'
import { isStateName } from '../../src/records/states.ts'
import { ADVANCE_QUESTIONS, readShared } from '../fixtures/shared-documents.ts'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const docx = (body: string, numbering = '', styles = '') =>
  zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(numbering
      ? { 'word/numbering.xml': strToU8(`<w:numbering ${W}>${numbering}</w:numbering>`) }
      : {}),
    ...(styles ? { 'word/styles.xml': strToU8(`<w:styles ${W}>${styles}</w:styles>`) } : {}),
  })
const numbered = (numId: number, text: string, level = 0) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`
const LEVELS = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>`

describe('formatNumber', () => {
  it('writes numbers in each of Word’s formats', () => {
    expect([4, 9, 14, 1990].map((n) => formatNumber(n, 'upperRoman'))).toEqual([
      'IV',
      'IX',
      'XIV',
      'MCMXC',
    ])
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa'])
    expect(formatNumber(7, 'decimalZero')).toBe('07')
    expect(formatNumber(7, 'bullet')).toBe('')
  })
})

describe('NumberingCounter', () => {
  const level = (text: string, format: NumberingLevel['format'] = 'decimal'): NumberingLevel => ({
    start: 1,
    format,
    text,
    legal: false,
    restartAfter: null,
  })
  const definitions: NumberingDefinitions = {
    abstracts: new Map([['0', [level('%1.'), level('%1.%2', 'decimal')]]]),
    instances: new Map([
      ['1', { abstract: '0', overrides: new Map() }],
      ['2', { abstract: '0', overrides: new Map([[0, { start: 40 }]]) }],
    ]),
  }

  it('counts each level and restarts the level below when the one above it moves on', () => {
    const counter = new NumberingCounter(definitions)
    expect([
      counter.next('1', 0),
      counter.next('1', 1),
      counter.next('1', 1),
      counter.next('1', 0),
      counter.next('1', 1),
    ]).toEqual(['1.', '1.1', '1.2', '2.', '2.1'].map((label) => ({ label, bullet: false })))
  })

  it('restarts at a start override the first time its instance is used', () => {
    const counter = new NumberingCounter(definitions)
    counter.next('1', 0)
    expect(counter.next('2', 0)).toEqual({ label: '40.', bullet: false })
    expect(counter.next('2', 0)).toEqual({ label: '41.', bullet: false })
    expect(counter.next('9', 0)).toBeNull()
  })
})

describe('readDocx', () => {
  it('recovers the numbers Word generates, with gaps where a list restarts, as labels outside the text', () => {
    const numbering = `${LEVELS}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>`
    const { blocks } = readDocx(
      docx(
        `${numbered(1, 'First.')}${numbered(1, 'An item.', 1)}${numbered(1, 'Second.')}${numbered(2, 'Ninth.')}`,
        numbering
      ),
      'r.docx'
    )
    expect(blocks.map((b) => [b.label, b.text])).toEqual([
      ['1.', 'First.'],
      ['(a)', 'An item.'],
      ['2.', 'Second.'],
      ['9.', 'Ninth.'],
    ])
  })

  it('takes numbering and headings from paragraph styles, through the styles they are based on', () => {
    const numbering = `${LEVELS}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
    const styles = `<w:style w:styleId="Para"><w:name w:val="Numbered para"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Para"/></w:style><w:style w:styleId="H1G"><w:name w:val="_ H_1_G"/></w:style>`
    const body = `<w:p><w:pPr><w:pStyle w:val="H1G"/></w:pPr><w:r><w:t>A heading</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Child"/></w:pPr><w:r><w:t>Styled.</w:t></w:r></w:p>`
    const { blocks } = readDocx(docx(body, numbering, styles), 'r.docx')
    expect(blocks.map((b) => [b.heading, b.label, b.text])).toEqual([
      [true, null, 'A heading'],
      [false, '1.', 'Styled.'],
    ])
  })

  it('leaves out deleted revisions, field codes and hidden text, and keeps words split across runs whole', () => {
    const body = `<w:p><w:r><w:t>Commit</w:t></w:r><w:r><w:t>tee members</w:t></w:r><w:del><w:r><w:delText> (struck)</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> secret</w:t></w:r><w:r><w:t xml:space="preserve"> agreed.</w:t></w:r></w:p>`
    expect(readDocx(docx(body), 'r.docx').blocks.map((b) => b.text)).toEqual([
      'Committee members agreed.',
    ])
  })

  it('refuses a file that is no Word document, naming the reason', () => {
    expect(() => readDocx(strToU8('plain text'), 'x.docx')).toThrow(
      /x\.docx: not a readable Word document/
    )
    expect(() => readDocx(zipSync({ 'a.txt': strToU8('a') }), 'y.docx')).toThrow(
      /y\.docx: not a Word document/
    )
  })
})

describe('the advance questions to Slovenia (.docx)', () => {
  const record = readShared(ADVANCE_QUESTIONS, { symbol: 'UPR/48/SVN/ADVANCE-QUESTIONS' })

  it('numbers its 22 questions, which Word shows as bullets, by the UN convention', async () => {
    const { blocks, numbering } = await record
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph')
    expect(numbering).toBe('recounted')
    expect(paragraphs.map((b) => b.paragraph)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1))
  })

  it('makes each State’s name a heading and gives the questions under it to that State', async () => {
    const { blocks, meta } = await record
    const headings = blocks.filter((b) => b.kind === 'heading')
    expect(headings.map((h) => h.text)).toEqual([
      'BELGIUM',
      'COSTA RICA',
      'GERMANY',
      'LIECHTENSTEIN',
      'PORTUGAL',
      'SPAIN',
      'UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND',
      'UNITED STATES OF AMERICA',
    ])
    let state = ''
    for (const b of blocks) {
      if (b.kind === 'heading') state = b.text
      else expect([b.role, b.state?.toUpperCase()]).toEqual(['other_state', state])
    }
    expect(headings.every((h) => isStateName(h.text))).toBe(true)
    expect(meta.state).toBe('Slovenia')
  })
})
