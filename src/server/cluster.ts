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

export type PrimaryWindowsOptions = {
  /** How long a request waits for its count before it is let through uncounted. */
  timeoutMs?: number
  onTimeout?: () => void
}

/**
 * A worker's rate windows, counted by its primary: a client whose requests reach several workers
 * is held to one limit, not one per worker. A primary too busy to answer in `timeoutMs` lets the
 * request through rather than hold it: the limit guards the service, and a stalled count must not
 * stall it.
 */
export const primaryWindows = ({
  timeoutMs = 1_000,
  onTimeout = () => {},
}: PrimaryWindowsOptions = {}): RateWindows => {
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
        const timer = setTimeout(() => {
          pending.delete(id)
          onTimeout()
          resolve({ start: time, count: 0 })
        }, timeoutMs)
        pending.set(id, (window) => {
          clearTimeout(timer)
          resolve(window)
        })
        process.send?.({ kind: 'rate-hit', id, key, time })
      }),
  }
}

export type SuperviseOptions = {
  workers: number
  log: (message: string) => void
  /** How long the workers have to finish their requests after a signal before they are killed. */
  drainMs?: number
  exit?: (code: number) => void
}

/** The first wait before a dead worker is replaced; it doubles with each death in a minute. */
const RESTART_MS = 1_000
const RESTART_MAX_MS = 60_000

/**
 * Starts `workers` processes running this script: the first alone, since it may have to build
 * the index, and the rest once it listens, sharing its port. If one of those dies before it
 * listens, they all stop (exit 1): the next would fail the same way. A worker that dies later is
 * replaced, after a wait that doubles with each death in the last minute, so that one that keeps
 * dying does not take the machine with it. SIGINT or SIGTERM asks every worker to finish its
 * requests in flight; after `drainMs` and a little more, those left are killed.
 */
export const superviseWorkers = ({
  workers,
  log,
  drainMs = 10_000,
  exit = process.exit,
}: SuperviseOptions): void => {
  const windows = localWindows()
  const live = new Set<Worker>()
  const deaths: number[] = []
  let stopping = false
  let code = 0
  const restarts = new Set<NodeJS.Timeout>()
  const stop = () => {
    if (stopping) return
    stopping = true
    for (const timer of restarts) clearTimeout(timer)
    for (const w of live) w.process.kill('SIGTERM')
    if (live.size === 0) exit(code)
    setTimeout(() => {
      for (const w of live) {
        log(`server process ${w.process.pid} did not stop in time; killing it`)
        w.process.kill('SIGKILL')
      }
      exit(1)
    }, drainMs + 2_000).unref()
  }
  const interrupted = (signal: NodeJS.Signals) => {
    if (!stopping) log(`${signal}: finishing the requests in flight`)
    stop()
  }
  const start = (initial: boolean, then: () => void) => {
    if (stopping) return
    const worker = cluster.fork()
    const pid = worker.process.pid
    live.add(worker)
    let listening = false
    worker.on('error', (error) => log(`server process ${pid}: ${error.message}`))
    worker.on('message', (message) => {
      const hit = HitSchema.safeParse(message)
      if (!hit.success) return
      const { id, key, time } = hit.data
      // A worker that has gone has no one left to tell.
      if (worker.isConnected())
        worker.send({ kind: 'rate-window', id, ...windows.hit(key, time) }, () => {})
    })
    worker.once('listening', () => {
      listening = true
      if (!stopping) then()
    })
    worker.once('exit', (exitCode, signal: NodeJS.Signals | null) => {
      live.delete(worker)
      const how = signal ? `signal ${signal}` : `code ${exitCode}`
      // A terminal's Ctrl-C reaches the workers too, and one still starting dies of it: it stops
      // them all, whichever of the primary and the worker hears of it first.
      if (signal === 'SIGINT') interrupted(signal)
      if (stopping) {
        // Stopped by a signal to stop, or finished with code 0: a clean stop.
        if (exitCode !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') {
          log(`server process ${pid} stopped with ${how}`)
          code = 1
        }
        if (live.size === 0) exit(code)
        return
      }
      if (initial && !listening) {
        log(`a server process stopped before it could serve (${how}); stopping`)
        code = 1
        stop()
        return
      }
      const now = Date.now()
      deaths.push(now)
      while ((deaths[0] ?? now) < now - 60_000) deaths.shift()
      const wait = Math.min(RESTART_MAX_MS, RESTART_MS * 2 ** (deaths.length - 1))
      log(`server process ${pid} stopped (${how}); starting another in ${wait / 1000} s`)
      const timer = setTimeout(() => {
        restarts.delete(timer)
        start(false, () => {})
      }, wait)
      restarts.add(timer)
    })
  }
  start(true, () => {
    let ready = 1
    for (let i = 1; i < workers; i++)
      start(true, () => {
        ready += 1
        if (ready === workers) log(`${workers} server processes share the port`)
      })
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => interrupted(signal))
}
