// `npm run bench [-- --scale 10000,100000 --pdfs DIR --json OUT]`: speed and memory figures, as a table and as JSON.
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ingestBench } from '../bench/ingest.ts'
import { latency, median, round, time, times } from '../bench/measure.ts'
import { scaleBench, type ScaleResult } from '../bench/scale.ts'
import {
  BASELINE_SERVER,
  SERVER,
  type LoadResult,
  askRequest,
  buildServer,
  coldStart,
  loadApart,
  memoryOf,
  startProcess,
  stop,
} from '../bench/serving.ts'
import { PROJECT_ROOT, loadConfig } from '../config.ts'
import { buildIndex } from '../index/build.ts'
import { sifEmbedder } from '../index/embedder.ts'
import { ensureIndex } from '../index/load.ts'
import { ensureVectors } from '../index/vectors.ts'
import { loadRecords } from '../records/load.ts'
import { createApp } from '../server/app.tsx'
import { composePipeline } from '../compose.ts'
import { UsageError, run, stderrLog } from './run.ts'

/** Variants of each eval question, so that no answer is the same twice in a row. */
const VARIANTS = [
  (q: string) => q,
  (q: string) => q.toLowerCase(),
  (q: string) => `Please tell me: ${q}`,
  (q: string) => `${q} Thank you.`,
]

/** A load's throughput, latency and failures, as the table prints them. */
const askFigures = (l: LoadResult): string =>
  `${l.requestsPerSecond} req/s, p50 ${l.latencyMs.p50} / p95 ${l.latencyMs.p95} / p99 ${l.latencyMs.p99} ms, ${l.errors} errors, ${l.non2xx} non-2xx`

const USAGE = 'usage: npm run bench [-- --scale 10000,100000 --pdfs DIR --json OUT]'

