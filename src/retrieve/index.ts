// Retrieval: the corpus and its caches, coverage, dense, lexical and fused rankings, speaker filters.
export * from './corpus.ts'
export * from './coverage.ts'
export * from './fuse.ts'
export * from './search.ts'
export * from './speaker.ts'
