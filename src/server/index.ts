// The HTTP server: the Hono app and its problem+json errors.
export * from './app.tsx'
export * from './problem.ts'
export * from './schema.ts'
export * from './validate.ts'
