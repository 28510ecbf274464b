// Evals: question sets, metrics, the runner and its reports.
export * from './chart.ts'
export * from './escape.ts'
export * from './metrics.ts'
export * from './report.ts'
export * from './run.ts'
export * from './schema.ts'
export * from './set.ts'
