// Reads a plain-text (or Markdown) record: decodes it strictly, and re-joins its paragraphs when the text is hard-wrapped.
import { RecordParseError } from '../errors.ts'
import { documentWords, joinLine } from './join-lines.ts'
import type { ReadOptions, SourceBlock, SourceDocument } from './source.ts'
import { sourceBlock } from './source.ts'

/**
 * Decodes a text file: UTF-8 (with or without a byte-order mark) or UTF-16 with one. Anything
 * else is refused with the reason, rather than read with replacement characters.
 */
export const decodeText = (data: Uint8Array, file: string): string => {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff)
    return new TextDecoder('utf-16be').decode(data.subarray(2))
  if (data.includes(0)) throw new RecordParseError(file, 'binary content (NUL bytes)')
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data)
  } catch {
    throw new RecordParseError(file, 'not valid UTF-8 text (save it as UTF-8)')
  }
}

// A printed paragraph number or list label that opens a line: it always starts a new paragraph.
const OPENS_PARAGRAPH =
  /^\s*(?:\d{1,4}(?:\.\d{1,3})?\.?\s|\d{1,4}\.(?=\p{Lu})|\([a-z0-9]{1,4}\)\s|[•·▪–-]\s)/u

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

/**
 * The wrap width of hard-wrapped text, or null when lines are paragraphs. Text is hard-wrapped
 * when its lines stop at a common width: then half of them end within the last sixth of it. Too
 * few lines say nothing either way, and are read as paragraphs.
 */
export const wrapWidth = (lines: readonly string[]): number | null => {
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0)
  if (lengths.length < 12) return null
  const width = quantile(lengths, 0.95)
  const full = lengths.filter((n) => n >= 0.85 * width && n <= width).length / lengths.length
  return width <= 160 && full >= 0.5 ? width : null
}

/**
 * Whether `line` ended short of the margin: the next line's first word would have fitted on it. A
 * line ending in a hyphen broke a word, and always runs on.
 */
const endsShort = (line: string, next: string, width: number): boolean =>
  !/\p{L}-$/u.test(line.trimEnd()) &&
  line.trimEnd().length + 1 + (next.trim().split(/\s/)[0]?.length ?? 0) <= width

export const readText = (
  data: Uint8Array,
  file: string,
  { isWord }: ReadOptions = {},
  markdown = false
): SourceDocument => {
  const text = decodeText(data, file)
  if (!text.trim()) throw new RecordParseError(file, 'the file is empty')
  const raw = text.split(/\r\n|\n|\r/)
  const width = wrapWidth(raw)
  const words = width === null ? new Set<string>() : documentWords(raw)
  const blocks: SourceBlock[] = []
  let open: { lines: string[]; text: string; indented: boolean } | null = null
  const close = () => {
    if (open) blocks.push(sourceBlock(open.text, { lines: open.lines, indented: open.indented }))
    open = null
  }
  raw.forEach((line, i) => {
    const heading = markdown ? /^#{1,6}\s+(.*)$/.exec(line) : null
    if (heading) {
      close()
      blocks.push(sourceBlock((heading[1] ?? '').trim(), { heading: true }))
      return
    }
    if (!line.trim()) return close()
    const indented = /^\t/.test(line)
    if (width === null) {
      close()
      blocks.push(sourceBlock(line, { lines: [line], indented }))
      return
    }
    const previous = raw[i - 1] ?? ''
    if (open && (OPENS_PARAGRAPH.test(line) || endsShort(previous, line, width))) close()
    if (open) {
      open.lines.push(line)
      open.text = joinLine(open.text, line.trim(), words, isWord)
    } else open = { lines: [line], text: line.trim(), indented }
  })
  close()
  return {
    format: markdown ? 'markdown' : 'text',
    blocks,
    furniture: [],
    footnotes: [],
    warnings: [],
  }
}
