// Graceful shutdown: stop accepting connections, finish every request in flight, then exit.
import type { Server } from 'node:http'
import { Server as NetServer } from 'node:net'

export type DrainOptions = {
  /** Quiet time with nothing in flight after which the process may exit. */
  graceMs?: number
  /** Exit after this long even if requests are still running. */
  limitMs?: number
  exit?: (code: number) => void
}

/**
 * Tracks requests in flight; `drain()` closes the listening socket but not the open ones (Node's
 * http close() would drop idle keep-alive sockets a client may be writing its next request to),
 * answers what still arrives with `Connection: close`, and exits once nothing is in flight.
 */
export const drainable = (
  server: Server,
  { graceMs = 100, limitMs = 10_000, exit = process.exit }: DrainOptions = {}
) => {
  let inFlight = 0
  let draining = false
  let quiet: NodeJS.Timeout | undefined
  const exitWhenQuiet = () => {
    clearTimeout(quiet)
    if (draining && inFlight === 0) quiet = setTimeout(() => exit(0), graceMs)
  }
  server.on('request', (_request, response) => {
    inFlight++
    clearTimeout(quiet)
    if (draining) response.setHeader('Connection', 'close')
    response.on('close', () => {
      inFlight--
      exitWhenQuiet()
    })
  })
  return {
    drain: () => {
      if (draining) return
      draining = true
      NetServer.prototype.close.call(server)
      setTimeout(() => exit(1), limitMs).unref()
      exitWhenQuiet()
    },
  }
}
