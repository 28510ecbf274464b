// `npm start`: builds the index if needed and serves on HOST:PORT (localhost by default) until SIGTERM.
import { serve } from '@hono/node-server'
import cluster from 'node:cluster'
import { composePipeline, openGenerator, openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { createApp } from '../server/app.tsx'
import type { Server } from 'node:http'
import { primaryWindows, superviseWorkers } from '../server/cluster.ts'
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
  // others open the build it made, as it is, and would only repeat its report. Each says whether
  // its chat model answers, since one may reach it and another not.
  const first = (cluster.worker?.id ?? 1) === 1
  const log = first ? stderrLog : () => {}
  const { index, warnings } = await openRapporteur(config, log, { build: first })
  const generator = await openGenerator(
    config.llm,
    first ? stderrLog : (m) => stderrLog(`server process ${process.pid}: ${m}`)
  )
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
            onTimeout: () =>
              stderrLog(
                'rate limit: the primary process did not count a request in time; it is let through'
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
