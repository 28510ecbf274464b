// PDF layout: positioned text runs → lines → reading order (columns), page furniture and footnotes set aside, lines → paragraphs.
import { PAGE_FURNITURE } from '../records/conventions.ts'
import { documentWords, joinLines } from './join-lines.ts'
import type { ReadOptions, SourceBlock, SourceDocument } from './source.ts'

/** A run of text as the PDF places it: baseline origin (PDF units, y up), advance width, type size. */
export type PdfRun = {
  str: string
  x: number
  y: number
  width: number
  size: number
  bold: boolean
}
export type PdfPage = { width: number; height: number; runs: PdfRun[] }

/** A line of text on a page, in reading order. */
type Line = {
  page: number
  text: string
  x: number
  end: number
  y: number
  /** The type size most of its characters are set in. */
  size: number
  bold: boolean
  /** The line opens with a label set off by a tab-like gap ("1.", "121.16", "(a)"). */
  labelled: boolean
  /** The line opens with a note marker (a raised number or asterisk): a footnote's first line. */
  marked: boolean
  column: number
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0)
}

/** The value that carries the most weight (to the nearest half unit): the body's type size, its line spacing. */
const mode = (pairs: [number, number][]): number => {
  const weights = new Map<number, number>()
  for (const [value, weight] of pairs) {
    const key = Math.round(value * 2) / 2
    weights.set(key, (weights.get(key) ?? 0) + weight)
  }
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.25

// A gap wider than this many type sizes separates two pieces of text on one baseline (a masthead's
// left and right, a column gutter); a label's tab is narrower.
const SEGMENT_GAP = 3
// A gap this many type sizes wide after a line's first run sets it off as a label.
const LABEL_GAP = 0.9
const LABEL = /^(?:\d{1,4}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\)|[a-z]\)|[•·▪–-])$/u
// Footnote and note-reference markers, set small and raised: dropped from the line they sit on.
const MARKER = /^[\d*†‡§,\s]+$/

/** Groups a page's runs into rows that share a baseline; a row of small raised runs joins the row below. */
const rowsOf = (page: PdfPage): PdfRun[][] => {
  // Spaces stay: a space the PDF draws between two words is the surest sign there is one.
  const runs = page.runs.filter((r) => r.str !== '').sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: PdfRun[][] = []
  for (const run of runs) {
    const row = rows.at(-1)
    const anchor = row?.[0]
    if (row && anchor && Math.abs(anchor.y - run.y) <= 0.35 * Math.min(anchor.size, run.size))
      row.push(run)
    else rows.push([run])
  }
  // A footnote reference set above its line is a row of its own until it joins that line: the
  // nearest row below it, close enough, that reaches to where it stands.
  const merged: PdfRun[][] = []
  rows.forEach((row, i) => {
    const size = Math.max(...row.map((r) => r.size))
    const x = Math.min(...row.map((r) => r.x))
    const y = row[0]?.y ?? 0
    const below = rows.slice(i + 1).find((other) => {
      const otherSize = Math.max(...other.map((r) => r.size))
      const rise = y - (other[0]?.y ?? 0)
      return (
        size <= 0.8 * otherSize &&
        rise > 0 &&
        rise <= 0.7 * otherSize &&
        other.some((r) => r.x <= x + 2 * otherSize && r.x + r.width >= x - otherSize)
      )
    })
    if (below) below.push(...row)
    else merged.push(row)
  })
  return merged.map((row) => row.sort((a, b) => a.x - b.x))
}

/**
 * The x of a gutter between two columns, or null for a page in one column: a vertical band at
 * least a type size wide that almost no row crosses, with text to its left in a good share of the
 * rows and to its right in a good share (the columns' baselines need not line up). Word spaces
 * never line up into such a band down a page.
 */
