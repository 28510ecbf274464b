// Serving benchmarks: cold start, latency in-process, load over loopback, resident memory.
import autocannon from 'autocannon'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../config.ts'
import type { Latency } from './measure.ts'
import { latency, median, round, time } from './measure.ts'

export type Started = { child: ChildProcess; url: string; ms: number }

/** Starts a process and waits until `ready` (a first successful request) succeeds at the URL it prints. */
export const startProcess = async (
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: (url: string) => Promise<boolean>
): Promise<Started> => {
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const onData = (chunk: Buffer) => (output += chunk.toString())
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const deadline = started + 60_000
  for (;;) {
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
    if (url && (await ready(url).catch(() => false)))
      return { child, url, ms: performance.now() - started }
    if (performance.now() > deadline || child.exitCode !== null)
      throw new Error(`process did not become ready: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export const stop = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}

/** A process and its descendants (a cluster's workers), from /proc. */
const familyOf = async (pid: number): Promise<number[]> => {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [])
  const children = (
    await Promise.all(
      tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => ''))
    )
  )
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
  return [pid, ...(await Promise.all(children.map(familyOf))).flat()]
}

/**
 * Resident and peak memory of a process with its descendants, from /proc, in MB: the sum of each
 * one's (the peak is each one's own, summed, which is at least the family's peak at any moment).
 */
export const memoryOf = async (pid: number): Promise<{ rssMB: number; peakMB: number }> => {
  const statuses = await Promise.all(
    (await familyOf(pid)).map((p) => readFile(`/proc/${p}/status`, 'utf8').catch(() => ''))
  )
  const kb = (field: string) =>
    statuses.reduce(
      (sum, status) => sum + Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0),
      0
    )
  return { rssMB: round(kb('VmRSS') / 1024, 1), peakMB: round(kb('VmHWM') / 1024, 1) }
}

/** The baseline server: Node's own http module answering a constant, started the same way. */
export const BASELINE_SERVER = [
  '-e',
  "require('http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port) })",
]

/** `npm start`'s server as it runs: the compiled bundle `npm run build` writes. */
export const SERVER = ['--enable-source-maps', join(PROJECT_ROOT, 'dist/serve.mjs')]

/** Compiles the server, as `npm start` does before it runs it. */
export const buildServer = (): void => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' })
}

export const askRequest = (url: string, question: string) =>
  fetch(`${url}/api/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ question }),
  })

export type LoadResult = {
  requestsPerSecond: number
  latencyMs: Latency
  errors: number
  non2xx: number
  requests: number
}

/** `seconds` of load at `connections` connections; `bodies` are cycled so no two neighbours repeat. */
export const load = async (
  url: string,
  path: string,
  {
    seconds = 10,
    connections = 32,
    bodies,
  }: { seconds?: number; connections?: number; bodies?: string[] }
): Promise<LoadResult> => {
  const latencies: number[] = []
  const options: autocannon.Options = {
    url: `${url}${path}`,
    connections,
    duration: seconds,
    ...(bodies
      ? {
          requests: bodies.map((body) => ({
            method: 'POST' as const,
            path,
            body,
            headers: { 'Content-Type': 'application/json' },
          })),
        }
      : {}),
  }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) =>
      error ? reject(error) : resolve(finished)
    )
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime)
    )
  })
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyMs: latency(latencies),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  }
}

/** Median ms from process start to a first successful request, over `runs` starts. */
export const coldStart = async (
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: (url: string) => Promise<boolean>,
  runs = 3
): Promise<number> => {
  const durations: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = await startProcess(command, args, env, ready)
    durations.push(started.ms)
    await stop(started.child)
  }
  return round(median(durations), 0)
}

export { time }
