// Optional generative answers: the prompt, generation with a chat model, and verification.
export * from './generate.ts'
export * from './prompt.ts'
export * from './verify.ts'
