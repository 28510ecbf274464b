// Retrieval: dense, lexical and fused rankings, and speaker filters.
export * from './fuse.ts'
export * from './search.ts'
export * from './speaker.ts'
