// The cover of a record: where its body begins, and the masthead fields its lines state.
import type { SourceBlock } from '../ingest/source.ts'
import { LANGUAGE_NAMES, isoDate } from '../language/english.ts'
import type { Masthead } from './block.ts'
import { blankMasthead } from './block.ts'
import {
  BODY_OPENING,
  MASTHEAD,
  ORGAN_PREFIXES,
  REPORT_OF_STATE,
  SYMBOL,
  SYMBOL_BODIES,
} from './conventions.ts'
import { isStateName, stateDisplayName } from './states.ts'

/** Whether a cover line is one of the masthead's own fields, the contents, or the correction notice. */
const isCoverField = (text: string): boolean =>
  SYMBOL.test(text) ||
  isoDate(text) !== null ||
  Object.entries(MASTHEAD).some(([name, pattern]) => name !== 'body' && pattern.test(text))

/**
 * Where the body of a record starts: at its opening procedural line ("The meeting was called to
 * order …"), or at the first numbered or attributed paragraph together with the headings just
 * before it on the same page, but never before the correction notice that closes a cover. A
 * heading that repeats an earlier line (an agenda item first listed under "Contents") is body.
 */
export const bodyStart = (
  blocks: readonly SourceBlock[],
  opensBody: (block: SourceBlock) => boolean
): number => {
  // The notice is looked for only before the body could begin, so that a paragraph about
  // correcting a record is never taken for it.
  const earliest = blocks.findIndex((b) => BODY_OPENING.test(b.text) || opensBody(b))
  const notice = blocks.findIndex(
    (b, i) => (earliest < 0 || i < earliest) && MASTHEAD.notice.test(b.text)
  )
  const floor = notice + 1
  const opening = blocks.findIndex((b, i) => i >= floor && BODY_OPENING.test(b.text))
  const first = blocks.findIndex((b, i) => i >= floor && opensBody(b))
  if (first < 0 && opening < 0) return notice >= 0 ? floor : 0
  if (opening >= 0 && (first < 0 || opening <= first)) return opening
  let start = first
  const taken = new Set<string>()
  const typographic = blocks.some((b) => b.heading)
  while (start - 1 >= floor) {
    const before = blocks[start - 1] as SourceBlock
    const after = blocks[start] as SourceBlock
    // Where the format marks headings (bold, a heading style), only a marked one counts.
    const heading = typographic
      ? before.heading
      : before.heading || before.indented || !/[.?!:;]$/.test(before.text)
    if (!heading || isCoverField(before.text) || before.text.length > 300) break
    if (before.page !== null && after.page !== null && before.page !== after.page) break
    if (taken.has(before.text)) break
    // The line under a report's title names what it reports on ("Slovenia"): it is the title's.
    const title = blocks[start - 2]
    if (title && MASTHEAD.report.test(title.text)) break
    const earlier = blocks.slice(0, start - 1).some((b) => b.text === before.text)
    taken.add(before.text)
    start--
    if (earlier) break
  }
  return start
}

const capitalised = (word: string): string =>
  word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()

/** The body a symbol belongs to: "CMW/C/SR.593" → "CMW", "A/HRC/59/15" → "HRC", "E/C.12/…" → "CESCR". */
export const bodyAcronymOf = (symbol: string): string | null => {
  const parts = symbol.split('/')
  for (const [prefix, acronym] of SYMBOL_BODIES) if (symbol.startsWith(prefix)) return acronym
  const first = parts[0] ?? ''
  const acronym = ORGAN_PREFIXES.has(first) ? parts[1] : first
  return acronym && /^[A-Z]{2,}$/.test(acronym) ? acronym : null
}

/** The symbol of a record: a running head repeated on its pages, else the first symbol on its cover. */
const symbolOf = (lines: readonly string[], furniture: readonly string[]): string | null => {
  const counts = new Map<string, number>()
  for (const line of furniture) if (SYMBOL.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1)
  const running = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  return running ?? lines.find((l) => SYMBOL.test(l)) ?? null
}

const ORDINAL_SESSION = /(?:first|second|third|\p{L}+th|\d+(?:st|nd|rd|th))\s+session$/iu

