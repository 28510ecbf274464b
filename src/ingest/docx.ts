// Reads a Word (.docx) record from its XML: the body's paragraphs in order, with the numbers Word's automatic numbering shows.
import { unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'
import type { SaxesTagPlain } from 'saxes'
import { HEADING_STYLES } from '../records/conventions.ts'
import { RecordParseError } from '../errors.ts'
import type { NumberFormat, NumberingDefinitions, NumberingLevel } from './docx-numbering.ts'
import { NumberingCounter } from './docx-numbering.ts'
import type { SourceBlock, SourceDocument } from './source.ts'
import { sourceBlock } from './source.ts'

type Tag = SaxesTagPlain

const attr = (tag: Tag, name: string): string | undefined => {
  const value = tag.attributes[`w:${name}`]
  return typeof value === 'string' ? value : undefined
}

/** `<w:b/>` and `<w:b w:val="true"/>` switch a property on; `w:val="0"` or `"false"` off. */
const on = (tag: Tag): boolean => !['0', 'false', 'off'].includes(attr(tag, 'val') ?? 'true')

/** Calls `visit` for every element of an XML text, with the names of the elements it is inside. */
const walk = (
  xml: string,
  visit: {
    open?: (tag: Tag, path: readonly string[]) => void
    text?: (text: string, path: readonly string[]) => void
    close?: (name: string, path: readonly string[]) => void
  }
): void => {
  const parser = new SaxesParser({ xmlns: false })
  const path: string[] = []
  parser.on('opentag', (tag) => {
    visit.open?.(tag, path)
    if (tag.isSelfClosing) visit.close?.(tag.name, path)
    else path.push(tag.name)
  })
  parser.on('text', (text) => visit.text?.(text, path))
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return
    path.pop()
    visit.close?.(tag.name, path)
  })
  parser.write(xml).close()
}

type Style = {
  name: string
  basedOn: string | null
  numId: string | null
  level: number | null
  heading: boolean
  bold: boolean
}

const readStyles = (xml: string | undefined): Map<string, Style> => {
  const styles = new Map<string, Style>()
  if (!xml) return styles
  let current: (Style & { id: string }) | null = null
  walk(xml, {
    open: (tag, path) => {
      if (tag.name === 'w:style') {
        current = {
          id: attr(tag, 'styleId') ?? '',
          name: '',
          basedOn: null,
          numId: null,
          level: null,
          heading: false,
          bold: false,
        }
        return
      }
      if (!current) return
      if (tag.name === 'w:name') current.name = attr(tag, 'val') ?? ''
      else if (tag.name === 'w:basedOn') current.basedOn = attr(tag, 'val') ?? null
      else if (tag.name === 'w:numId') current.numId = attr(tag, 'val') ?? null
      else if (tag.name === 'w:ilvl') current.level = Number(attr(tag, 'val') ?? 0)
      else if (tag.name === 'w:outlineLvl') current.heading = true
      else if (tag.name === 'w:b' && path.includes('w:rPr')) current.bold = on(tag)
    },
    close: (name) => {
      if (name === 'w:style' && current) {
        const { id, ...style } = current
        styles.set(id, {
          ...style,
          heading: style.heading || HEADING_STYLES.test(style.name) || HEADING_STYLES.test(id),
        })
        current = null
      }
    },
  })
  return styles
}

/** A style's property, looked up through the styles it is based on. */
const inherited = <K extends keyof Style>(
  styles: Map<string, Style>,
  id: string | null,
  key: K
): Style[K] | null => {
  for (let seen = 0, at = id; at && seen < 20; seen++) {
    const style = styles.get(at)
    if (!style) return null
    const value = style[key]
    if (value !== null && value !== false) return value
    at = style.basedOn
  }
  return null
}

const FORMATS: ReadonlySet<string> = new Set([
  'decimal',
  'decimalZero',
  'lowerLetter',
  'upperLetter',
  'lowerRoman',
  'upperRoman',
  'bullet',
  'none',
])

const readNumbering = (xml: string | undefined): NumberingDefinitions => {
  const abstracts = new Map<string, NumberingLevel[]>()
  const instances: NumberingDefinitions['instances'] = new Map()
  if (!xml) return { abstracts, instances }
  let abstract: string | null = null
  let instance: string | null = null
  let level: (NumberingLevel & { index: number }) | null = null
  let override: number | null = null
  walk(xml, {
    open: (tag) => {
      const val = attr(tag, 'val')
      switch (tag.name) {
        case 'w:abstractNum':
          abstract = attr(tag, 'abstractNumId') ?? null
          if (abstract !== null) abstracts.set(abstract, [])
          break
        case 'w:num':
          instance = attr(tag, 'numId') ?? null
          if (instance !== null) instances.set(instance, { abstract: '', overrides: new Map() })
          break
        case 'w:abstractNumId':
          if (instance !== null)
            (instances.get(instance) as { abstract: string }).abstract = val ?? ''
          break
        case 'w:lvlOverride':
          override = Number(attr(tag, 'ilvl') ?? 0)
          break
        case 'w:startOverride':
          if (instance !== null && override !== null) {
            const overrides = instances.get(instance)?.overrides
            overrides?.set(override, { ...overrides.get(override), start: Number(val ?? 1) })
          }
          break
        case 'w:lvl':
          level = {
            index: Number(attr(tag, 'ilvl') ?? 0),
            start: 1,
            format: 'decimal',
            text: '',
            legal: false,
            restartAfter: null,
          }
          break
        case 'w:start':
          if (level) level.start = Number(val ?? 1)
          break
        case 'w:numFmt':
          if (level) level.format = (FORMATS.has(val ?? '') ? val : 'decimal') as NumberFormat
          break
        case 'w:lvlText':
          if (level) level.text = val ?? ''
          break
        case 'w:isLgl':
          if (level) level.legal = on(tag)
          break
        case 'w:lvlRestart':
          if (level) level.restartAfter = Number(val ?? 0) - 1
          break
      }
    },
    close: (name) => {
      if (name === 'w:lvl' && level) {
        const { index, ...definition } = level
        if (override !== null && instance !== null) {
          const overrides = instances.get(instance)?.overrides
          overrides?.set(override, { ...overrides.get(override), level: definition })
        } else if (abstract !== null) abstracts.get(abstract)?.splice(index, 0, definition)
        level = null
      } else if (name === 'w:lvlOverride') override = null
      else if (name === 'w:abstractNum') abstract = null
      else if (name === 'w:num') instance = null
    },
  })
  return { abstracts, instances }
}

