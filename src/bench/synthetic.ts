// Seeded synthetic corpora recombined from a record's own sentences, names and figures varied.
import type { Block, ParsedRecord, Masthead } from '../records/block.ts'
import { blankMasthead, slugFor } from '../records/block.ts'
import { splitSentences } from '../text/sentences.ts'

/** mulberry32: a small, fast, seedable PRNG, so corpora are reproducible. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES =
  `Abdullah Achterberg Bakari Castillo Dlamini Eriksen Fofana Gonzaga Haddad Ibrahimov Jovanović Kamara
  Lindqvist Mensah Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Uwimana Varga Wójcik Xu Yilmaz Zulu Amadou Bianchi
  Chaudhry Delgado Estévez Farouk Gueye Hosseini Ivanova Jensen Kowalski`.split(/\s+/)
const STATES =
  `Mexico Colombia Guatemala Honduras Ecuador Peru Morocco Senegal Philippines Indonesia Bangladesh Nepal
  Egypt Tunisia Ghana Kenya Uganda Bolivia Paraguay Chile Argentina Türkiye Albania Georgia Azerbaijan`.split(
    /\s+/
  )

/**
 * `paragraphs` paragraphs in records of 200, each of 2–4 sentences spliced from two of the
 * source's (the start of one, the end of another) with their figures redrawn, "Mexico" replaced by
 * another State and titled names by others, under varied speakers. Splicing keeps the record's
 * vocabulary and style without copying any sentence a thousand times over: whole-sentence copies
 * differing only in a figure tie in vector space, which no real corpus does and which makes
 * nearest-neighbour recall meaningless.
 */
export const syntheticRecords = (
  source: Block[],
  paragraphs: number,
  seed = 593
): ParsedRecord[] => {
  const random = seededRandom(seed)
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T
  const sentences = source
    .filter((b) => b.kind === 'paragraph')
    .flatMap((b) => splitSentences(b.text).map(({ start, end }) => b.text.slice(start, end)))
  const vary = (sentence: string, state: string) =>
    sentence
      .replace(/\d+/g, (digits) =>
        String(Math.floor(random() * 10 ** digits.length)).padStart(digits.length, '1')
      )
      .replace(/Mexic(o|an)/g, (_, ending: string) => (ending === 'o' ? state : `${state}-based`))
      .replace(
        /\b(Mr|Ms)\. [A-Z][\w-]+(?: [A-Z][\w-]+)?/g,
        (_, title: string) => `${title}. ${pick(SURNAMES)}`
      )
  // Cut each sentence somewhere in its middle third.
  const cut = (words: number) => Math.max(1, Math.floor(words / 3 + (random() * words) / 3))
  const splice = (start: string, end: string) => {
    const head = start.split(' ')
    const tail = end.split(' ')
    return [...head.slice(0, cut(head.length)), ...tail.slice(cut(tail.length))].join(' ')
  }
  const records: ParsedRecord[] = []
  for (let first = 0; first < paragraphs; first += 200) {
    const number = records.length + 1
    const state = pick(STATES)
    const meta: Masthead = {
      ...blankMasthead(`SYN/C/SR.${number}`),
      body: 'Synthetic Committee',
      session: 'Synthetic session',
      meeting: `${number}th meeting`,
      meetingNumber: number,
      recordKind: 'summary record',
      date: '2025-01-01',
      place: 'Geneva',
      chair: `Ms. ${pick(SURNAMES)}`,
      state,
    }
    const blocks: Block[] = []
    for (let n = 1; n <= Math.min(200, paragraphs - first); n++) {
      const delegation = random() < 0.4
      const text = Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
        vary(splice(pick(sentences), pick(sentences)), state)
      ).join(' ')
      blocks.push({
        id: String(n),
        record: meta.symbol,
        kind: 'paragraph',
        paragraph: n,
        label: String(n),
        order: n - 1,
        text,
        speaker: delegation
          ? `A representative of ${state}`
          : `${pick(['Mr.', 'Ms.'])} ${pick(SURNAMES)}`,
        role: delegation ? 'state_delegation' : 'committee_member',
        roles: delegation ? ['state_delegation'] : ['committee_member'],
        state: delegation ? state : null,
        turnStart: true,
      })
    }
    records.push({
      meta,
      slug: slugFor(meta.symbol),
      file: `${slugFor(meta.symbol)}.txt`,
      format: 'text',
      numbering: 'recounted',
      roster: [],
      warnings: [],
      blocks,
    })
  }
  return records
}
