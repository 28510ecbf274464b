// Serving on several cores: a primary starts the worker processes, restarts one that dies, counts the rate limit for all of them, and stops them on a signal.
import type { Worker } from 'node:cluster'
import cluster from 'node:cluster'
import { z } from 'zod'
import type { RateWindow, RateWindows } from './rate-windows.ts'
import { localWindows } from './rate-windows.ts'

const HitSchema = z.object({
  kind: z.literal('rate-hit'),
  id: z.number(),
  key: z.string(),
  time: z.number(),
})
const WindowSchema = z.object({
  kind: z.literal('rate-window'),
  id: z.number(),
  start: z.number(),
  count: z.number(),
})

/**
 * A worker's rate windows, counted by its primary: a client whose requests reach several workers
 * is held to one limit, not one per worker.
 */
export const primaryWindows = (): RateWindows => {
  let next = 0
  const pending = new Map<number, (window: RateWindow) => void>()
  process.on('message', (message) => {
    const parsed = WindowSchema.safeParse(message)
    if (!parsed.success) return
    const { id, start, count } = parsed.data
    pending.get(id)?.({ start, count })
    pending.delete(id)
  })
  return {
    hit: (key, time) =>
      new Promise((resolve) => {
        const id = next++
        pending.set(id, resolve)
        process.send?.({ kind: 'rate-hit', id, key, time })
      }),
  }
}

export type SuperviseOptions = {
  workers: number
  log: (message: string) => void
  exit?: (code: number) => void
}

/**
 * Starts `workers` processes running this script: the first alone, since it may have to build
 * the index, and the rest once it listens, sharing its port. A worker that dies after it listened
 * is replaced; one that dies before stops them all, since the next would fail the same way.
 * SIGINT or SIGTERM asks every worker to finish its requests in flight, then the primary exits.
 */
export const superviseWorkers = ({ workers, log, exit = process.exit }: SuperviseOptions): void => {
  const windows = localWindows()
  const live = new Set<Worker>()
  let stopping = false
  let code = 0
  const stop = () => {
    stopping = true
    for (const w of live) w.process.kill('SIGTERM')
    if (live.size === 0) exit(code)
  }
  const start = (then: () => void) => {
    const worker = cluster.fork()
    live.add(worker)
    let listening = false
    worker.on('message', (message) => {
      const hit = HitSchema.safeParse(message)
      if (!hit.success) return
      const { id, key, time } = hit.data
      // A worker that has gone has no one left to tell.
      if (worker.isConnected()) worker.send({ kind: 'rate-window', id, ...windows.hit(key, time) })
    })
    worker.once('listening', () => {
      listening = true
      then()
    })
    worker.once('exit', (exitCode, signal) => {
      live.delete(worker)
      const how = signal ? `signal ${signal}` : `code ${exitCode}`
      // Stopped by the signal it was sent, or finished with code 0: a clean stop.
      const clean = exitCode === 0 || signal === 'SIGTERM'
      if (stopping) {
        if (!clean) code = 1
        if (live.size === 0) exit(code)
      } else if (!listening) {
        log(`a server process stopped before it could serve (${how}); stopping`)
        code = exitCode || 1
        stop()
      } else {
        log(`a server process stopped (${how}); starting another`)
        start(() => {})
      }
    })
  }
  start(() => {
    let ready = 1
    for (let i = 1; i < workers; i++)
      start(() => {
        ready += 1
        if (ready === workers) log(`${workers} server processes share the port`)
      })
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`${signal}: finishing the requests in flight`)
      stop()
    })
}