type OpenParagraph = {
  text: string
  style: string | null
  numId: string | null
  level: number | null
  boldChars: number
  chars: number
  indented: boolean
}

const isCompoundFile = (data: Uint8Array): boolean =>
  data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0

const unzip = (data: Uint8Array, file: string): Record<string, string> => {
  // An encrypted .docx (and an old binary .doc) is an OLE compound file, not a zip.
  if (isCompoundFile(data))
    throw new RecordParseError(
      file,
      'the Word document is encrypted or in the old .doc format; save it as an unprotected .docx'
    )
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(data, {
      filter: (f) =>
        ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].includes(f.name),
    })
  } catch {
    throw new RecordParseError(file, 'not a readable Word document (the .docx archive is corrupt)')
  }
  const decoder = new TextDecoder()
  return Object.fromEntries(
    Object.entries(entries).map(([name, bytes]) => [name, decoder.decode(bytes)])
  )
}

/**
 * Reads the body of `word/document.xml`. Headers, footers, footnotes and comments live in other
 * parts of the package and are not read; deleted revisions, field codes and hidden text are skipped.
 */
export const readDocx = (data: Uint8Array, file: string): SourceDocument => {
  const parts = unzip(data, file)
  const xml = parts['word/document.xml']
  if (!xml) throw new RecordParseError(file, 'not a Word document (it has no word/document.xml)')
  const styles = readStyles(parts['word/styles.xml'])
  const counter = new NumberingCounter(readNumbering(parts['word/numbering.xml']))
  const blocks: SourceBlock[] = []
  const stack: OpenParagraph[] = []
  let bold = false
  let hidden = false
  try {
    walk(xml, {
      open: (tag, path) => {
        const paragraph = stack.at(-1)
        switch (tag.name) {
          case 'w:p':
            stack.push({
              text: '',
              style: null,
              numId: null,
              level: null,
              boldChars: 0,
              chars: 0,
              indented: false,
            })
            return
          case 'w:r':
            bold = false
            hidden = false
            return
        }
        if (!paragraph) return
        const inRunProperties = path.at(-1) === 'w:rPr' && path.at(-2) === 'w:r'
        if (tag.name === 'w:b' && inRunProperties) bold = on(tag)
        else if (tag.name === 'w:vanish' && inRunProperties) hidden = on(tag)
        else if (tag.name === 'w:pStyle') paragraph.style = attr(tag, 'val') ?? null
        else if (tag.name === 'w:numId' && path.includes('w:pPr'))
          paragraph.numId = attr(tag, 'val') ?? null
        else if (tag.name === 'w:ilvl' && path.includes('w:pPr'))
          paragraph.level = Number(attr(tag, 'val') ?? 0)
        else if (tag.name === 'w:ind' && path.at(-1) === 'w:pPr')
          paragraph.indented = Number(attr(tag, 'firstLine') ?? 0) > 0
        else if (!hidden && !path.includes('w:del') && path.includes('w:r')) {
          if (tag.name === 'w:tab') paragraph.text += '\t'
          else if (tag.name === 'w:br' || tag.name === 'w:cr') paragraph.text += '\n'
          else if (tag.name === 'w:noBreakHyphen') paragraph.text += '-'
        }
      },
      text: (text, path) => {
        const paragraph = stack.at(-1)
        if (!paragraph || hidden || path.at(-1) !== 'w:t' || path.includes('w:del')) return
        paragraph.text += text
        paragraph.chars += text.length
        if (bold) paragraph.boldChars += text.length
      },
      close: (name) => {
        if (name !== 'w:p') return
        const paragraph = stack.pop()
        if (paragraph) blocks.push(...blockOf(paragraph, styles, counter))
      },
    })
  } catch (error) {
    if (error instanceof RecordParseError) throw error
    throw new RecordParseError(
      file,
      `the Word document's XML is malformed: ${(error as Error).message}`
    )
  }
  return { format: 'docx', blocks, furniture: [], footnotes: [], warnings: [] }
}

const blockOf = (
  paragraph: OpenParagraph,
  styles: Map<string, Style>,
  counter: NumberingCounter
): SourceBlock[] => {
  const lines = paragraph.text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  // An empty numbered paragraph still takes its number, as Word shows it.
  const numId = paragraph.numId ?? inherited(styles, paragraph.style, 'numId')
  const level = paragraph.level ?? inherited(styles, paragraph.style, 'level') ?? 0
  const numbered = numId && numId !== '0' ? counter.next(numId, level) : null
  if (lines.length === 0) return []
  const styleBold = inherited(styles, paragraph.style, 'bold') === true
  const bold = styleBold || (paragraph.chars > 0 && paragraph.boldChars >= 0.9 * paragraph.chars)
  return [
    sourceBlock(lines.join(' '), {
      lines,
      label: numbered ? (numbered.bullet ? '•' : numbered.label) : null,
      heading: inherited(styles, paragraph.style, 'heading') === true || (bold && !numbered),
      indented: paragraph.indented,
    }),
  ]
}
