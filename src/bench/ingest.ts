// The ingestion benchmark: reading the UN's own PDFs (time and peak memory, each against a baseline) and building one index of every record.
import { build } from 'esbuild'
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from '../config.ts'
import { buildIndex } from '../index/build.ts'
import { sifEmbedder } from '../index/embedder.ts'
import type { WordVectors } from '../index/vectors.ts'
import { loadRecords } from '../records/load.ts'
import { median, round, times } from './measure.ts'

const exec = promisify(execFile)
const CHILD = join(PROJECT_ROOT, 'dist/ingest-child.mjs')

type ChildRun = { ms: number; paragraphs: number; peakMB: number }

/**
 * The reader compiled as `npm start` compiles the server: pdf.js stays outside the bundle and is
 * loaded by Node itself (through tsx it would be transformed, at twice the time and memory).
 */
const compileChild = () =>
  build({
    entryPoints: [join(PROJECT_ROOT, 'src/bench/ingest-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['pdfjs-dist'],
    outfile: CHILD,
    logLevel: 'warning',
  })

const child = async (files: string[], baseline: boolean): Promise<ChildRun> => {
  const args = [CHILD, ...files, ...(baseline ? ['--baseline'] : [])]
  const { stdout } = await exec(process.execPath, args, { cwd: PROJECT_ROOT })
  return JSON.parse(stdout) as ChildRun
}

export type IngestResult = {
  files: number
  paragraphs: number
  readMs: number
  /** pdf.js alone reading the same files (text and operators of every page), in a process of its own. */
  baselineMs: number
  peakMB: number
  baselinePeakMB: number
  library: { records: number; paragraphs: number; buildMs: number; parseMs: number }
}

/**
 * Reads the PDFs in `pdfDir` in a fresh process, three times, and builds one index of them with
 * the repository's records. Each figure is a median, beside its baseline from the same run.
 */
export const ingestBench = async ({
  pdfDir,
  recordsDir,
  vectors,
}: {
  pdfDir: string
  recordsDir: string
  vectors: WordVectors
}): Promise<IngestResult> => {
  const pdfs = (await readdir(pdfDir)).filter((f) => f.endsWith('.pdf')).map((f) => join(pdfDir, f))
  await compileChild()
  const runs: ChildRun[] = []
  const baselines: ChildRun[] = []
  for (let i = 0; i < 3; i++) {
    runs.push(await child(pdfs, false))
    baselines.push(await child(pdfs, true))
  }
  // The library is put together in the system's temporary folder, never beside the records, and
  // removed afterwards.
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-bench-library-'))
  try {
    await cp(recordsDir, dir, { recursive: true })
    for (const pdf of pdfs) await cp(pdf, join(dir, pdf.split('/').pop() ?? 'record.pdf'))
    const isWord = (word: string) => vectors.rankOf(word) !== undefined
    const loaded = await loadRecords(dir, { isWord })
    const parseMs = median(await times(3, () => loadRecords(dir, { isWord })))
    const buildMs = median(
      await times(3, () => buildIndex({ ...loaded, embedder: sifEmbedder(vectors), vectors }))
    )
    return {
      files: pdfs.length,
      paragraphs: runs[0]?.paragraphs ?? 0,
      readMs: round(median(runs.map((r) => r.ms)), 0),
      baselineMs: round(median(baselines.map((r) => r.ms)), 1),
      peakMB: round(median(runs.map((r) => r.peakMB)), 1),
      baselinePeakMB: round(median(baselines.map((r) => r.peakMB)), 1),
      library: {
        records: loaded.records.length,
        paragraphs: loaded.records.reduce(
          (n, r) => n + r.blocks.filter((b) => b.kind === 'paragraph').length,
          0
        ),
        buildMs: round(buildMs, 0),
        parseMs: round(parseMs, 0),
      },
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