const gutterOf = (withSpaces: PdfRun[][], width: number): number | null => {
  // Each row as the spans its text covers, left to right.
  const rows = withSpaces
    .map((row) => row.filter(visible).map((r) => [r.x, r.x + r.width] as const))
    .filter((spans) => spans.length > 0)
  if (rows.length < 6) return null
  const size = median(withSpaces.flat().map((r) => r.size))
  const share = 0.3 * rows.length
  let best: { x: number; band: number; crossing: number } | null = null
  for (let x = 0.3 * width; x <= 0.7 * width; x += 1) {
    let crossing = 0
    let lefts = 0
    let rights = 0
    let left = -Infinity
    let right = Infinity
    for (const spans of rows) {
      let before = -Infinity
      let after = Infinity
      let crosses = false
      for (const [start, end] of spans) {
        if (start < x && end > x) crosses = true
        else if (end <= x) before = Math.max(before, end)
        else after = Math.min(after, start)
      }
      if (crosses) {
        crossing++
        continue
      }
      if (before > -Infinity) lefts++
      if (after < Infinity) rights++
      left = Math.max(left, before)
      right = Math.min(right, after)
    }
    const band = right - left
    if (crossing <= 0.15 * rows.length && lefts >= share && rights >= share && band >= size) {
      // Fewest rows across the band first (full-width headings), then the widest band.
      const better =
        !best || crossing < best.crossing || (crossing === best.crossing && band > best.band)
      if (better) best = { x: (left + right) / 2, band, crossing }
    }
  }
  return best?.x ?? null
}

const visible = (run: PdfRun): boolean => run.str.trim() !== ''

type Segment = { runs: PdfRun[]; x: number; end: number; y: number; size: number; column: number }

/** Splits each row at a column gutter, then at wide gaps, into segments. */
const segmentsOf = (rows: PdfRun[][], gutter: number | null): Segment[] =>
  rows.flatMap((row) => {
    const crosses =
      gutter !== null && row.some((r) => visible(r) && r.x < gutter && r.x + r.width > gutter)
    const columnOf = (run: PdfRun) =>
      gutter === null || crosses ? 0 : run.x + run.width <= gutter ? 1 : 2
    const segments: Segment[] = []
    for (const run of row) {
      const last = segments.at(-1)
      if (!visible(run)) {
        // A space joins the text before it, without stretching it (some spaces span a page).
        if (last && run.x <= last.end + run.size) last.runs.push({ ...run, width: 0 })
        continue
      }
      const column = columnOf(run)
      if (
        last &&
        last.column === column &&
        run.x - last.end <= SEGMENT_GAP * Math.max(run.size, last.size)
      ) {
        last.runs.push(run)
        last.end = Math.max(last.end, run.x + run.width)
      } else
        segments.push({
          runs: [run],
          x: run.x,
          end: run.x + run.width,
          y: run.y,
          size: run.size,
          column,
        })
    }
    for (const segment of segments) {
      segment.size = mode(segment.runs.map((r) => [r.size, r.str.length]))
      segment.y = mode(segment.runs.filter((r) => near(r.size, segment.size)).map((r) => [r.y, 1]))
    }
    return segments
  })

/** A segment's text: runs joined with a space where the gap between them is wider than a space. */
const textOf = (
  segment: Segment
): { text: string; labelled: boolean; marked: boolean; bold: boolean } => {
  let text = ''
  let end = -Infinity
  let labelled = false
  let marked = false
  let boldChars = 0
  let chars = 0
  let space = false
  segment.runs.forEach((run, i) => {
    if (!visible(run)) {
      space = text !== ''
      return
    }
    // A small raised marker (a footnote reference) is not part of the sentence.
    const raised = run.size <= 0.8 * segment.size && run.y > segment.y + 0.15 * segment.size
    if (raised && MARKER.test(run.str)) {
      if (i === 0) marked = true
      return
    }
    const gap = run.x - end
    // A bullet sets off what follows at any distance; a number only at a tab's.
    const bullet = /^[•·▪]$/u.test(text.trim())
    if (text && !labelled && LABEL.test(text.trim()) && (bullet || gap >= LABEL_GAP * segment.size))
      labelled = true
    if (text && (space || gap > 0.18 * run.size) && !text.endsWith(' ') && !run.str.startsWith(' '))
      text += ' '
    space = false
    text += run.str
    end = run.x + run.width
    chars += run.str.length
    if (run.bold) boldChars += run.str.length
  })
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    labelled,
    marked: marked || /^(?:\d{1,3}|[*†‡§]{1,3})(?:\s|$)/u.test(text),
    bold: chars > 0 && boldChars >= 0.6 * chars,
  }
}

