// The dialogue map of a library: records grouped into dialogues, each question linked to its replies, built once per corpus.
import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import { termStatsOf } from '../index/lexical.ts'
import { recordBySymbol } from '../index/search-index.ts'
import { SifEmbeddings } from '../index/sif-embeddings.ts'
import type { Block, RecordInfo } from '../records/block.ts'
import { citationFor } from '../records/block.ts'
import { ASKING_ROLES } from '../records/roles.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import { onSide } from '../retrieve/search.ts'
import type { Linked } from './link.ts'
import { linkReplies } from './link.ts'
import { questionsIn } from './questions.ts'
import { isRequest } from '../text/requests.ts'
import { splitSentences } from '../text/sentences.ts'
import type { DialogueMap, DialogueQuestion, DialogueScope } from './schema.ts'
import { REPLY_STATUSES } from './schema.ts'

/**
 * Which dialogue a record belongs to: its dialogue heading without "(continued)" and the
 * documents' symbols, so that the two meetings of one review are one dialogue.
 */
export const dialogueKey = (record: RecordInfo): string =>
  record.dialogue
    ? `${record.body ?? ''}|${record.dialogue
        .replace(/\((?:continued|suite|cont\.?)\)/gi, '')
        .replace(/\([^)]*\/[^)]*\)/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase()}`
    : `record|${record.symbol}`

/**
 * The records of each dialogue in the order they were held: by meeting date (or, for a report, its
 * distribution date), then meeting number; a document with neither (questions sent in advance)
 * comes first.
 */
const inDialogueOrder = (a: RecordInfo, b: RecordInfo): number =>
  (a.date ?? a.distributed ?? '').localeCompare(b.date ?? b.distributed ?? '') ||
  (a.meetingNumber ?? 0) - (b.meetingNumber ?? 0) ||
  a.symbol.localeCompare(b.symbol)

/**
 * The embedder a dialogue's map is worked out with, and the sentence vectors of its replies
 * (`answering`). SIF's common component is fitted on the library's sentences, so it is fitted
 * afresh on the dialogue's own, and the replies' vectors come from that same pass: a dialogue's
 * map then depends on its records alone, not on what else the library holds. Any other embedder
 * is used as it is.
 */
const dialogueVectors = async (
  corpus: Corpus,
  blocks: readonly Block[],
  answering: readonly Block[]
): Promise<{ embeddings: EmbeddingsInterface; replies: Map<Block, number[][]> }> => {
  const { embeddings } = corpus.index
  const sentencesOf = (b: Block) => corpus.sentences(b).map((s) => s.text)
  if (!(embeddings instanceof SifEmbeddings)) {
    const replies = await Promise.all(
      answering.map(async (b) => [b, await embeddings.embedDocuments(sentencesOf(b))] as const)
    )
    return { embeddings, replies: new Map(replies) }
  }
  const texts = blocks.map(sentencesOf)
  const fitted = embeddings.fitDocuments(texts.flat())
  const byBlock = new Map<Block, number[][]>()
  let at = 0
  blocks.forEach((b, i) => {
    const n = texts[i]?.length ?? 0
    byBlock.set(b, fitted.vectors.slice(at, at + n))
    at += n
  })
  return {
    embeddings: fitted.embeddings,
    replies: new Map(answering.map((b) => [b, byBlock.get(b) ?? []])),
  }
}

/** Whether a paragraph opens a turn of questions: a member's or another State's, or the Chair's when it asks. */
const opensTurn = (block: Block): boolean =>
  block.kind === 'paragraph' &&
  block.roles.some((r) => ASKING_ROLES.includes(r)) &&
  (block.roles.some((r) => r !== 'chair') ||
    splitSentences(block.text).some(({ start, end }) => isRequest(block.text.slice(start, end))))

/**
 * Each block's exchange in a dialogue's blocks (in order, across its meetings): a new one starts
 * where a paragraph that asks (a Committee member's, another State's; the Chair's only when it
 * asks, not when it gives the floor) follows a delegation one, so the questions of a turn and the
 * replies that follow them share one.
 */
