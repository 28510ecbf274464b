// Retrieval: question analysis, query expansion, evidence coverage, dense, lexical and fused rankings, speaker filters.
export * from './evidence.ts'
export * from './expand.ts'
export * from './fuse.ts'
export * from './query.ts'
export * from './search.ts'
export * from './speaker.ts'
