// Retrieval: question analysis, query expansion, dense, lexical and fused rankings, speaker filters.
export * from './expand.ts'
export * from './fuse.ts'
export * from './query.ts'
export * from './search.ts'
export * from './speaker.ts'
