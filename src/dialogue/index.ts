// The dialogue map: the Committee's questions and the delegation's replies.
export * from './link.ts'
export * from './map.ts'
export * from './questions.ts'
export * from './schema.ts'
export * from './view.ts'
