// Text processing shared across domains.
export * from './acronyms.ts'
export * from './normalize.ts'
export * from './requests.ts'
export * from './sentences.ts'
export * from './tokenize.ts'
