// The indexed corpus as the query path reads it, and the caches that keep it fast: one owner, built once per index in the composition root.
import { BoundedCache } from '../bounded-cache.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { structuralLabel } from '../index/lexical.ts'
import { NAME_CONNECTORS, STOPWORDS } from '../language/english.ts'
import type { Policy } from '../policy.ts'
import { DEFAULT_POLICY } from '../policy.ts'
import type { Block } from '../records/block.ts'
import { isRecommendation } from '../records/recommendation.ts'
import { ASKING_ROLES } from '../records/roles.ts'
import { STATE_NAMES } from '../records/states.ts'
import { acronymsOf, glossaryOf, spelledOut } from '../text/acronyms.ts'
import { splitSentences } from '../text/sentences.ts'
import type { Token } from '../text/tokenize.ts'
import { stem, tokenize } from '../text/tokenize.ts'
import { speakerFilter } from './speaker.ts'

/** The words of a passage, as stems, and as vocabulary ranks with their words, for matching. */
export type PassageWords = {
  stems: Set<string>
  /** The acronyms its capitalised names make ("upr" for "Universal Periodic Review"), lower-cased. */
  acronyms: Set<string>
  ranks: number[]
  words: string[]
  /** Verdicts of term matching on this passage, by term key. */
  matches: Map<string, number>
}

/** The stems and acronyms a record uses anywhere. */
export type RecordWords = { stems: Set<string>; acronyms: Set<string> }

/** A sentence of a block: its offsets, its text, and its words with the block's structural label. */
export type BlockSentence = { start: number; end: number; text: string; words: PassageWords }

export type Expansion = { word: string; weight: number }

/** Most term verdicts kept per passage: blocks live as long as the index. */
const MAX_VERDICTS = 4_096

/**
 * The corpus and what is worked out from it on demand: tokens and stems of texts, the words and
 * sentences of blocks, sentence vectors, speaker groups, a stranger word's nearest corpus words.
 * Each cache is bounded or keyed by the index's own blocks, and dies with the corpus.
 */
export class Corpus {
  readonly #tokens = new BoundedCache<string, readonly Token[]>(4_096)
  readonly #stems = new BoundedCache<string, string>(200_000)
  readonly #passages = new BoundedCache<string, PassageWords>(50_000)
  readonly #blocks = new WeakMap<Block, { words: PassageWords; sentences: BlockSentence[] }>()
  readonly #vectors = new WeakMap<Block, Promise<number[][]>>()
  readonly #admitted = new BoundedCache<string, ReadonlySet<Block>>(256)
  readonly #expansions = new BoundedCache<string, Expansion[]>(10_000)
  readonly #recordWords = new Map<string, RecordWords>()
  readonly #glossaries = new Map<string, ReadonlyMap<string, string>>()
  #groups: Block[][] | null = null
  readonly #askers = new Map<string, readonly string[]>()
  #nameStems: ReadonlySet<string> | null = null
  #recommendations: ReadonlySet<Block> | null = null
  #stateStems: ReadonlySet<string> | null = null

  constructor(
    readonly index: SearchIndex,
    readonly policy: Policy = DEFAULT_POLICY
  ) {}

  get vectors() {
    return this.index.vectors
  }

  tokens(text: string): readonly Token[] {
    return this.#tokens.get(text, () => tokenize(text))
  }

  stem(word: string): string {
    return this.#stems.get(word, () => stem(word))
  }

  /** A text's words, worked out once: the same sentences come back question after question. */
  passage(text: string): PassageWords {
    return this.#passages.get(text, () => this.#analyse(text))
  }

  /** The acronyms one record defines ("… Migrant Workers … (ICRMW)"), lower-cased, with their names. */
  glossary(record: string): ReadonlyMap<string, string> {
    let glossary = this.#glossaries.get(record)
    if (!glossary) {
      const blocks = this.index.recordBlocks.get(record) ?? []
      glossary = glossaryOf(
        [...blocks].map((b) => b.text),
        NAME_CONNECTORS
      )
      this.#glossaries.set(record, glossary)
    }
    return glossary
  }

