// Dense, lexical and hybrid rankings of blocks for a question, within its record, speaker and side.
import { searchBm25 } from '../index/bm25-index.ts'
import { structuralLabel } from '../index/lexical.ts'
import type { Block, Role } from '../records/block.ts'
import { speakersOf } from '../records/speakers.ts'
import type { Question, Side } from '../question/question.ts'
import { topicText } from '../question/question.ts'
import { contentTerms } from '../text/tokenize.ts'
import type { Corpus } from './corpus.ts'
import type { QueryTerm } from './coverage.ts'
import { coverage, queryTerm } from './coverage.ts'
import { fuseRankings } from './fuse.ts'

export const RETRIEVERS = ['hybrid', 'bm25', 'dense'] as const
export type RetrieverName = (typeof RETRIEVERS)[number]

export type RankedBlock = {
  block: Block
  /** Higher is better; cosine similarity for dense, BM25+ for bm25, fused score for hybrid. */
  score: number
  /** Hybrid only: the lexical and the dense ranking, each on its own, put this block first. */
  agreed?: boolean
}

export type SearchOptions = {
  mode?: RetrieverName
  k?: number
}

/** Above this share of the corpus, a filter is applied after the dense search, not inside it. */
const FILTER_AFTER_SHARE = 0.1

/** The roles of each side of a dialogue. */
export const SIDE_ROLES: Record<Side, readonly Role[]> = {
  committee: ['chair', 'country_rapporteur', 'committee_member'],
  delegation: ['state_delegation'],
}

export const onSide = (block: Block, side: Side): boolean =>
  block.roles.some((r) => SIDE_ROLES[side].includes(r))

/** The terms of a question's topic, weighted for this corpus. */
export const termsOf = (corpus: Corpus, question: Pick<Question, 'topic'>): QueryTerm[] =>
  question.topic.map((t) => queryTerm(corpus, t.written, t.exact, corpus.index.terms, t.unlike))

export type DenseSearchOptions = {
  admitted?: ReadonlySet<Block>
  /**
   * Widens the search until it has n blocks (or has every sentence). Without it, the ranking is
   * the blocks of the n nearest sentences, which may be fewer: enough for fusion.
   */
  fill?: boolean
}

/** Blocks ranked by their nearest sentence to the query, by cosine similarity. */
export const denseSearch = async (
  corpus: Corpus,
  query: string,
  n: number,
  { admitted, fill = false }: DenseSearchOptions = {}
): Promise<RankedBlock[]> => {
  const { index } = corpus
  const total = index.dense.index.getCurrentCount()
  const vector = await index.embeddings.embedQuery(query)
  if (total === 0 || vector.every((x) => x === 0)) return []
  // hnswlib calls back into JS for every candidate it filters: for a filter that admits much of
  // the corpus, a wider unfiltered search followed by the filter is faster.
  const share = admitted ? admitted.size / Math.max(1, index.blocks.length) : 1
  if (admitted && admitted.size === 0) return []
  const inside = admitted !== undefined && share < FILTER_AFTER_SHARE
  const filter = inside
    ? (label: number) => admitted.has(index.sentenceBlocks[label] as Block)
    : undefined
  for (let wanted = n; ; wanted *= 2) {
    const searched = Math.min(inside ? wanted : Math.ceil(wanted / share), total)
    // The hnswlib index is searched directly (its ef is set directly): labels map to blocks
    // through a table, where LangChain's wrapper would look each one up in its docstore.
    const { neighbors, distances } = index.dense.index.searchKnn(vector, searched, filter)
    const best = new Map<Block, number>()
    neighbors.forEach((label, i) => {
      const block = index.sentenceBlocks[label]
      // hnswlib's cosine space returns a distance, 1 − cosine: turned back into a similarity.
      if (block && !best.has(block) && (!admitted || admitted.has(block)))
        best.set(block, 1 - (distances[i] ?? 1))
    })
    if (!fill || best.size >= n || searched >= total || neighbors.length < searched) {
      return [...best].slice(0, n).map(([block, score]) => ({ block, score }))
    }
  }
}

export const lexicalSearch = (
  corpus: Corpus,
  query: string,
  n: number,
  admitted?: ReadonlySet<Block>
): RankedBlock[] => {
  const { index } = corpus
  // The question's own words weigh 1; a word the corpus never uses is searched as its nearest
  // corpus words, each weighing its similarity.
  const boosts = new Map<string, number>()
  for (const { word } of corpus.tokens(query)) {
    if ((index.terms.df[corpus.stem(word)] ?? 0) > 0) continue
    for (const e of corpus.expansions(word))
      for (const term of contentTerms(e.word))
        boosts.set(term, Math.max(boosts.get(term) ?? 0, e.weight))
  }
  for (const term of contentTerms(query)) boosts.set(term, 1)
  const hits = searchBm25(
    index.lexical,
    [...boosts].map(([term, boost]) => ({ term, boost })),
    n,
    admitted && ((doc) => admitted.has(index.blocks[doc] as Block))
  )
  return hits.map(({ doc, score }) => ({ block: index.blocks[doc] as Block, score }))
}