/** The masthead fields the cover states; fields it does not state are null or empty. */
export const readMasthead = (
  cover: readonly SourceBlock[],
  furniture: readonly string[] = []
): Omit<Masthead, 'symbol'> & { symbol: string | null } => {
  const symbol = symbolOf(
    cover.flatMap((b) => b.lines),
    furniture
  )
  const masthead = { ...blankMasthead(symbol), bodyAcronym: symbol ? bodyAcronymOf(symbol) : null }
  let inContents = false
  let tableOfContents = false
  let afterReportTitle = false
  // A field is a line of a block (a masthead printed as one block) or a whole block (a field
  // wrapped over two lines); a contents entry is a line.
  const lines = cover.flatMap((b) =>
    b.lines.length > 1
      ? [...b.lines.map((l) => ({ line: l, entry: true })), { line: b.text, entry: false }]
      : [{ line: b.text, entry: true }]
  )
  // A field that opens on one line and ends on the next ("Held at the Palais des Nations,
  // Geneva," / "on Thursday, 15 March 2001, at 3 p.m.") is also read as one line.
  const fields = lines.flatMap((field, i) => {
    const next = lines[i + 1]
    const unfinished =
      (/^Held\s+at\b/i.test(field.line) && !MASTHEAD.held.test(field.line)) ||
      (MASTHEAD.summaryRecord.test(field.line) && !/\bmeetings?\b/i.test(field.line))
    return unfinished && next
      ? [field, { line: `${field.line} ${next.line}`, entry: false }]
      : [field]
  })
  for (const { line: raw, entry } of fields) {
    const line = raw.trim()
    if (MASTHEAD.notice.test(line)) break
    if (MASTHEAD.contents.test(line)) {
      inContents = true
      continue
    }
    if (inContents) {
      // A report's table of contents (dot leaders, paragraph and page numbers) lists no agenda.
      if (MASTHEAD.contentsLine.test(line) || /^[\d–\s-]+$/.test(line)) tableOfContents = true
      else if (entry && !/^(?:paragraphs|page)(?:\s+page)?$/i.test(line))
        masthead.agendaItems.push(line)
      continue
    }
    const held = MASTHEAD.held.exec(line)?.groups
    if (held && masthead.date === null) {
      masthead.place = held.place ?? null
      masthead.date = isoDate(held.date ?? '')
      // "at 10 a.m." keeps its full stop; a sentence's own full stop goes.
      masthead.time = held.time?.replace(/(?<![ap]\.m)\.$/, '') ?? null
      continue
    }
    const chair = MASTHEAD.chair.exec(line)?.groups
    if (chair?.name) {
      const name = chair.name.replace(/\s*\([^)]*\)\s*$/, '').trim()
      if (/temporary|acting|interim/i.test(chair.title ?? '')) masthead.temporaryChair = name
      else masthead.chair ??= name
      continue
    }
    const later = MASTHEAD.later.exec(line)?.groups
    if (later?.name && /^\(?later\b/i.test(line)) {
      masthead.laterChairs.push(later.name.replace(/\s*\([^)]*\)\s*$/, '').trim())
      continue
    }
    if (MASTHEAD.summaryRecord.test(line) && masthead.recordKind === null) {
      masthead.recordKind = /\(partial\)/i.test(line) ? 'partial summary record' : 'summary record'
      const number = /(\d+)(?:st|nd|rd|th)\s+meeting/i.exec(line)
      if (number?.[1]) {
        masthead.meetingNumber = Number(number[1])
        masthead.meeting = `${number[1]}${/(\d+)(st|nd|rd|th)/i.exec(line)?.[2]?.toLowerCase() ?? 'th'} meeting`
      }
      masthead.part =
        (/\b(first|second|third)\s+part\b/i.exec(line)?.[1]?.toLowerCase() as Masthead['part']) ??
        null
      masthead.access =
        (/\((public|closed)\)/i.exec(line)?.[1]?.toLowerCase() as Masthead['access']) ?? null
      continue
    }
    if (MASTHEAD.report.test(line) && masthead.recordKind === null) {
      masthead.recordKind = 'report'
      afterReportTitle = true
      continue
    }
    const original = MASTHEAD.original.exec(line)?.groups?.language
    if (original) {
      masthead.originalLanguage = capitalised(original)
      continue
    }
    if (LANGUAGE_NAMES.has(line.toLowerCase())) {
      masthead.language = capitalised(line)
      continue
    }
    const date = isoDate(line)
    if (date) {
      masthead.distributed ??= date
      continue
    }
    if (ORDINAL_SESSION.test(line) && MASTHEAD.session.test(line)) {
      masthead.session ??= line
      continue
    }
    if (MASTHEAD.body.test(line) && !MASTHEAD.treaty.test(line)) {
      masthead.body ??= line.replace(/\s+/g, ' ')
      continue
    }
    if (afterReportTitle && isStateName(line.replace(/\*+$/, ''))) {
      masthead.state ??= stateDisplayName(line.replace(/\*+$/, ''))
    }
  }
  if (tableOfContents) masthead.agendaItems = []
  masthead.state ??= stateUnderReview(masthead.agendaItems) ?? titleState(cover)
  return masthead
}

/** A State that ends a title line: "ADVANCE QUESTIONS TO SLOVENIA". */
const titleState = (cover: readonly SourceBlock[]): string | null => {
  for (const line of cover.flatMap((b) => b.lines)) {
    const words = line.trim().split(/\s+/)
    for (let n = Math.min(8, words.length - 1); n >= 1; n--) {
      const name = words.slice(-n).join(' ')
      if (isStateName(name)) return stateDisplayName(name)
    }
  }
  return null
}

/** The State a heading or agenda line names as under review: "Fourth periodic report of Mexico" → "Mexico". */
export const stateUnderReview = (lines: readonly string[]): string | null => {
  for (const line of lines) {
    const groups = REPORT_OF_STATE.exec(line)?.groups
    const state = groups?.state?.trim()
    if (!state) continue
    // "Bolivia (Plurinational State of)": a parenthesis may be part of the name.
    const withParenthesis = `${state} (${groups?.parenthesis ?? ''})`
    if (groups?.parenthesis && isStateName(withParenthesis)) return withParenthesis
    if (isStateName(state)) return stateDisplayName(state)
  }
  return null
}
