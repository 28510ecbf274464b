// Reads a record saved from the web: block elements become blocks, ordered lists keep the numbers the page shows.
import { Parser } from 'htmlparser2'
import { RecordParseError } from '../errors.ts'
import { formatNumber } from './docx-numbering.ts'
import type { SourceBlock, SourceDocument } from './source.ts'
import { sourceBlock } from './source.ts'

// Elements whose text is not the record: scripts, styles, and a site's navigation and footer.
const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'aside',
  'footer',
  'svg',
  'math',
  'iframe',
  'object',
  'button',
  'select',
  'form',
])
const BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'td',
  'th',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'main',
  'table',
  'tr',
  'ul',
  'ol',
  'caption',
  'address',
  'center',
  'body',
])
const BOLD: ReadonlySet<string> = new Set(['b', 'strong'])

/** The charset an HTML file declares in its first bytes, or null. */
const declaredCharset = (data: Uint8Array): string | null => {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 2048))
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null
}

export const decodeHtml = (data: Uint8Array, file: string): string => {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return new TextDecoder('utf-8').decode(data.subarray(3))
  const charset = declaredCharset(data)
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(data)
    } catch {
      throw new RecordParseError(
        file,
        `the page declares a charset this reader does not know (${charset})`
      )
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw new RecordParseError(file, 'not valid UTF-8, and the page declares no other charset')
  }
}

type List = { ordered: boolean; next: number; type: string; reversed: boolean }

const LIST_FORMATS = {
  '1': 'decimal',
  a: 'lowerLetter',
  A: 'upperLetter',
  i: 'lowerRoman',
  I: 'upperRoman',
} as const

export const readHtml = (data: Uint8Array, file: string): SourceDocument => {
  const html = decodeHtml(data, file)
  const blocks: SourceBlock[] = []
  const lists: List[] = []
  let skipping = 0
  let text = ''
  let boldChars = 0
  let chars = 0
  let bold = 0
  let heading = false
  let label: string | null = null
  let pre = 0
  const flush = () => {
    const lines = text
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
    if (lines.length > 0) {
      const allBold = chars > 0 && boldChars >= 0.9 * chars
      blocks.push(
        sourceBlock(lines.join(' '), {
          lines,
          label,
          heading: heading || (allBold && label === null),
        })
      )
    }
    text = ''
    boldChars = 0
    chars = 0
    heading = false
    label = null
  }
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        if (SKIPPED.has(name)) skipping++
        if (skipping > 0) return
        if (BLOCKS.has(name)) flush()
        if (/^h[1-6]$/.test(name)) heading = true
        if (BOLD.has(name)) bold++
        if (name === 'pre') pre++
        if (name === 'br') text += '\n'
        if (name === 'ol' || name === 'ul') {
          const start = Number(attributes.start ?? '1')
          lists.push({
            ordered: name === 'ol',
            next: Number.isFinite(start) ? start : 1,
            type: attributes.type ?? '1',
            reversed: 'reversed' in attributes,
          })
        }
        if (name === 'li') {
          const list = lists.at(-1)
          if (!list) return
          const value = Number(attributes.value)
          if (Number.isFinite(value) && attributes.value !== undefined) list.next = value
          const format = LIST_FORMATS[list.type as keyof typeof LIST_FORMATS] ?? 'decimal'
          label = list.ordered ? `${formatNumber(list.next, format)}.` : '•'
          list.next += list.reversed ? -1 : 1
        }
      },
      ontext: (data) => {
        if (skipping > 0) return
        const piece = pre > 0 ? data : data.replace(/[\t\n\r ]+/g, ' ')
        text += piece
        const visible = piece.replace(/\s/g, '').length
        chars += visible
        if (bold > 0) boldChars += visible
      },
      onclosetag: (name) => {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1)
          return
        }
        if (skipping > 0) return
        if (BOLD.has(name)) bold = Math.max(0, bold - 1)
        if (name === 'pre') pre = Math.max(0, pre - 1)
        if (BLOCKS.has(name)) flush()
        if (name === 'ol' || name === 'ul') lists.pop()
      },
    },
    { decodeEntities: true, lowerCaseTags: true }
  )
  parser.write(html)
  parser.end()
  flush()
  return { format: 'html', blocks, furniture: [], footnotes: [], warnings: [] }
}
