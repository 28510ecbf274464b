// Questions: a question read once, with its language, intent, speaker, topic and follow-up.
export * from './question-parts.ts'
export * from './question.ts'
