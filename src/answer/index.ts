// Answers: sentence selection, abstention and the answer's text.
export * from './answer.ts'
export * from './excerpt.ts'
export * from './follow-up.ts'
export * from './format.ts'
export * from './schema.ts'
