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

/** What the first worker serves, which the others serve alike: its index, and whether answers are generative. */
const ServingSchema = z.object({
  kind: z.literal('serving'),
  onDisk: z.boolean(),
  warnings: z.array(z.string()),
  generative: z.boolean(),
})
export type Serving = Omit<z.infer<typeof ServingSchema>, 'kind'>
const AskServingSchema = z.object({ kind: z.literal('serving?') })

/** The first worker tells its primary what it serves, before it listens. */
export const reportServing = (serving: Serving): void => {
  process.send?.({ kind: 'serving', ...serving })
}

/** What the first worker serves, as the primary hands it to a later one. */
export const servingOfFirst = (timeoutMs = 10_000): Promise<Serving> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', listen)
      reject(new Error(`the primary process did not say in ${timeoutMs / 1000} s what to serve`))
    }, timeoutMs)
    const listen = (message: unknown) => {
      const parsed = ServingSchema.safeParse(message)
      if (!parsed.success) return
      clearTimeout(timer)
      process.off('message', listen)
      const { onDisk, warnings, generative } = parsed.data
      resolve({ onDisk, warnings, generative })
    }
    process.on('message', listen)
    // Asked once it listens, so that the answer cannot come before it does.
    process.send?.({ kind: 'serving?' })
  })

export type PrimaryWindowsOptions = {
  /** How long a request waits for its count before it is let through uncounted. */
  timeoutMs?: number
  /** Told how many requests were let through uncounted, at most once every `reportMs`. */
  onTimeout?: (missed: number) => void
  reportMs?: number
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
  reportMs = 10_000,
}: PrimaryWindowsOptions = {}): RateWindows => {
  let next = 0
  // A stalled primary stalls every request: said once in a while, with how many, not each time.
  let missed = 0
  let reported = -Infinity
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
          missed += 1
          if (Date.now() - reported >= reportMs) {
            onTimeout(missed)
            missed = 0
            reported = Date.now()
          }
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

/** The first wait before a dead worker is replaced; it doubles with each failure in a row. */
const RESTART_MS = 1_000
const RESTART_MAX_MS = 60_000
/** A worker that served this long before it died ends a run of failures. */
const HEALTHY_MS = 60_000
/** Failures in a row, with no worker left serving, after which the primary gives up. */
const FAILURES_MAX = 8

/**
 * Starts `workers` processes running this script: the first alone, since it may have to build
 * the index, and the rest once it listens, sharing its port and told what it serves. If one of
 * those dies before it listens, they all stop (exit 1): the next would fail the same way. A worker
 * that dies later is replaced, after a wait that doubles with each failure in a row (one that
 * served a minute ends the run), so that one that keeps dying does not take the machine with it;
 * after `FAILURES_MAX` in a row with none left serving, the primary gives up (exit 1). SIGINT or
 * SIGTERM asks every worker to finish its requests in flight; a second changes nothing; after
 * `drainMs` and two seconds more, those left are killed.
 */
export const superviseWorkers = ({
  workers,
  log,
  drainMs = 10_000,
  exit = process.exit,
}: SuperviseOptions): void => {
  const windows = localWindows()
  const live = new Set<Worker>()
  const serving = new Set<Worker>()
  const restarts = new Set<NodeJS.Timeout>()
  let first: Serving | null = null
  let failures = 0
  let stopping = false
  let code = 0
  let deadline: NodeJS.Timeout | undefined
  const done = () => {
    clearTimeout(deadline)
    exit(code)
  }
  const stop = () => {
    if (stopping) return
    stopping = true
    for (const timer of restarts) clearTimeout(timer)
    if (live.size === 0) return done()
    for (const w of live) w.process.kill('SIGTERM')
    deadline = setTimeout(() => {
      for (const w of live) {
        log(`server process ${w.process.pid} did not stop in time; killing it`)
        w.process.kill('SIGKILL')
      }
      code = 1
      done()
    }, drainMs + 2_000)
    deadline.unref()
  }
  const interrupted = (signal: NodeJS.Signals) => {
    if (!stopping) log(`${signal}: finishing the requests in flight`)
    stop()
  }
  const answer = (worker: Worker, message: unknown) => {
    const hit = HitSchema.safeParse(message)
    // A worker that has gone has no one left to tell.
    if (hit.success && worker.isConnected()) {
      const { id, key, time } = hit.data
      worker.send({ kind: 'rate-window', id, ...windows.hit(key, time) }, () => {})
    }
    const reported = ServingSchema.safeParse(message)
    if (reported.success) first ??= reported.data
    if (AskServingSchema.safeParse(message).success && first && worker.isConnected())
      worker.send({ ...first, kind: 'serving' }, () => {})
  }
  const start = (initial: boolean, then: () => void) => {
    if (stopping) return
    const worker = cluster.fork()
    const { pid } = worker.process
    const forked = Date.now()
    live.add(worker)
    let listening = false
    worker.on('error', (error) => log(`server process ${pid}: ${error.message}`))
    worker.on('message', (message) => answer(worker, message))
    worker.once('listening', () => {
      listening = true
      serving.add(worker)
      if (!stopping) then()
    })
    worker.once('exit', (exitCode, signal: NodeJS.Signals | null) => {
      live.delete(worker)
      serving.delete(worker)
      const how = signal ? `signal ${signal}` : `code ${exitCode}`
      // A terminal's Ctrl-C, or a service manager's SIGTERM, reaches the workers too, and one
      // still starting dies of it: it stops them all, whichever of the primary and the worker
      // hears of it first.
      if (signal === 'SIGINT' || (signal === 'SIGTERM' && !listening)) interrupted(signal)
      if (stopping) {
        // Stopped by a signal to stop, or finished with code 0: a clean stop.
        if (exitCode !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') {
          log(`server process ${pid} stopped with ${how}`)
          code = 1
        }
        if (live.size === 0) done()
        return
      }
      if (initial && !listening) {
        log(`a server process stopped before it could serve (${how}); stopping`)
        code = 1
        stop()
        return
      }
      failures = listening && Date.now() - forked >= HEALTHY_MS ? 1 : failures + 1
      if (failures > FAILURES_MAX && serving.size === 0) {
        log(`server processes failed ${failures - 1} times in a row with none serving; stopping`)
        code = 1
        stop()
        return
      }
      const wait = Math.min(RESTART_MAX_MS, RESTART_MS * 2 ** (failures - 1))
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
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => interrupted(signal))
}