  /** A passage of a block read with the names of the acronyms it uses that its record defines. */
  #spelledOut(block: Block, text: string): string {
    return [text, ...spelledOut(text, this.tokens(text), this.glossary(block.record))].join(' ')
  }

  #block(block: Block) {
    let analysed = this.#blocks.get(block)
    if (!analysed) {
      const label = structuralLabel(block)
      analysed = {
        words: this.#analyse(`${this.#spelledOut(block, block.text)} ${label}`),
        sentences: splitSentences(block.text).map(({ start, end }) => {
          const text = block.text.slice(start, end)
          return {
            start,
            end,
            text,
            words: this.#analyse(`${this.#spelledOut(block, text)} ${label}`),
          }
        }),
      }
      this.#blocks.set(block, analysed)
    }
    return analysed
  }

  /** A block's words, with those of its structural label ("suspension" for a suspension). */
  blockWords(block: Block): PassageWords {
    return this.#block(block).words
  }

  /**
   * The names of everyone who puts questions in one record (by symbol), or in all of them: the
   * Committee's members, other States.
   */
  askers(record: string | null = null): readonly string[] {
    const key = record ?? ''
    let names = this.#askers.get(key)
    if (!names) {
      const blocks = record === null ? this.index.blocks : this.index.recordBlocks.get(record)
      names = [
        ...new Set(
          [...(blocks ?? [])].flatMap((b) =>
            b.speaker && b.roles.some((r) => ASKING_ROLES.includes(r)) ? [b.speaker] : []
          )
        ),
      ]
      this.#askers.set(key, names)
    }
    return names
  }

  /**
   * The stems of the words of every name that speaks or is under review in the library ("niger",
   * "nigeria", "austria"): a name is never the family of another.
   */
  nameStems(): ReadonlySet<string> {
    if (!this.#nameStems) {
      const names = [
        ...this.askers(),
        ...this.index.records.flatMap((r) => (r.state ? [r.state] : [])),
      ]
      this.#nameStems = new Set(
        names.flatMap((name) => this.tokens(name).map((t) => this.stem(t.word)))
      )
    }
    return this.#nameStems
  }

  /** Every recommendation the library's reports set out. */
  recommendations(): ReadonlySet<Block> {
    this.#recommendations ??= new Set(this.index.blocks.filter(isRecommendation))
    return this.#recommendations
  }

  /** The stems of the words of every State's name ("niger", "nigeria", "austria", "australia"). */
  stateStems(): ReadonlySet<string> {
    if (!this.#stateStems) {
      this.#stateStems = new Set(
        STATE_NAMES.flatMap((name) =>
          this.tokens(name)
            .filter((t) => !NAME_CONNECTORS.has(t.word) && !STOPWORDS.has(t.word))
            .map((t) => this.stem(t.word))
        )
      )
    }
    return this.#stateStems
  }

  /** Every stem and acronym one record uses, for telling what it never mentions. */
  recordWords(record: string): RecordWords {
    let words = this.#recordWords.get(record)
    if (!words) {
      words = { stems: new Set(), acronyms: new Set() }
      for (const block of this.index.recordBlocks.get(record) ?? []) {
        const own = this.blockWords(block)
        for (const s of own.stems) words.stems.add(s)
        for (const a of own.acronyms) words.acronyms.add(a)
      }
      this.#recordWords.set(record, words)
    }
    return words
  }

  /** A block's sentences, each with its words. */
  sentences(block: Block): BlockSentence[] {
    return this.#block(block).sentences
  }

  /** A block's sentences embedded, once per block. */
  sentenceVectors(block: Block): Promise<number[][]> {
    let vectors = this.#vectors.get(block)
    if (!vectors) {
      vectors = this.index.embeddings.embedDocuments(this.sentences(block).map((s) => s.text))
      this.#vectors.set(block, vectors)
    }
    return vectors
  }

  /** Keeps a passage's term verdicts bounded. */
  remember(words: PassageWords, key: string, match: number): number {
    if (words.matches.size >= MAX_VERDICTS) words.matches.clear()
    words.matches.set(key, match)
    return match
  }

  /**
   * The blocks a speaker filter admits, worked out once per group of blocks with the same
   * speaker and roles (a few hundred groups however many blocks there are).
   */
  speakerBlocks(query: string): ReadonlySet<Block> {
    return this.#admitted.get(query, () => {
      const matches = speakerFilter(query)
      return new Set(
        this.#speakerGroups().flatMap((group) => (matches(group[0] as Block) ? group : []))
      )
    })
  }

  #speakerGroups(): Block[][] {
    if (!this.#groups) {
      const groups = new Map<string, Block[]>()
      for (const block of this.index.blocks) {
        if (block.speaker === null) continue
        const key = `${block.speaker}|${block.roles.join(',')}`
        groups.set(key, [...(groups.get(key) ?? []), block])
      }
      this.#groups = [...groups.values()]
    }
    return this.#groups
  }

  /** Up to `perWord` corpus words whose vectors are close to `word` (a word the corpus never uses). */
  expansions(word: string, perWord = 3): Expansion[] {
    return this.#expansions.get(`${word}|${perWord}`, () => {
      const rank = this.vectors.rankOf(word)
      if (rank === undefined) return []
      return this.index.lexicon
        .map((entry) => ({ word: entry.word, weight: this.vectors.similarity(rank, entry.rank) }))
        .filter((e) => e.weight >= this.policy.expansionSimilarity)
        .sort((a, b) => b.weight - a.weight)
        .slice(0, perWord)
    })
  }

  #analyse(text: string): PassageWords {
    const stems = new Set<string>()
    const ranked = new Map<number, string>()
    const tokens = this.tokens(text)
    // A question's "UPR" finds the record's "Universal Periodic Review".
    const acronyms = new Set(acronymsOf(text, tokens, NAME_CONNECTORS))
    for (const { word } of tokens) {
      for (const part of word.includes('-') ? [word, ...word.split('-')] : [word]) {
        stems.add(this.stem(part))
        const rank = this.vectors.rankOf(part)
        if (rank !== undefined && !STOPWORDS.has(part)) ranked.set(rank, part)
      }
    }
    return {
      stems,
      acronyms,
      ranks: [...ranked.keys()],
      words: [...ranked.values()],
      matches: new Map(),
    }
  }
}