/** The blocks a question may be answered from: its record, its speaker, its side; undefined for all. */
export const admittedFor = (corpus: Corpus, question: Question): ReadonlySet<Block> | undefined => {
  const filters: ReadonlySet<Block>[] = []
  if (question.record) filters.push(corpus.index.recordBlocks.get(question.record) ?? new Set())
  if (question.speaker) filters.push(corpus.speakerBlocks(question.speaker))
  // A reply is looked for on both sides: the question asked, and what answered it.
  if (question.side && question.intent !== 'reply') {
    const side = question.side
    filters.push(new Set(corpus.index.blocks.filter((b) => onSide(b, side))))
  }
  // Those the previous answer quoted, by their very names: "Slovenia" is not "the head of the
  // delegation of Slovenia".
  if (question.among.length > 0) {
    const among = new Set(question.among)
    filters.push(
      new Set(
        corpus.index.blocks.filter(
          (b) => b.speaker !== null && speakersOf(b.speaker).some((name) => among.has(name))
        )
      )
    )
  }
  // "Which States recommended …" is answered from the recommendations among what the other
  // filters admit, where there are any: not what a member or the delegation said.
  const recommended = question.recommendations && question.side === null
  const items = corpus.recommendations()
  if (filters.length === 0) return recommended && items.size > 0 ? items : undefined
  const [smallest, ...others] = [...filters].sort((a, b) => a.size - b.size)
  const all = [...(smallest ?? [])].filter((b) => others.every((f) => f.has(b)))
  const theirs = recommended ? all.filter((b) => items.has(b)) : []
  const admitted = theirs.length > 0 ? theirs : all
  // "What else did she say?" leaves out what was quoted, unless that was all she said.
  const left = new Set(question.leaveOut)
  const rest = admitted.filter((b) => !left.has(`${b.record}#${b.id}`))
  return new Set(rest.length > 0 ? rest : admitted)
}

/** Ranks blocks for a question with one of the three retrievers. */
export const search = async (
  corpus: Corpus,
  question: Question,
  { mode = 'hybrid', k = 10 }: SearchOptions = {}
): Promise<RankedBlock[]> => {
  const { policy } = corpus
  const admitted = admittedFor(corpus, question)
  const focus = topicText(question)
  // "What did Ms. Dzumhur ask?" names no topic: every paragraph of hers answers it, in reading
  // order, or from the end for "her closing remarks".
  if (focus === '') {
    if (!admitted) return []
    const theirs = corpus.index.blocks.filter((b) => admitted.has(b) && b.kind === 'paragraph')
    return (question.ordinal !== null && question.ordinal < 0 ? theirs.reverse() : theirs)
      .slice(0, k)
      .map((block) => ({ block, score: 1 }))
  }
  const pool = Math.max(k, policy.pool)
  const ranked =
    mode === 'bm25'
      ? lexicalSearch(corpus, focus, pool, admitted)
      : mode === 'dense'
        ? await denseSearch(corpus, focus, pool, { admitted, fill: true })
        : await hybridSearch(corpus, question, focus, pool, admitted)
  return pickOrdinal(ranked, question.ordinal).slice(0, k)
}

/** Fuses the lexical and the dense ranking, then reranks the top by coverage. */
const hybridSearch = async (
  corpus: Corpus,
  question: Question,
  focus: string,
  pool: number,
  admitted: ReadonlySet<Block> | undefined
): Promise<RankedBlock[]> => {
  const { lexicalWeight } = corpus.policy
  const lexical = lexicalSearch(corpus, focus, pool, admitted)
  const dense = await denseSearch(corpus, focus, pool, { admitted })
  const fused = rerankByCoverage(
    corpus,
    fuseRankings([lexical, dense], [lexicalWeight, 1 - lexicalWeight]),
    termsOf(corpus, question)
  )
  // Two rankers that read a question differently (by its words, by its meaning) agreeing on one
  // block is evidence that the record addresses it: a close but unaddressed topic scatters them.
  // Where the filters leave one block to rank (a speaker's only paragraph), they cannot disagree.
  const choice = !admitted || admitted.size > 1
  const agreed = choice && lexical[0]?.block === dense[0]?.block ? lexical[0]?.block : undefined
  return fused.map((r) => (r.block === agreed ? { ...r, agreed: true } : r))
}

/**
 * Adds to each of the top fused scores the share of the question the block covers: both rankers
 * reward a block for any of the question's words, coverage for all of them.
 */
const rerankByCoverage = (
  corpus: Corpus,
  fused: RankedBlock[],
  terms: QueryTerm[]
): RankedBlock[] => {
  const { rerankDepth, coverageWeight } = corpus.policy
  const rescored = fused.slice(0, rerankDepth).map(({ block, score }) => ({
    block,
    score: score + coverageWeight * coverage(terms, corpus.blockWords(block), corpus),
  }))
  return [...rescored.sort((a, b) => b.score - a.score), ...fused.slice(rerankDepth)]
}

/**
 * "When was the meeting suspended for the second time?": where the best result is a procedural
 * line and others record the same kind of event, the one at the asked position takes the top.
 */
const pickOrdinal = (ranked: RankedBlock[], ordinal: number | null): RankedBlock[] => {
  const top = ranked[0]
  if (ordinal === null || !top || top.block.kind !== 'procedural') return ranked
  const label = structuralLabel(top.block)
  const alike = ranked.filter(
    (r) =>
      r.block.kind === 'procedural' &&
      r.block.record === top.block.record &&
      structuralLabel(r.block) === label
  )
  const inOrder = [...alike].sort((a, b) => a.block.order - b.block.order)
  const wanted = ordinal > 0 ? inOrder[ordinal - 1] : inOrder[inOrder.length + ordinal]
  if (!wanted) return ranked
  // The one asked for takes the top's place, and what the rankers' agreement said of the top.
  const rest = ranked.filter((r) => r !== wanted)
  if (!top.agreed) return [{ ...wanted, score: top.score }, ...rest]
  return [
    { ...wanted, score: top.score, agreed: true },
    ...rest.map((r) => (r === top ? { block: r.block, score: r.score } : r)),
  ]
}