export const exchangesOf = (blocks: readonly Block[]): Map<Block, number> => {
  const exchange = new Map<Block, number>()
  let at = 0
  let replied = false
  for (const block of blocks) {
    if (replied && opensTurn(block)) {
      at += 1
      replied = false
    }
    if (block.kind === 'paragraph' && onSide(block, 'delegation')) replied = true
    exchange.set(block, at)
  }
  return exchange
}

/** How many words name a question's topic. */
const TOPIC_WORDS = 5

const refOf = (block: Block) => ({
  record: block.record,
  block: block.id,
  paragraph: block.paragraph,
  label: block.label,
  citation: citationFor(block),
  speaker: block.speaker,
  role: block.role,
})

const toQuestion = ({ question, status, replies, closest }: Linked): DialogueQuestion => {
  const { block, start, end } = question
  return {
    ...refOf(block),
    id: question.id,
    excerpt: { text: block.text.slice(start, end), start, end },
    // Its heaviest words: what it is about, rather than how it asks.
    topic: [...question.terms]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, TOPIC_WORDS)
      .map((t) => t.word),
    status,
    replies: replies.map((r) => ({
      ...refOf(r.block),
      score: r.score,
      excerpt: { text: r.block.text.slice(r.start, r.end), start: r.start, end: r.end },
    })),
    closest: closest.map(refOf),
  }
}

const mapOf = (
  record: string,
  scope: DialogueScope,
  records: string[],
  questions: DialogueQuestion[]
): DialogueMap => {
  const counts = Object.fromEntries(
    REPLY_STATUSES.map((s) => [s, questions.filter((q) => q.status === s).length])
  ) as Record<(typeof REPLY_STATUSES)[number], number>
  return { record, scope, records, counts: { questions: questions.length, ...counts }, questions }
}

/** Every record's map, worked out once: the questions asked in it and their replies in its dialogue. */
export class Dialogues {
  readonly #maps = new Map<string, DialogueMap>()

  constructor(readonly corpus: Corpus) {}

  /** The map of one record (by symbol), built with the rest of its dialogue on first use. */
  async of(symbol: string): Promise<DialogueMap> {
    const known = this.#maps.get(symbol)
    if (known) return known
    const { index, policy } = this.corpus
    const record = recordBySymbol(index, symbol)
    if (!record) throw new Error(`no record ${symbol}`)
    const key = dialogueKey(record)
    const records = index.records.filter((r) => dialogueKey(r) === key).sort(inDialogueOrder)
    const rank = new Map(records.map((r, i) => [r.symbol, i]))
    const blocksOf = (r: RecordInfo) => [...(index.recordBlocks.get(r.symbol) ?? [])]
    const all = records.flatMap(blocksOf)
    const position = (b: Block) => (rank.get(b.record) ?? 0) * 1e6 + b.order
    const answering = all.filter((b) => onSide(b, 'delegation'))
    const exchange = exchangesOf(all)
    // Questions sent in advance (a document no one replies in) may be answered in any turn.
    const replied = new Set(answering.map((b) => b.record))
    const exchangesBetween = (asked: Block, reply: Block) =>
      replied.has(asked.record) ? (exchange.get(reply) ?? 0) - (exchange.get(asked) ?? 0) : 0
    const stats = termStatsOf(all)
    const { embeddings, replies } = await dialogueVectors(this.corpus, all, answering)
    for (const r of records) {
      const asked = await questionsIn(this.corpus, blocksOf(r), stats, embeddings)
      const linked = linkReplies(
        this.corpus,
        asked,
        replies,
        { position, exchangesBetween },
        policy
      )
      const questions = linked.map(toQuestion)
      this.#maps.set(
        r.symbol,
        mapOf(
          r.symbol,
          'record',
          records.map((x) => x.symbol),
          questions
        )
      )
    }
    return this.#maps.get(symbol) as DialogueMap
  }

  /**
   * The map of a record (by symbol) in `scope`: its own questions, or those of every record of its
   * dialogue, in the order the meetings were held.
   */
  async in(symbol: string, scope: DialogueScope): Promise<DialogueMap> {
    const own = await this.of(symbol)
    if (scope === 'record') return own
    const maps = await Promise.all(own.records.map((r) => this.of(r)))
    return mapOf(
      symbol,
      scope,
      own.records,
      maps.flatMap((m) => m.questions)
    )
  }
}
