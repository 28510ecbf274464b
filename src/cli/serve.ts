// `npm start`: builds the index if needed and serves on HOST:PORT (localhost by default) until SIGTERM.
import { serve } from '@hono/node-server'
import cluster from 'node:cluster'
import { composePipeline, openGenerator, openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { createApp } from '../server/app.tsx'
import type { Server } from 'node:http'
import {
  primaryWindows,
  reportServing,
  servingOfFirst,
  superviseWorkers,
} from '../server/cluster.ts'
import { drainable } from '../server/drain.ts'
import { answerClientErrors, nodeServerOptions } from '../server/limits.ts'
import type { LogLine } from '../server/middleware.ts'
import { run, stderrLog } from './run.ts'

/** How long in-flight requests may take to finish after SIGTERM before the process exits anyway. */
const DRAIN_MS = 10_000

const writeLine = (line: LogLine) => process.stderr.write(`${JSON.stringify(line)}\n`)

const USAGE =
  'usage: npm start (HOST, PORT and the other settings are environment variables; see README.md)'

run(USAGE, async () => {
  const config = loadConfig()
  if (cluster.isPrimary && config.workers > 1) {
    superviseWorkers({ workers: config.workers, log: stderrLog, drainMs: DRAIN_MS })
    return
  }
  // A terminal's Ctrl-C reaches every process of a cluster: its primary stops the workers.
  if (cluster.isWorker) process.on('SIGINT', () => {})
  // Of a cluster's workers, the first builds the index if need be and reports what it read; the
  // others serve what it serves (its build as it is, or a build in memory where it could make no
  // other), told by the primary, and would only repeat its report: each says only what differs
  // for it, a chat model it cannot reach.
  const first = (cluster.worker?.id ?? 1) === 1
  const like = first ? null : await servingOfFirst()
  const log = first ? stderrLog : () => {}
  const ensured = await openRapporteur(config, log, like ? { like } : {})
  const { index, warnings } = ensured
  const generator = await openGenerator(config.llm, log)
  if (like && like.generative !== (generator !== null))
    stderrLog(
      `server process ${process.pid}: answers are ${generator ? 'generative' : 'extractive'} here, unlike the first process's${generator ? '' : ': its chat model did not answer'}`
    )
  if (first && cluster.isWorker)
    reportServing({ onDisk: ensured.onDisk, warnings, generative: generator !== null })
  const pipeline = composePipeline(index, { generator, generationTimeoutMs: config.llm.timeoutMs })
  // The dialogue maps are worked out once, before the first request, not by it.
  const started = performance.now()
  await Promise.all(index.records.map((r) => pipeline.dialogue(r.symbol)))
  log(
    `dialogue maps of ${index.records.length} records in ${Math.round(performance.now() - started)} ms`
  )
  // A generative answer may take the model's whole time budget, and a little more.
  const budgetMs = generator
    ? Math.max(config.timeoutMs, config.llm.timeoutMs + 2_000)
    : config.timeoutMs
  const app = createApp(pipeline, {
    maxBodyBytes: config.maxBodyBytes,
    timeoutMs: budgetMs,
    warnings,
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    ...(cluster.isWorker
      ? {
          rateWindows: primaryWindows({
            onTimeout: (missed) =>
              stderrLog(
                `rate limit: the primary process did not count ${missed} request${missed === 1 ? '' : 's'} in time; let through`
              ),
          }),
        }
      : {}),
    logQuestions: config.logQuestions,
    ...(config.log ? { log: writeLine } : {}),
    logError: (error) =>
      writeLine({
        time: new Date().toISOString(),
        level: 'error',
        msg: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? (error.stack ?? null) : null,
      }),
  })
  const server = serve(
    {
      fetch: app.fetch,
      hostname: config.host,
      port: config.port,
      serverOptions: nodeServerOptions(budgetMs),
    },
    (info) => {
      const symbols = index.records.map((r) => r.symbol).join(', ')
      log(`Rapporteur serving ${symbols} on http://${config.host}:${info.port}`)
    }
  )
  answerClientErrors(server as Server)
  server.on('error', (error) => {
    stderrLog(`error: cannot listen on ${config.host}:${config.port}: ${error.message}`)
    process.exit(1)
  })
  const { drain } = drainable(server as Server, { limitMs: DRAIN_MS })
  for (const signal of cluster.isWorker
    ? (['SIGTERM'] as const)
    : (['SIGINT', 'SIGTERM'] as const)) {
    process.once(signal, () => {
      // In a cluster, its primary says so once for all its workers.
      if (cluster.isPrimary) stderrLog(`${signal}: finishing the requests in flight`)
      drain()
    })
  }
})
