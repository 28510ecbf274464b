// Turns a read document into a record: cover and masthead, headings and procedural lines, numbered paragraphs, speakers.
import { RecordParseError } from '../errors.ts'
import type { SourceBlock, SourceDocument } from '../ingest/source.ts'
import { normalizeWhitespace } from '../text/normalize.ts'
import { openingOf } from './attribution.ts'
import type { Block, BlockKind, Masthead, Numbering, ParsedRecord } from './block.ts'
import { slugFor } from './block.ts'
import { withoutBidi } from './citation.ts'
import { PROCEDURAL, SECTION_LABEL, TOOK_THE_CHAIR } from './conventions.ts'
import { bodyStart, readMasthead } from './masthead.ts'
import type { Label } from './numbering.ts'
import { generatedLabel, numberingWarnings, printedLabel } from './numbering.ts'
import { attributeSpeakers } from './speakers.ts'

// Word's hidden bookmarks survive a .docx conversion as "[bookmark: _Hlk195614301]".
const ARTEFACTS = /\[bookmark:[^\]]*\]/g
const SENTENCE_END = /[.?!:;"”’)]$/u
const LONGEST_HEADING = 300
const LONGEST_CHAIR_CHANGE = 120
// A title that ends by citing its documents: "Tenth periodic report of Mongolia (CEDAW/C/MNG/10; …)".
const DOCUMENT_REFERENCE = /^[^.!?]*\((?:[A-Z][\w.]*\/[^()]*)\)$/u

type Candidate = { kind: BlockKind; text: string; label: Label | null; source: SourceBlock }

/** What a body block is: a procedural line, a heading, or a paragraph (with the number it prints). */
const classify = (source: SourceBlock): Candidate => {
  const { text } = source
  const printed = printedLabel(text)
  const generated = generatedLabel(source.label)
  if (printed) return { kind: 'paragraph', text: printed.rest, label: printed, source }
  if (generated) return { kind: 'paragraph', text, label: generated, source }
  // A change of chair is a procedural line like a suspension: "Mr. Y (Vice-Chair) took the Chair."
  if (PROCEDURAL.test(text) || (TOOK_THE_CHAIR.test(text) && text.length <= LONGEST_CHAIR_CHANGE))
    return { kind: 'procedural', text, label: null, source }
  const short = text.length <= LONGEST_HEADING
  // A list item, or text running on in lower case, is never a heading.
  const listItem = source.label !== null || /^[•·▪\p{Ll}]/u.test(text)
  const headingLike =
    source.heading ||
    SECTION_LABEL.test(text) ||
    source.indented ||
    /\((?:continued|concluded|resumed)\)/i.test(text) ||
    DOCUMENT_REFERENCE.test(text) ||
    !SENTENCE_END.test(text)
  return {
    kind: short && headingLike && !listItem ? 'heading' : 'paragraph',
    text,
    label: null,
    source,
  }
}

/**
 * A procedural line is a line of its own in every record; one that a layout ran on into the text
 * before it ("… within one week. The meeting was called to order at 3.10 p.m.") is split off.
 */
const splitProcedural = (block: SourceBlock): SourceBlock[] => {
  for (const match of block.text.matchAll(/[.;:] (?=The )/g)) {
    const at = match.index + 2
    const rest = block.text.slice(at)
    if (PROCEDURAL.test(rest) && rest.length <= LONGEST_HEADING)
      return [
        { ...block, text: block.text.slice(0, at - 1), lines: [block.text.slice(0, at - 1)] },
        { ...block, text: rest, lines: [rest], heading: false },
      ]
  }
  return [block]
}

/** An unnumbered paragraph in a numbered record that continues the paragraph before it: a list item, a lower-case start. */
const continues = (text: string, previous: string): boolean =>
  /^[\p{Ll}(•·▪–-]/u.test(text) || /[:;,]$/.test(previous) || !/[.?!"”’)]$/u.test(previous)

export type ParseOptions = {
  /** The file the record was read from, for messages. */
  file: string
  /** Fields a sidecar sets, over what the document states. */
  override?: Partial<Masthead>
}

/**
 * Parses a read document into a record. Throws RecordParseError naming the file when it has no
 * symbol (neither printed nor given by a sidecar) or no paragraphs.
 */
export const parseDocument = (
  document: SourceDocument,
  { file, override = {} }: ParseOptions
): ParsedRecord => {
  const sources = document.blocks
    .map((b) => ({ ...b, text: normalizeWhitespace(b.text.replace(ARTEFACTS, '')) }))
    .filter((b) => b.text !== '')
    .flatMap(splitProcedural)
  const start = bodyStart(
    sources,
    (b) => printedLabel(b.text) !== null || b.label !== null || openingOf(b.text) !== null
  )
  const found = readMasthead(sources.slice(0, start), document.furniture)
  const meta = { ...found, ...override } as Masthead & { symbol: string | null }
  // A symbol is an identifier: controls that reorder how it shows have no place in it.
  const symbol = meta.symbol === null ? '' : withoutBidi(meta.symbol).trim()
  if (!symbol) {
    throw new RecordParseError(
      file,
      'no document symbol: the document prints none that was found, and there is no sidecar giving one (add a JSON sidecar with {"symbol": "…"})'
    )
  }
  const masthead: Masthead = { ...meta, symbol }
  const candidates = sources.slice(start).map(classify)
  const paragraphs = candidates.filter((c) => c.kind === 'paragraph')
  const numbered = paragraphs.filter((c) => c.label !== null).length
  const numbering: Numbering =
    numbered > 0 && numbered >= 0.5 * paragraphs.length ? 'printed' : 'recounted'
  const warnings = [...document.warnings]
  if (numbering === 'recounted' && numbered > 0) {
    warnings.push(
      `${numbered} of ${paragraphs.length} paragraphs print a number and the rest do not, so every paragraph was numbered anew`
    )
  }
  const shaped = numbering === 'printed' ? mergeUnnumbered(nestItems(candidates)) : candidates
  const blocks = assemble(shaped, numbering, masthead)
  if (!blocks.some((b) => b.kind === 'paragraph'))
    throw new RecordParseError(file, 'no paragraphs found (is it a summary record?)')
  if (numbering === 'printed')
    warnings.push(...numberingWarnings(blocks.flatMap((b) => (b.label ? [b.label] : []))))
  const { speaking, roster } = attributeSpeakers(blocks, masthead)
  speaking.forEach((s, i) => {
    const block = blocks[i] as Block
    Object.assign(block, {
      speaker: s.speaker,
      roles: s.roles,
      role: s.roles[0] ?? 'other',
      state: s.state,
      turnStart: s.turnStart,
    })
  })
  const dialogue =
    blocks.find((b) => b.kind === 'heading' && /\breports?\s+of\b/i.test(b.text))?.text ?? null
  return {
    meta: {
      ...masthead,
      dialogue: masthead.dialogue ?? dialogue,
      state: masthead.state ?? speakingState(blocks),
    },
    slug: slugFor(masthead.symbol),
    file,
    format: document.format,
    numbering,
    roster,
    warnings,
    blocks,
  }
}

/** The State whose delegation speaks most, when the cover does not name one. */
const speakingState = (blocks: readonly Block[]): string | null => {
  const counts = new Map<string, number>()
  for (const b of blocks)
    if (b.state && b.roles.includes('state_delegation'))
      counts.set(b.state, (counts.get(b.state) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

/**
 * Items numbered afresh inside a paragraph ("97. The recommendations … were: 1. To ratify …"),
 * set in from the margin where the paragraph numbers are not, are that paragraph's items: "97.1".
 */
const nestItems = (candidates: readonly Candidate[]): Candidate[] => {
  const labelled = candidates.filter((c) => c.label !== null)
  if (labelled.filter((c) => !c.source.indented).length < 0.5 * labelled.length)
    return [...candidates]
  let main: number | null = null
  return candidates.map((candidate) => {
    const { label } = candidate
    if (!label || label.label.includes('.')) return candidate
    if (main !== null && candidate.source.indented && label.number !== main + 1) {
      return { ...candidate, label: { label: `${main}.${label.number}`, number: main } }
    }
    main = label.number
    return candidate
  })
}

/**
 * In a numbered record, an unnumbered paragraph either continues the numbered one before it (a
 * list item, a sentence running on) or stands apart unnumbered, like a procedural line.
 */
const mergeUnnumbered = (candidates: readonly Candidate[]): Candidate[] => {
  const merged: Candidate[] = []
  for (const candidate of candidates) {
    const previous = merged.at(-1)
    if (candidate.kind !== 'paragraph' || candidate.label !== null) merged.push(candidate)
    else if (
      previous?.kind === 'paragraph' &&
      previous.label !== null &&
      continues(candidate.text, previous.text)
    )
      merged[merged.length - 1] = { ...previous, text: `${previous.text} ${candidate.text}` }
    else merged.push({ ...candidate, kind: 'procedural' })
  }
  return merged
}

/** Numbers and ids: printed numbers as printed (a repeat gets "-2"), or 1..N recounted. */
const assemble = (
  candidates: readonly Candidate[],
  numbering: Numbering,
  meta: Masthead
): Block[] => {
  const counters = { heading: 0, procedural: 0, paragraph: 0 }
  const ids = new Map<string, number>()
  return candidates.map((candidate, order): Block => {
    const base = {
      record: meta.symbol,
      order,
      text: candidate.text,
      speaker: null,
      role: 'other' as const,
      roles: ['other' as const],
      state: null,
      turnStart: false,
    }
    if (candidate.kind !== 'paragraph') {
      return {
        ...base,
        id: `${candidate.kind}-${++counters[candidate.kind]}`,
        kind: candidate.kind,
        paragraph: null,
        label: null,
      }
    }
    const n = ++counters.paragraph
    const label =
      numbering === 'printed' && candidate.label ? candidate.label : { label: String(n), number: n }
    const seen = (ids.get(label.label) ?? 0) + 1
    ids.set(label.label, seen)
    return {
      ...base,
      id: seen === 1 ? label.label : `${label.label}-${seen}`,
      kind: 'paragraph',
      paragraph: label.number,
      label: label.label,
    }
  })
}