run(USAGE, async () => {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, json: { type: 'string' }, pdfs: { type: 'string' } },
  })
  // The UN's own PDFs beside the checkout, when they are there.
  const pdfDir = resolve(
    values.pdfs ?? join(PROJECT_ROOT, '..', 'shared', 'external', 'upr-slovenia')
  )
  const scales = (values.scale ?? '10000,100000').split(',').filter(Boolean).map(Number)
  if (scales.some((n) => !Number.isInteger(n) || n < 100))
    throw new UsageError('--scale takes paragraph counts of at least 100, comma-separated')
  const out = resolve(values.json ?? join(PROJECT_ROOT, 'evals/reports/bench.json'))
  const config = loadConfig()
  const vectors = await ensureVectors(config.vectorsPath, { log: stderrLog })
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-bench-'))
  const recordsDir = join(dir, 'records')
  await cp(config.recordsDir, recordsDir, { recursive: true })
  const loaded = await loadRecords(recordsDir)
  const eval_ = (await readFile(join(PROJECT_ROOT, 'evals/sets/cmw-c-sr-593.jsonl'), 'utf8'))
    .trim()
    .split('\n')
  const questions = eval_.map((line) => (JSON.parse(line) as { question: string }).question)
  const varied = VARIANTS.flatMap((v) => questions.map(v))

  stderrLog('index build')
  const parseMs = median(await times(5, () => loadRecords(recordsDir)))
  const buildMs = median(
    await times(5, () => buildIndex({ ...loaded, embedder: sifEmbedder(vectors), vectors }))
  )

  stderrLog('ingestion')
  const ingest = existsSync(pdfDir) ? await ingestBench({ pdfDir, recordsDir, vectors }) : null

  stderrLog('latency in-process')
  const { index } = await ensureIndex(join(dir, 'index'), { recordsDir, vectors })
  const app = createApp(composePipeline(index))
  const post = (question: string) =>
    app.request('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question }),
    })
  for (const q of questions.slice(0, 50)) await post(q)
  const askDurations: number[] = []
  for (const q of varied) askDurations.push(await time(() => post(q)))
  const healthDurations = await times(varied.length, () => app.request('/healthz'))

  stderrLog('cold start')
  buildServer()
  const env = {
    PORT: '0',
    RAPPORTEUR_INDEX_DIR: join(dir, 'index'),
    RAPPORTEUR_RECORDS_DIR: recordsDir,
    RAPPORTEUR_LOG: 'off',
  }
  const answers = async (url: string) => (await askRequest(url, questions[0] ?? 'remittances')).ok
  const serverCold = await coldStart(process.execPath, SERVER, env, answers)
  const baselineCold = await coldStart(
    process.execPath,
    BASELINE_SERVER,
    {},
    async (url) => (await fetch(url)).ok
  )

  const { workers } = config
  stderrLog(`load over loopback: 10 s each at 32 connections, ${workers} server processes and one`)
  /**
   * Starts the server with `processes`, asks it each question once, one at a time (what a
   * question costs the first time the server sees it, its words not yet compared with the
   * record's, and the JIT's warm-up), then loads it, and measures `also` on it before it stops.
   */
  const serveAndLoad = async <T>(processes: number, also: (url: string) => Promise<T>) => {
    const server = await startProcess(
      process.execPath,
      SERVER,
      { ...env, RAPPORTEUR_WORKERS: String(processes) },
      answers,
      processes > 1 ? /server processes share the port/ : undefined
    )
    const firstSight: number[] = []
    for (const q of varied) {
      firstSight.push(await time(async () => (await askRequest(server.url, q)).text()))
    }
    const askLoad = await loadApart(server.url, '/api/ask', {
      bodies: varied.map((question) => JSON.stringify({ question })),
    })
    const measured = await also(server.url)
    const memory = await memoryOf(server.child.pid ?? 0)
    await stop(server.child)
    return { firstSight, askLoad, measured, memory }
  }
  const {
    firstSight,
    askLoad,
    measured: healthLoad,
    memory,
  } = await serveAndLoad(workers, (url) => loadApart(url, '/healthz', {}))
  // The same server in one process, its baseline for what the processes add.
  const single = workers > 1 ? await serveAndLoad(1, async () => null) : null
  const baseline = await startProcess(
    process.execPath,
    BASELINE_SERVER,
    {},
    async (url) => (await fetch(url)).ok
  )
  const baselineMemory = await memoryOf(baseline.child.pid ?? 0)
  await stop(baseline.child)

  const scale: ScaleResult[] = []
  for (const paragraphs of scales) {
    stderrLog(`scale: ${paragraphs} synthetic paragraphs`)
    const scaleDir = join(dir, `scale-${paragraphs}`)
    await mkdir(scaleDir)
    scale.push(
      await scaleBench({
        vectors,
        source: loaded.records.flatMap((r) => r.blocks),
        paragraphs,
        questions,
        dir: scaleDir,
        mValues: paragraphs <= 10_000 ? [8, 16, 32] : [16],
        log: stderrLog,
      })
    )
  }

  const results = {
    machine: {
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      date: new Date().toISOString(),
    },
    build: {
      medianMs: round(buildMs, 1),
      baselineParseMs: round(parseMs, 1),
      ratio: round(buildMs / parseMs, 1),
    },
    ingest,
    coldStart: {
      medianMs: serverCold,
      baselineMs: baselineCold,
      ratio: round(serverCold / baselineCold, 1),
    },
    askInProcess: {
      requests: askDurations.length,
      latencyMs: latency(askDurations),
      healthzP50Ms: round(median(healthDurations), 3),
      ratioP50: round(median(askDurations) / median(healthDurations), 1),
    },
    http: {
      processes: workers,
      firstSight: { requests: firstSight.length, latencyMs: latency(firstSight) },
      ask: askLoad,
      healthz: healthLoad,
      throughputRatio: round(askLoad.requestsPerSecond / healthLoad.requestsPerSecond, 3),
      oneProcess: single
        ? {
            ask: single.askLoad,
            throughputRatio: round(askLoad.requestsPerSecond / single.askLoad.requestsPerSecond, 2),
          }
        : null,
    },
    memory: {
      afterLoad: memory,
      oneProcessAfterLoad: single?.memory ?? null,
      baselineNodeServer: baselineMemory,
    },
    scale,
  }
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`)
  const rows: [string, string][] = [
    [
      'index build (median of 5)',
      `${results.build.medianMs} ms (${results.build.ratio}× parsing the records, ${results.build.baselineParseMs} ms)`,
    ],
    ...(ingest
      ? ([
          [
            `reading ${ingest.files} UN PDFs (median of 3)`,
            `${ingest.readMs} ms for ${ingest.paragraphs} paragraphs (${round(ingest.readMs / ingest.baselineMs, 2)}× pdf.js alone, ${ingest.baselineMs} ms); peak memory ${ingest.peakMB} MB (pdf.js alone ${ingest.baselinePeakMB} MB)`,
          ],
          [
            `index build, all ${ingest.library.records} records (median of 3)`,
            `${ingest.library.buildMs} ms for ${ingest.library.paragraphs} paragraphs (${round(ingest.library.buildMs / ingest.library.parseMs, 2)}× reading them, ${ingest.library.parseMs} ms)`,
          ],
        ] as [string, string][])
      : [['reading UN PDFs', `skipped: no PDFs in ${pdfDir}`] as [string, string]]),
    [
      'cold start to first answer (median of 3)',
      `${serverCold} ms (${results.coldStart.ratio}× a bare Node http server, ${baselineCold} ms)`,
    ],
    [
      '/api/ask in-process',
      `p50 ${results.askInProcess.latencyMs.p50} ms, p95 ${results.askInProcess.latencyMs.p95} ms over ${askDurations.length} questions (${results.askInProcess.ratioP50}× /healthz p50)`,
    ],
    [
      '/api/ask over HTTP, first sight, 1 conn',
      `p50 ${results.http.firstSight.latencyMs.p50} ms, p95 ${results.http.firstSight.latencyMs.p95} ms over ${firstSight.length} questions, each new to the server`,
    ],
    [`/api/ask over HTTP, 32 conns, 10 s, ${workers} processes`, askFigures(askLoad)],
    ...(single
      ? ([
          [
            '/api/ask over HTTP, 32 conns, 10 s, 1 process',
            `${askFigures(single.askLoad)} (${workers} processes: ${results.http.oneProcess?.throughputRatio}× its throughput)`,
          ],
        ] as [string, string][])
      : []),
    [
      '/healthz over HTTP, 32 conns, 10 s',
      `${healthLoad.requestsPerSecond} req/s, p50 ${healthLoad.latencyMs.p50} / p95 ${healthLoad.latencyMs.p95} / p99 ${healthLoad.latencyMs.p99} ms`,
    ],
    ['ask / healthz throughput', `${results.http.throughputRatio}`],
    [
      'memory after load (Pss, all processes)',
      `${memory.rssMB} MB (peak ${memory.peakMB} MB${single ? `; one process ${single.memory.rssMB} MB` : ''}; bare Node server ${baselineMemory.rssMB} MB)`,
    ],
    ...scale.flatMap((s): [string, string][] => [
      [
        `${s.paragraphs} paragraphs (${s.sentences} sentence vectors)`,
        `build ${s.buildMs} ms, ${s.diskMB} MB on disk, hybrid query p50 ${s.query.p50} / p95 ${s.query.p95} ms`,
      ],
      ...s.tradeoff.map((t): [string, string] => [
        `  M ${t.m}, efSearch ${t.efSearch}`,
        `recall@10 ${t.recallAt10}, HNSW search p50 ${t.searchP50Ms} ms${t.buildMs ? `, graph build ${t.buildMs} ms` : ''}`,
      ]),
    ]),
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'))
  console.log(`\nJSON: ${out}`)
})
