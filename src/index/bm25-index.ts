// The lexical index: BM25+ over blocks' weighted fields, as postings in typed arrays, searched for the top n only.
import { z } from 'zod'

/** A document to index: its key and its fields' text. */
export type Bm25Document = { key: string; fields: { text: string; boost: number }[] }

/**
 * Postings of one term: the documents holding it, ascending, its weighted frequency in each, and
 * the BM25+ term weight that frequency gives in that document, worked out once.
 */
type Postings = { docs: Uint32Array; tfs: Float32Array; weights: Float32Array }

export type Bm25Index = {
  keys: string[]
  /** Each document's weighted length. */
  lengths: Float32Array
  postings: Map<string, Postings>
  /** Per-document score accumulator, reused by every search (searches run one at a time). */
  scratch: Float64Array
}

/** A hit: the document's number (its position in the indexed list) and its score. */
export type Bm25Hit = { doc: number; score: number }

// Robertson's k1 and b, and Lv & Zhai's lower bound δ (BM25+) so that a long block holding a term
// never scores below a short one without it.
const K1 = 1.2
const B = 0.75
const DELTA = 0.5

/**
 * Indexes documents whose fields are turned into terms by `terms`; a term's frequency is the sum
 * of its fields' boosts (a word in the speaker's name counts more than one in the text).
 */
export const buildBm25Index = (
  documents: Bm25Document[],
  terms: (text: string) => string[]
): Bm25Index => {
  const lengths = new Float32Array(documents.length)
  const growing = new Map<string, { docs: number[]; tfs: number[] }>()
  documents.forEach(({ fields }, doc) => {
    const tf = new Map<string, number>()
    for (const { text, boost } of fields) {
      for (const term of terms(text)) {
        tf.set(term, (tf.get(term) ?? 0) + boost)
        lengths[doc] = (lengths[doc] ?? 0) + boost
      }
    }
    for (const [term, frequency] of tf) {
      let list = growing.get(term)
      if (!list) growing.set(term, (list = { docs: [], tfs: [] }))
      list.docs.push(doc)
      list.tfs.push(frequency)
    }
  })
  return assemble(
    documents.map((d) => d.key),
    lengths,
    [...growing].map(([term, { docs, tfs }]) => [term, docs, tfs])
  )
}

/** The index from its stored parts: term weights follow from frequencies and lengths. */
const assemble = (
  keys: string[],
  lengths: Float32Array,
  terms: [string, ArrayLike<number>, ArrayLike<number>][]
): Bm25Index => {
  const average = lengths.length === 0 ? 1 : lengths.reduce((sum, v) => sum + v, 0) / lengths.length
  const postings = new Map<string, Postings>()
  for (const [term, docList, tfList] of terms) {
    const docs = Uint32Array.from(docList)
    const tfs = Float32Array.from(tfList)
    const weights = new Float32Array(docs.length)
    for (let i = 0; i < docs.length; i++) {
      const tf = tfs[i] as number
      const norm = K1 * (1 - B + (B * (lengths[docs[i] as number] as number)) / (average || 1))
      weights[i] = (tf * (K1 + 1)) / (tf + norm) + DELTA
    }
    postings.set(term, { docs, tfs, weights })
  }
  return { keys, lengths, postings, scratch: new Float64Array(keys.length) }
}

/**
 * The best `n` documents for weighted query terms, best first. Only the postings of the query's
 * terms are read, and only n documents are ever sorted.
 */
export const searchBm25 = (
  index: Bm25Index,
  query: { term: string; boost: number }[],
  n: number,
  keep?: (doc: number) => boolean
): Bm25Hit[] => {
  const count = index.keys.length
  const scores = index.scratch
  const touched: number[] = []
  for (const { term, boost } of query) {
    const postings = index.postings.get(term)
    if (!postings) continue
    const { docs, weights } = postings
    const idf = boost * Math.log(1 + (count - docs.length + 0.5) / (docs.length + 0.5))
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number
      if (scores[doc] === 0) touched.push(doc)
      scores[doc] = (scores[doc] as number) + idf * (weights[i] as number)
    }
  }
  const best = new TopN(n)
  for (const doc of touched) {
    if (!keep || keep(doc)) best.offer(doc, scores[doc] as number)
    scores[doc] = 0
  }
  return best.sorted().map(({ item, score }) => ({ doc: item, score }))
}

type Scored = { item: number; score: number }

/** Lower score, or the same score for a later document (ties go to reading order). */
const worse = (a: Scored, b: Scored): boolean =>
  a.score < b.score || (a.score === b.score && a.item > b.item)

/** A bounded heap that keeps the n best items offered, its worst at the root. */
class TopN {
  private readonly heap: Scored[] = []
  constructor(private readonly n: number) {}

  offer(item: number, score: number): void {
    const heap = this.heap
    const entry = { item, score }
    if (heap.length < this.n) {
      heap.push(entry)
      this.up(heap.length - 1)
    } else if (heap[0] && worse(heap[0], entry)) {
      heap[0] = entry
      this.down(0)
    }
  }

  sorted(): Scored[] {
    return [...this.heap].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.isWorse(i, parent)) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let worst = i
      if (left < this.heap.length && this.isWorse(left, worst)) worst = left
      if (right < this.heap.length && this.isWorse(right, worst)) worst = right
      if (worst === i) return
      this.swap(i, worst)
      i = worst
    }
  }

  private isWorse(a: number, b: number): boolean {
    return worse(this.heap[a] as Scored, this.heap[b] as Scored)
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a] as Scored
    this.heap[a] = this.heap[b] as Scored
    this.heap[b] = t
  }
}

/** The stored form: plain arrays, one [docs, tfs] pair per term. */
const StoredBm25Schema = z.object({
  keys: z.array(z.string()),
  lengths: z.array(z.number()),
  postings: z.record(z.string(), z.tuple([z.array(z.number().int()), z.array(z.number())])),
})

export const serializeBm25Index = (index: Bm25Index): string =>
  JSON.stringify({
    keys: index.keys,
    lengths: Array.from(index.lengths),
    postings: Object.fromEntries(
      [...index.postings].map(([term, { docs, tfs }]) => [
        term,
        [Array.from(docs), Array.from(tfs)],
      ])
    ),
  })

/** Restores a stored index; throws when the text is not one. */
export const loadBm25Index = (json: string): Bm25Index => {
  const stored = StoredBm25Schema.parse(JSON.parse(json))
  if (stored.lengths.length !== stored.keys.length) {
    throw new Error('the lexical index has a length for each document')
  }
  const terms = Object.entries(stored.postings).map(
    ([term, [docs, tfs]]): [string, number[], number[]] => {
      if (docs.length !== tfs.length || docs.some((d) => d >= stored.keys.length)) {
        throw new Error(`the lexical postings of "${term}" are malformed`)
      }
      return [term, docs, tfs]
    }
  )
  return assemble(stored.keys, Float32Array.from(stored.lengths), terms)
}
