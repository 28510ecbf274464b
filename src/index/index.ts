// Index: word vectors, the SIF embedder, lexical and dense stores, build, load and the manifest.
export * from './build.ts'
export * from './embedder.ts'
export * from './lexical.ts'
export * from './load.ts'
export * from './manifest.ts'
export * from './search-index.ts'
export * from './sif-embeddings.ts'
export * from './vectors.ts'
