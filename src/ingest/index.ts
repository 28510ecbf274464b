// Ingest: reading record files (PDF, Word, HTML, text) into blocks of text in reading order.
export * from './read-source.ts'
export * from './source.ts'