/** Lines of one page in reading order: down each column in turn, full-width lines between them. */
const linesOf = (page: PdfPage, number: number): { lines: Line[]; columns: boolean } => {
  const rows = rowsOf(page)
  const gutter = gutterOf(rows, page.width)
  const lines = segmentsOf(rows, gutter).map((segment): Line => {
    const { text, labelled, marked, bold } = textOf(segment)
    return {
      page: number,
      text,
      x: segment.x,
      end: segment.end,
      y: segment.y,
      size: segment.size,
      bold,
      labelled,
      marked,
      column: segment.column,
    }
  })
  if (gutter === null) return { lines: lines.filter((l) => l.text), columns: false }
  // Full-width lines cut the page into bands; within a band, the left column is read first.
  const ordered: Line[] = []
  let band: Line[] = []
  const flush = () => {
    ordered.push(...band.filter((l) => l.column === 1), ...band.filter((l) => l.column === 2))
    band = []
  }
  for (const line of lines) {
    if (line.column === 0) {
      flush()
      ordered.push(line)
    } else band.push(line)
  }
  flush()
  return { lines: ordered.filter((l) => l.text), columns: true }
}

const shape = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

/**
 * Running heads and footers: lines at a page's top or foot that repeat, digits aside, on other
 * pages at the same place (the symbol, "GE.25-02819", page numbers), bare page numbers, and the
 * printer's marks (job number, "Please recycle").
 */
