// The pipeline: the one path from a request to its answer.
export * from './pipeline.ts'
