// Answers: relevance, assembly by kind of question, self-contained excerpts, and the answer's text.
export * from './assemble.ts'
export * from './excerpt.ts'
export * from './format.ts'
export * from './judge.ts'
export * from './schema.ts'
export * from './sides.ts'
