// Offline sentence embeddings: SIF-weighted GloVe averages with the common component removed (Arora et al. 2017).
import { Embeddings } from '@langchain/core/embeddings'
import { tokenize } from '../text/tokenize.ts'
import type { WordVectors } from './vectors.ts'
import { zipfProbability } from './vectors.ts'

/** What a build records about the embedder, so a query is embedded exactly as the documents were. */
export type SifParams = {
  /** SIF smoothing: a word of probability p gets weight a / (a + p). */
  a: number
  /** The first principal component of the corpus's weighted averages, removed from every vector. */
  component: number[] | null
}

export const SIF_EMBEDDER_NAME = 'sif-glove-wink-sg-100d'

/** LangChain `Embeddings` over local word vectors, word probabilities from their frequency ranks. */
export class SifEmbeddings extends Embeddings {
  readonly params: SifParams

  constructor(
    readonly vectors: WordVectors,
    { a = 1e-3, component = null }: Partial<SifParams> = {}
  ) {
    super({})
    this.params = { a, component }
  }

  /** SIF weight of a word at a vocabulary rank. */
  weightOf(rank: number): number {
    return this.params.a / (this.params.a + zipfProbability(this.vectors, rank))
  }

  /**
   * Fits the common component on `texts` (power iteration) and embeds them with it: an embedder for
   * queries and the texts' own vectors, each text read once.
   */
  fitDocuments(texts: string[]): { embeddings: SifEmbeddings; vectors: number[][] } {
    const averages = texts.map((t) => this.#average(t))
    const dims = this.vectors.dims
    let component = new Float64Array(dims).fill(1 / Math.sqrt(dims))
    for (let iteration = 0; iteration < 50; iteration++) {
      const next = new Float64Array(dims)
      for (const v of averages) {
        let dot = 0
        for (let d = 0; d < dims; d++) dot += (v[d] ?? 0) * (component[d] ?? 0)
        for (let d = 0; d < dims; d++) next[d] = (next[d] ?? 0) + dot * (v[d] ?? 0)
      }
      const norm = Math.hypot(...next) || 1
      const previous = component
      component = next.map((x) => x / norm)
      // Converged when the direction no longer moves.
      if (component.reduce((sum, x, d) => sum + x * (previous[d] ?? 0), 0) > 1 - 1e-9) break
    }
    const embeddings = new SifEmbeddings(this.vectors, {
      a: this.params.a,
      component: Array.from(component),
    })
    return { embeddings, vectors: averages.map((v) => embeddings.#project(v)) }
  }

  /** Unit-length embedding of one text. */
  embed(text: string): number[] {
    return this.#project(this.#average(text))
  }

  /** A weighted average without the common component, at unit length. */
  #project(v: Float32Array): number[] {
    const { component } = this.params
    if (component) {
      let dot = 0
      for (let d = 0; d < v.length; d++) dot += (v[d] ?? 0) * (component[d] ?? 0)
      for (let d = 0; d < v.length; d++) v[d] = (v[d] ?? 0) - dot * (component[d] ?? 0)
    }
    let squares = 0
    for (let d = 0; d < v.length; d++) squares += (v[d] ?? 0) ** 2
    const norm = Math.sqrt(squares)
    return Array.from(v, (x) => (norm > 0 ? x / norm : 0))
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t))
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.embed(text)
  }

  #average(text: string): Float32Array {
    const sum = new Float32Array(this.vectors.dims)
    let count = 0
    const add = (rank: number) => {
      this.vectors.addTo(sum, rank, this.weightOf(rank))
      count++
    }
    for (const { word } of tokenize(text)) {
      const rank = this.vectors.rankOf(word)
      if (rank !== undefined) add(rank)
      // "36-hour" without a vector of its own is read as its parts.
      else if (word.includes('-')) {
        for (const part of word.split('-')) {
          const partRank = this.vectors.rankOf(part)
          if (partRank !== undefined) add(partRank)
        }
      }
    }
    if (count > 0) for (let d = 0; d < sum.length; d++) sum[d] = (sum[d] ?? 0) / count
    return sum
  }
}