const furnitureOf = (pages: Line[][]): Set<Line> => {
  const edge = (lines: Line[]) => [...lines.slice(0, 3), ...lines.slice(-3)]
  const seen = new Map<string, Set<number>>()
  pages.forEach((lines, p) => {
    for (const line of edge(byHeight(lines))) {
      const key = shape(line.text)
      seen.set(key, (seen.get(key) ?? new Set()).add(p))
    }
  })
  const repeats = Math.max(2, Math.ceil(0.3 * pages.length))
  const furniture = new Set<Line>()
  for (const lines of pages) {
    const sorted = byHeight(lines)
    const edges = edge(sorted)
    for (const line of edges) {
      // Running heads are short: a symbol, a page number, a job number; a body line is not.
      const repeated =
        (seen.get(shape(line.text))?.size ?? 0) >= repeats &&
        pages.length > 1 &&
        line.text.length <= 60
      const pageNumber = /^(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?$|^page \d+/i.test(line.text)
      if (repeated || pageNumber) furniture.add(line)
    }
    for (const line of lines) if (PAGE_FURNITURE.some((p) => p.test(line.text))) furniture.add(line)
  }
  return furniture
}

const byHeight = (lines: Line[]): Line[] => [...lines].sort((a, b) => b.y - a.y)

/**
 * Footnotes: the run of lines at a page's foot set smaller than the body, when one of them opens
 * with a note marker, or when the page before ended in footnotes (a note carried over).
 */
const footnotesOf = (pages: Line[][], bodySize: number): Set<Line> => {
  const notes = new Set<Line>()
  let carried = false
  for (const lines of pages) {
    const sorted = byHeight(lines)
    const foot: Line[] = []
    for (let i = sorted.length - 1; i >= 0; i--) {
      const line = sorted[i] as Line
      if (line.size > 0.92 * bodySize) break
      foot.unshift(line)
    }
    const marked = foot.some((l) => l.marked)
    if (foot.length > 0 && foot.length < sorted.length && (marked || carried)) {
      for (const line of foot) notes.add(line)
      carried = true
    } else carried = false
  }
  return notes
}

/** The layout of a whole document: its body lines re-joined into blocks. */
export const layoutPdf = (pages: PdfPage[], { isWord }: ReadOptions = {}): SourceDocument => {
  const laid = pages.map((page, p) => linesOf(page, p + 1))
  const perPage = laid.map((l) => l.lines)
  const furniture = furnitureOf(perPage)
  const remaining = perPage.map((lines) => lines.filter((l) => !furniture.has(l)))
  const bodySize = mode(remaining.flat().map((l) => [l.size, l.text.length]))
  const notes = footnotesOf(remaining, bodySize)
  const body = remaining.flat().filter((l) => !notes.has(l))
  const words = documentWords(body.map((l) => l.text))
  // The body's line spacing: the commonest distance between baselines of lines in one paragraph,
  // which is less than the distance across a paragraph break (when there is such a distance).
  const distances = body.flatMap((line, i) => {
    const next = body[i + 1]
    return next &&
      next.page === line.page &&
      next.column === line.column &&
      near(next.size, line.size)
      ? [line.y - next.y]
      : []
  })
  const tight = distances.filter((d) => d >= 0.9 * bodySize && d <= 1.6 * bodySize)
  const spacing = mode((tight.length > 0 ? tight : distances).map((d) => [d, 1]))
  // Paragraphs set apart by space are told apart by it; otherwise only by a line that ends short.
  const spaced = distances.filter((d) => d > 1.3 * spacing).length >= 0.05 * distances.length
  // Each column has its own margins: a right column's lines are not indented, a left column's
  // full lines end at its gutter.
  const columns = new Map<number, { left: number; right: number }>()
  for (const column of new Set(body.map((l) => l.column))) {
    const lines = body.filter((l) => l.column === column && near(l.size, bodySize))
    // Full lines end at the right margin; no line ends beyond it.
    columns.set(column, {
      left: mode(lines.map((l) => [l.x, 1])),
      right: Math.max(...lines.map((l) => l.end)),
    })
  }
  const marginOf = (line: Line) => columns.get(line.column) ?? { left: line.x, right: line.end }
  const blocks: SourceBlock[] = []
  let open: Line[] = []
  const close = () => {
    const first = open[0]
    if (!first) return
    const heading = open.length <= 4 && (open.every((l) => l.bold) || first.size >= 1.12 * bodySize)
    blocks.push({
      text: joinLines(
        open.map((l) => l.text),
        words,
        isWord
      ),
      lines: printedLines(open, marginOf, bodySize, words, isWord),
      label: null,
      heading,
      indented: first.x > marginOf(first).left + bodySize,
      page: first.page,
    })
    open = []
  }
  for (const line of body) {
    const previous = open.at(-1)
    if (
      previous &&
      startsBlock(previous, line, { spacing, spaced, margin: marginOf(previous).right, bodySize })
    )
      close()
    open.push(line)
  }
  close()
  const twoColumn = laid.flatMap((l, p) => (l.columns ? [p + 1] : []))
  return {
    format: 'pdf',
    blocks,
    furniture: [...furniture].map((l) => l.text),
    footnotes: [...notes].map((l) => l.text),
    warnings:
      twoColumn.length > 0
        ? [`page${twoColumn.length > 1 ? 's' : ''} ${twoColumn.join(', ')} read as two columns`]
        : [],
  }
}

/**
 * Whether the first word of `line` would have fitted at the end of `previous`: then the line was
 * broken on purpose (a paragraph's end, a masthead field), not wrapped at the margin. A word is
 * reckoned at half an em a character, a space at a quarter.
 */
const fitted = (previous: Line, line: Line, margin: number): boolean => {
  const word = line.text.split(' ')[0] ?? ''
  // The word is reckoned at the previous line's own width per character (capitals are wider).
  const perCharacter = (previous.end - previous.x) / Math.max(1, previous.text.length)
  // A character's width of slack: lines of one page need not end at exactly the same x.
  return previous.end + perCharacter * (word.length + 2) <= margin
}

/**
 * A block's lines as the text breaks them: a visual line that reaches the margin wrapped onto the
 * next, one that stops short was broken there ("Distr.: General" above "24 March 2025").
 */
const printedLines = (
  lines: readonly Line[],
  marginOf: (line: Line) => { right: number },
  bodySize: number,
  words: ReadonlySet<string>,
  isWord?: (word: string) => boolean
): string[] => {
  const printed: Line[][] = []
  lines.forEach((line, i) => {
    const previous = lines[i - 1]
    const wrapped = previous !== undefined && !fitted(previous, line, marginOf(previous).right)
    if (wrapped) printed.at(-1)?.push(line)
    else printed.push([line])
  })
  return printed.map((group) =>
    joinLines(
      group.map((l) => l.text),
      words,
      isWord
    )
  )
}

/** Whether `line` starts a new block after `previous`. */
const startsBlock = (
  previous: Line,
  line: Line,
  {
    spacing,
    spaced,
    margin,
    bodySize,
  }: { spacing: number; spaced: boolean; margin: number; bodySize: number }
): boolean => {
  if (line.labelled) return true
  if (line.bold !== previous.bold || Math.abs(line.size - previous.size) > 0.1 * bodySize)
    return true
  // A line that stopped well short of the margin after a full stop ended its paragraph.
  const short = fitted(previous, line, margin) && /[.:;?!)”"]$/.test(previous.text)
  // A paragraph runs on into the next page or column when its line there reached the margin; a
  // heading, whose line stops short, does not.
  if (line.page !== previous.page || line.column !== previous.column)
    return fitted(previous, line, margin) || previous.size >= 1.12 * bodySize
  const gap = previous.y - line.y
  return gap > 1.3 * (spacing || 1.2 * line.size) || gap < 0 || (!spaced && short)
}
