// Node's own HTTP limits, set near the request budget rather than left at Node's defaults (headers cut only after about a minute).
import type { ServerOptions } from 'node:http'

/**
 * Headers that dribble in are cut a second after the budget, a whole request two seconds after
 * it, and connections are checked twice a second (Node checks every 30 s by default, so its
 * timeouts would otherwise fire late).
 */
export const nodeServerOptions = (budgetMs: number): ServerOptions => ({
  headersTimeout: budgetMs + 1_000,
  requestTimeout: budgetMs + 2_000,
  connectionsCheckingInterval: 500,
})
