import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { loadRecords } from '../../src/records/load.ts'

const recordsCopy = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-records-'))
  await cp(join(PROJECT_ROOT, 'records'), dir, { recursive: true })
  return dir
}

const RECORD =
  'CCPR/C/SR.9\nThe meeting was called to order at 3 p.m.\n1. Ms. Dzumhur said that she agreed.\n'

/** A PDF with a drawn shape and no text: what a scan without OCR looks like to a reader. */
const scannedPdf = async (): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create()
  pdf
    .addPage([595, 842])
    .drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) })
  return pdf.save()
}

describe('loadRecords', () => {
  it('loads the repository record with its sidecar and lists every file it read', async () => {
    const { records, failures, sources } = await loadRecords(join(PROJECT_ROOT, 'records'))
    expect(failures).toEqual([])
    expect(records.map((r) => [r.meta.symbol, r.slug, r.meta.chair, r.file, r.format])).toEqual([
      ['CMW/C/SR.593', 'cmw-c-sr-593', 'Ms. Diallo', 'cmw-c-sr-593.txt', 'text'],
    ])
    expect(sources.map((s) => s.file)).toEqual(['cmw-c-sr-593.json', 'cmw-c-sr-593.txt'])
  })

  it('reports every file it does not index by name with its reason, and still loads the others', async () => {
    const dir = await recordsCopy()
    await writeFile(join(dir, 'bad-meta.txt'), RECORD)
    await writeFile(
      join(dir, 'bad-meta.json'),
      '{"symbol": "", "date": "x", "chiar": "Ms. Diallo"}'
    )
    await writeFile(join(dir, 'broken-json.txt'), RECORD)
    await writeFile(join(dir, 'broken-json.json'), '{not json')
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x4d, 0x00, 0xff, 0xfe]))
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Ms. Dzumhur said caf\xe9.', 'latin1'))
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(
      join(dir, 'no-symbol.txt'),
      'The meeting was called to order at 3 p.m.\nMs. Dzumhur said that she agreed.\n'
    )
    await writeFile(join(dir, 'notes.rtf'), '{\\rtf1 notes}')
    await writeFile(join(dir, 'orphan.json'), '{"symbol": "X/Y"}')
    await writeFile(join(dir, 'scan.pdf'), await scannedPdf())
    await writeFile(join(dir, 'truncated.pdf'), '%PDF-1.7\n1 0 obj <<')
    await writeFile(
      join(dir, 'locked.docx'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    )
    await writeFile(join(dir, 'corrupt.docx'), 'PK not really a zip')
    await writeFile(join(dir, '.DS_Store'), 'finder')
    await mkdir(join(dir, 'drafts'))
    const { records, failures } = await loadRecords(dir)
    expect(records.map((r) => r.meta.symbol)).toEqual(['CMW/C/SR.593'])
    expect(failures).toEqual([
      { file: '.DS_Store', reason: 'a hidden file, not a record' },
      {
        file: 'bad-meta.txt',
        reason:
          'its sidecar bad-meta.json: symbol: String must contain at least 1 character(s); date: must be a real date written YYYY-MM-DD, such as 2025-04-08; unknown field chiar',
      },
      { file: 'binary.txt', reason: 'binary content (NUL bytes)' },
      {
        file: 'broken-json.txt',
        reason: expect.stringMatching(/^its sidecar broken-json\.json is not JSON \(/),
      },
      {
        file: 'corrupt.docx',
        reason: 'not a readable Word document (the .docx archive is corrupt)',
      },
      {
        file: 'drafts',
        reason: 'a folder: records are read from the top of the records directory only',
      },
      { file: 'empty.txt', reason: 'the file is empty' },
      { file: 'latin1.txt', reason: 'not valid UTF-8 text (save it as UTF-8)' },
      {
        file: 'locked.docx',
        reason:
          'the Word document is encrypted or in the old .doc format; save it as an unprotected .docx',
      },
      {
        file: 'no-symbol.txt',
        reason: expect.stringMatching(/^no document symbol: .*add a JSON sidecar with \{"symbol"/),
      },
      {
        file: 'notes.rtf',
        reason:
          'not a record format Rapporteur reads (.rtf; it reads .pdf, .docx, .html, .htm, .txt and .md)',
      },
      {
        file: 'orphan.json',
        reason:
          'a sidecar with no record beside it (expected orphan.pdf, .docx, .html, .txt or .md)',
      },
      {
        file: 'scan.pdf',
        reason: 'the PDF has no text layer (a scanned image?); run it through OCR first',
      },
      { file: 'truncated.pdf', reason: 'not a readable PDF (corrupt or truncated)' },
    ])
  })

  it('reports both files that claim one symbol and indexes neither when neither was indexed before', async () => {
    const dir = await recordsCopy()
    await cp(join(dir, 'cmw-c-sr-593.txt'), join(dir, 'zz-copy.txt'))
    await cp(join(dir, 'cmw-c-sr-593.json'), join(dir, 'zz-copy.json'))
    const { records, failures } = await loadRecords(dir)
    expect(records).toEqual([])
    expect(failures.map((f) => [f.file, f.reason])).toEqual([
      [
        'cmw-c-sr-593.txt',
        'duplicate symbol CMW/C/SR.593, also claimed by zz-copy.txt; neither is indexed until one is removed or its sidecar gives another symbol',
      ],
      [
        'zz-copy.txt',
        'duplicate symbol CMW/C/SR.593, also claimed by cmw-c-sr-593.txt; neither is indexed until one is removed or its sidecar gives another symbol',
      ],
    ])
  })

  it('keeps a symbol with the file that was indexed before when a newcomer claims it', async () => {
    const dir = await recordsCopy()
    await cp(join(dir, 'cmw-c-sr-593.txt'), join(dir, 'aa-newcomer.txt'))
    await cp(join(dir, 'cmw-c-sr-593.json'), join(dir, 'aa-newcomer.json'))
    const { records, failures } = await loadRecords(dir, {
      indexed: new Map([['CMW/C/SR.593', 'cmw-c-sr-593.txt']]),
    })
    expect(records.map((r) => r.file)).toEqual(['cmw-c-sr-593.txt'])
    expect(failures).toEqual([
      {
        file: 'aa-newcomer.txt',
        reason:
          'duplicate symbol CMW/C/SR.593, also claimed by cmw-c-sr-593.txt; cmw-c-sr-593.txt was indexed before and keeps it',
      },
    ])
  })

  it('strips bidirectional controls from a symbol, so that citations show and copy as they read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-records-'))
    await writeFile(join(dir, 'reversed.txt'), RECORD.replace(/^CCPR\/C\/SR\.9\n/, ''))
    await writeFile(
      join(dir, 'reversed.json'),
      JSON.stringify({ symbol: 'CCPR/C/SR.13\u202e.arap ,live' })
    )
    await writeFile(join(dir, 'only-controls.txt'), RECORD.replace(/^CCPR\/C\/SR\.9\n/, ''))
    await writeFile(join(dir, 'only-controls.json'), JSON.stringify({ symbol: '\u202e\u2066' }))
    const { records, failures } = await loadRecords(dir)
    expect(records.map((r) => r.meta.symbol)).toEqual(['CCPR/C/SR.13.arap ,live'])
    expect(records[0]?.blocks.every((b) => !/[\u202a-\u202e\u2066-\u2069]/u.test(b.record))).toBe(
      true
    )
    expect(failures.map((f) => [f.file, f.reason.slice(0, 20)])).toEqual([
      ['only-controls.txt', 'no document symbol: '],
    ])
  })
})
