// Parses a plain-text summary record into ordered, numbered, speaker-attributed blocks.
import { RecordParseError } from '../errors.ts'
import { normalizeWhitespace } from '../text/normalize.ts'
import type { Block, BlockKind, ParsedRecord, RecordMeta, Role } from './block.ts'
import { slugFor } from './block.ts'
import { attributionOf } from './speakers.ts'

// Word's hidden bookmarks survive the .docx conversion as "[bookmark: _Hlk195614301]".
const ARTEFACTS = /\[bookmark:[^\]]*\]/g
const PROCEDURAL =
  /^The (?:meeting|public part of the meeting|closed part of the meeting|discussion covered in the summary record) (?:was called to order|was suspended|was resumed|resumed|rose|was adjourned|was closed|began|ended)\b/i
// A number Word kept as text ("17." or "2.Mr. ..."): UN numbering is recounted, never trusted.
const KEPT_NUMBER = /^\d{1,3}\.\s*(?=\p{Lu})/u
const SENTENCE_END = /[.?!:;"”’)]$/u

/** Classifies one cleaned line. `indented` is whether the raw line began with a tab. */
const kindOf = (line: string, indented: boolean): BlockKind => {
  if (PROCEDURAL.test(line)) return 'procedural'
  if (indented || /\(continued\)/i.test(line) || !SENTENCE_END.test(line)) {
    return line.length <= 300 ? 'heading' : 'paragraph'
  }
  return 'paragraph'
}

/**
 * Parses the text of one record. Throws RecordParseError (naming `file`) when the text is not a
 * summary record: empty, binary, or without a single numbered paragraph.
 */
export const parseRecord = (text: string, meta: RecordMeta, file = meta.symbol): ParsedRecord => {
  if (text.includes('\u0000')) throw new RecordParseError(file, 'binary content (NUL bytes)')
  if (text.includes('\uFFFD')) throw new RecordParseError(file, 'not valid UTF-8 text')
  const blocks: Block[] = []
  const counters = { heading: 0, procedural: 0, paragraph: 0 }
  let turn: { speaker: string | null; roles: Role[] } = { speaker: null, roles: ['other'] }
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = normalizeWhitespace(raw.replace(ARTEFACTS, '')).replace(KEPT_NUMBER, '')
    if (!line) continue
    const kind = kindOf(line, /^\t/.test(raw))
    const number = ++counters[kind]
    const order = blocks.length
    if (kind !== 'paragraph') {
      const id = `${kind}-${number}`
      blocks.push({ ...unattributed(meta, id, kind, order, line), paragraph: null })
      continue
    }
    const attribution = attributionOf(line, meta)
    if (attribution === 'narration') turn = { speaker: null, roles: ['other'] }
    else if (attribution) turn = attribution
    blocks.push({
      id: String(number),
      record: meta.symbol,
      kind,
      paragraph: number,
      order,
      text: line,
      speaker: turn.speaker,
      role: turn.roles[0] ?? 'other',
      roles: turn.roles,
      turnStart: attribution !== null && attribution !== 'narration',
    })
  }
  if (counters.paragraph === 0) throw new RecordParseError(file, 'no numbered paragraphs found')
  return { meta, slug: slugFor(meta.symbol), blocks }
}

const unattributed = (
  meta: RecordMeta,
  id: string,
  kind: BlockKind,
  order: number,
  text: string
): Omit<Block, 'paragraph'> => ({
  id,
  record: meta.symbol,
  kind,
  order,
  text,
  speaker: null,
  role: 'other',
  roles: ['other'],
  turnStart: false,
})
