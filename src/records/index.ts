// Records: the block model, the parser and the records-directory loader.
export * from './block.ts'
export * from './load.ts'
export * from './parse.ts'
export * from './speakers.ts'
