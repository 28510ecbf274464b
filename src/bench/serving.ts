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

/**
 * Starts a process and waits until `ready` (a first successful request) succeeds at the URL it
 * prints, and its output matches `until` when given (all of a cluster's processes listening).
 */
export const startProcess = async (
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: (url: string) => Promise<boolean>,
  until?: RegExp
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
    if (url && (!until || until.test(output)) && (await ready(url).catch(() => false)))
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

/** A field's kB in a /proc file's text ("Pss:   846 kB"), 0 when absent. */
const kbOf = (text: string, field: string): number =>
  Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0)

/**
 * Memory of a process with its descendants, from /proc, in MB. Resident: each one's proportional
 * share (Pss: the pages of Node and its libraries, which the processes of a cluster share, count
 * once in all; VmRSS where the kernel gives no Pss). Peak: each one's own peak resident size,
 * summed, which is at least the family's peak at any moment.
 */
export const memoryOf = async (pid: number): Promise<{ rssMB: number; peakMB: number }> => {
  const read = (p: number, file: string) => readFile(`/proc/${p}/${file}`, 'utf8').catch(() => '')
  const each = await Promise.all(
    (await familyOf(pid)).map(async (p) => {
      const [status, rollup] = await Promise.all([read(p, 'status'), read(p, 'smaps_rollup')])
      return { rss: kbOf(rollup, 'Pss') || kbOf(status, 'VmRSS'), peak: kbOf(status, 'VmHWM') }
    })
  )
  const sum = (key: 'rss' | 'peak') => each.reduce((total, e) => total + e[key], 0)
  return { rssMB: round(sum('rss') / 1024, 1), peakMB: round(sum('peak') / 1024, 1) }
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

/**
 * `load` run from a process of its own (src/bench/load-child.ts), so that the client's work and
 * the bench's own (its index, its garbage) do not share one event loop.
 */
export const loadApart = async (
  url: string,
  path: string,
  options: { seconds?: number; connections?: number; bodies?: string[] }
): Promise<LoadResult> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'src/bench/load-child.ts')],
    { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] }
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stdin.end(JSON.stringify({ url, path, ...options }))
  // 'close', not 'exit': its output may still be on its way when it exits.
  const [code] = await once(child, 'close')
  if (code !== 0) throw new Error(`the load process exited with code ${String(code)}`)
  return JSON.parse(output) as LoadResult
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
