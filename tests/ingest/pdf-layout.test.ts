import { describe, expect, it } from 'vitest'
import type { PdfPage, PdfRun } from '../../src/ingest/pdf-layout.ts'
import { layoutPdf } from '../../src/ingest/pdf-layout.ts'

type Options = { x?: number; size?: number; bold?: boolean }

/** A line of text as pdf.js reports it: one run per word, with the spaces between them. */
const line = (
  y: number,
  text: string,
  { x = 56, size = 10, bold = false }: Options = {}
): PdfRun[] => {
  const runs: PdfRun[] = []
  let at = x
  text.split(' ').forEach((word, i) => {
    if (i > 0) {
      runs.push({ str: ' ', x: at, y, width: size * 0.25, size, bold })
      at += size * 0.25
    }
    runs.push({ str: word, x: at, y, width: word.length * size * 0.5, size, bold })
    at += word.length * size * 0.5
  })
  return runs
}

/** Lines down a page from `top`, 12 points apart, a blank line's worth between paragraphs. */
const page = (...parts: (PdfRun[] | PdfRun[][])[]): PdfPage => ({
  width: 595,
  height: 842,
  runs: parts.flat(2),
})

const paragraph = (top: number, lines: string[], options: Options = {}): PdfRun[][] =>
  lines.map((text, i) => line(top - 12 * i, text, options))

const FULL = 'the Committee had received information on the situation of migrant'

describe('layoutPdf', () => {
  it('re-joins a paragraph’s lines and starts a new block at paragraph spacing', () => {
    const { blocks } = layoutPdf([
      page(
        paragraph(700, [FULL, 'workers in the agricultural sector.']),
        paragraph(670, [FULL, 'workers in the fishing sector.'])
      ),
    ])
    expect(blocks.map((b) => b.text)).toEqual([
      `${FULL} workers in the agricultural sector.`,
      `${FULL} workers in the fishing sector.`,
    ])
  })

  it('starts a block at a number set off by a tab, even without spacing', () => {
    const labelled = (y: number, n: string, text: string) => [
      { str: n, x: 56, y, width: 10, size: 10, bold: false },
      ...line(y, text, { x: 85 }),
    ]
    const { blocks } = layoutPdf([
      page(
        labelled(700, '1.', FULL),
        line(688, 'workers.'),
        labelled(676, '2.', FULL),
        line(664, 'fishers.')
      ),
    ])
    expect(blocks.map((b) => b.text)).toEqual([`1. ${FULL} workers.`, `2. ${FULL} fishers.`])
  })

  it('sets aside running heads, page numbers and the job number, and runs a paragraph on across the page', () => {
    const pages = [1, 2, 3].map((n) =>
      page(
        line(800, 'CMW/C/SR.593', { size: 9 }),
        paragraph(700, [FULL, FULL, FULL]),
        line(40, String(n), { size: 9 }),
        n === 1 ? line(28, 'GE.25-05678 (E)', { size: 9 }) : []
      )
    )
    const { blocks, furniture } = layoutPdf(pages)
    expect(furniture).toEqual(
      expect.arrayContaining(['CMW/C/SR.593', '1', '2', '3', 'GE.25-05678 (E)'])
    )
    expect(blocks).toHaveLength(1)
    expect(blocks[0]?.text).toBe(Array.from({ length: 9 }, () => FULL).join(' '))
  })

  it('drops a raised footnote reference and sets the footnote at the page foot aside', () => {
    const reference = {
      str: '1',
      x: 56 + FULL.length * 5 + 1,
      y: 703.5,
      width: 3,
      size: 6,
      bold: false,
    }
    const { blocks, footnotes } = layoutPdf([
      page(
        paragraph(700, [FULL, 'workers.']),
        [reference],
        paragraph(640, ['It noted the data.']),
        [{ str: '1', x: 56, y: 83.5, width: 3, size: 6, bold: false }],
        line(80, 'See document CMW/C/MEX/4.', { x: 62, size: 8 })
      ),
    ])
    expect(blocks.map((b) => b.text)).toEqual([`${FULL} workers.`, 'It noted the data.'])
    expect(footnotes).toEqual(['See document CMW/C/MEX/4.'])
  })

  it('reads a two-column page down the left column, then the right, and says so', () => {
    const left = paragraph(
      700,
      ['the Committee had received', 'information on migrant', 'workers in the south.'],
      { x: 56 }
    )
    const right = paragraph(
      694,
      ['The delegation replied', 'that a new law had been', 'adopted in the spring.'],
      { x: 320 }
    )
    const { blocks, warnings } = layoutPdf([
      page(left, right, paragraph(400, ['and more lines', 'in the left column.'], { x: 56 })),
    ])
    expect(blocks.map((b) => b.text)).toEqual([
      'the Committee had received information on migrant workers in the south.',
      'and more lines in the left column.',
      'The delegation replied that a new law had been adopted in the spring.',
    ])
    expect(warnings).toEqual(['page 1 read as two columns'])
  })

  it('marks a bold or larger block as a heading and keeps lines broken on purpose as its lines', () => {
    const { blocks } = layoutPdf([
      page(
        line(760, 'Distr.: General'),
        line(748, '23 April 2025'),
        line(700, 'Consideration of reports', { bold: true, size: 12 }),
        paragraph(670, [FULL, 'workers.'])
      ),
    ])
    expect(blocks.map((b) => [b.heading, b.lines])).toEqual([
      [false, ['Distr.: General', '23 April 2025']],
      [true, ['Consideration of reports']],
      [false, [`${FULL} workers.`]],
    ])
  })
})
