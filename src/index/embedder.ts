// Which sentence embedder an index is built with: the offline SIF default, or any LangChain Embeddings.
import type { Embeddings } from '@langchain/core/embeddings'
import { SIF_EMBEDDER_NAME, SifEmbeddings } from './sif-embeddings.ts'
import type { WordVectors } from './vectors.ts'

/**
 * A LangChain `Embeddings` with a name and the settings that change its vectors, both recorded in
 * the manifest so that switching models marks the index stale. `OllamaEmbeddings` from
 * `@langchain/ollama` fits here (see the README).
 */
export type NamedEmbeddings = {
  name: string
  settings: Record<string, unknown>
  embeddings: Embeddings
}

/** The default: SIF over the word vectors, with smoothing `a`. */
export const sifEmbedder = (vectors: WordVectors, a = 1e-3): NamedEmbeddings => ({
  name: SIF_EMBEDDER_NAME,
  settings: { a, dims: vectors.dims },
  embeddings: new SifEmbeddings(vectors, { a }),
})

/** Same name and settings: an index built with `built` can serve queries embedded by `wanted`. */
export const sameEmbedder = (
  built: { name: string; settings: Record<string, unknown> },
  wanted: NamedEmbeddings
): boolean =>
  built.name === wanted.name && JSON.stringify(built.settings) === JSON.stringify(wanted.settings)
