// Scale benchmark: build, disk size, query latency and HNSW recall@10 against exact search.
import hnswlib from 'hnswlib-node'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { buildIndex, writeIndex } from '../index/build.ts'
import { sifEmbedder } from '../index/embedder.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { WordVectors } from '../index/vectors.ts'
import type { Block } from '../records/block.ts'
import { composePipeline } from '../compose.ts'
import { splitSentences } from '../text/sentences.ts'
import type { Latency } from './measure.ts'
import { latency, median, round, time } from './measure.ts'
import { seededRandom, syntheticRecords } from './synthetic.ts'

export type Tradeoff = {
  m: number
  efSearch: number
  recallAt10: number
  searchP50Ms: number
  buildMs?: number
}

export type ScaleResult = {
  paragraphs: number
  sentences: number
  buildMs: number
  diskMB: number
  query: Latency
  tradeoff: Tradeoff[]
}

const K = 10

const directorySize = async (dir: string): Promise<number> => {
  let bytes = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    bytes += entry.isDirectory() ? await directorySize(path) : (await stat(path)).size
  }
  return bytes
}

/** Every stored vector, unit length, as one flat array for exact search. */
const allPoints = (graph: hnswlib.HierarchicalNSW, dims: number): Float32Array => {
  const count = graph.getCurrentCount()
  const points = new Float32Array(count * dims)
  for (let label = 0; label < count; label++) {
    const v = graph.getPoint(label)
    const norm = Math.hypot(...v) || 1
    for (let d = 0; d < dims; d++) points[label * dims + d] = (v[d] ?? 0) / norm
  }
  return points
}

/** Exact top-k labels and similarities by cosine. */
const exactTop = (
  points: Float32Array,
  dims: number,
  query: number[]
): { label: number; score: number }[] => {
  const norm = Math.hypot(...query) || 1
  const q = query.map((x) => x / norm)
  const best: { label: number; score: number }[] = []
  for (let label = 0; label * dims < points.length; label++) {
    let score = 0
    for (let d = 0; d < dims; d++) score += (points[label * dims + d] ?? 0) * (q[d] ?? 0)
    if (best.length < K || score > (best[K - 1]?.score ?? -Infinity)) {
      best.push({ label, score })
      best.sort((a, b) => b.score - a.score)
      if (best.length > K) best.pop()
    }
  }
  return best
}

/**
 * recall@10 against exact search. Recombined corpora hold sentences whose vectors tie, so a
 * neighbour counts when it is as close as the exact 10th (the usual distance-based definition).
 */
const recallAt10 = (
  graph: hnswlib.HierarchicalNSW,
  queries: number[][],
  exact: { label: number; score: number }[][]
): { recall: number; p50: number } => {
  const durations: number[] = []
  let found = 0
  queries.forEach((q, i) => {
    const started = performance.now()
    const { distances } = graph.searchKnn(q, K)
    durations.push(performance.now() - started)
    const kth = exact[i]?.at(-1)?.score ?? 1
    found += distances.filter((distance) => 1 - distance >= kth - 1e-5).length
  })
  return { recall: round(found / (queries.length * K), 4), p50: round(median(durations), 3) }
}

/** Sentences of the corpus with every third word dropped: near, not identical, to what is stored. */
const queryTexts = (blocks: Block[], count: number, seed: number): string[] => {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => {
    const block = blocks[Math.floor(random() * blocks.length)] as Block
    const first = splitSentences(block.text)[0] ?? { start: 0, end: block.text.length }
    return block.text
      .slice(first.start, first.end)
      .split(' ')
      .filter((_, i) => i % 3 !== 2)
      .join(' ')
  })
}

export type ScaleOptions = {
  vectors: WordVectors
  source: Block[]
  paragraphs: number
  questions: string[]
  dir: string
  efSearchValues?: number[]
  /** Graph degrees to compare, each built afresh from the same vectors (costly at large scale). */
  mValues?: number[]
  log?: (message: string) => void
}

export const scaleBench = async ({
  vectors,
  source,
  paragraphs,
  questions,
  dir,
  efSearchValues = [16, 32, 64, 128, 256],
  mValues = [16],
  log = () => {},
}: ScaleOptions): Promise<ScaleResult> => {
  const records = syntheticRecords(source, paragraphs)
  log(`  ${paragraphs} paragraphs: building`)
  let index: SearchIndex | undefined
  const buildMs = await time(async () => {
    index = await buildIndex({
      records,
      sources: [],
      failures: [],
      embedder: sifEmbedder(vectors),
      vectors,
    })
  })
  if (!index) throw new Error('the synthetic build produced no index')
  const built = index
  await writeIndex(built, dir)
  const diskMB = round((await directorySize(join(dir, 'builds'))) / 2 ** 20, 1)
  log(`  ${paragraphs} paragraphs: querying`)
  const queryDurations: number[] = []
  const pipeline = composePipeline(built)
  for (const q of questions)
    queryDurations.push(await time(() => pipeline.search({ question: q, k: K, history: [] })))
  const dims = vectors.dims
  const graph = built.dense.index
  const points = allPoints(graph, dims)
  const queries = await built.embeddings.embedDocuments(queryTexts(built.blocks, 200, paragraphs))
  log(`  ${paragraphs} paragraphs: exact search for recall`)
  const exact = queries.map((q) => exactTop(points, dims, q))
  const tradeoff: Tradeoff[] = []
  for (const m of mValues) {
    let candidate = graph
    let graphBuildMs: number | undefined
    if (m !== built.manifest.hnsw.m) {
      candidate = new hnswlib.HierarchicalNSW('cosine', dims)
      graphBuildMs = round(
        await time(() => {
          candidate.initIndex(graph.getCurrentCount(), m, built.manifest.hnsw.efConstruction, 100)
          for (let label = 0; label * dims < points.length; label++)
            candidate.addPoint(Array.from(points.subarray(label * dims, (label + 1) * dims)), label)
        }),
        0
      )
    }
    for (const efSearch of efSearchValues) {
      candidate.setEf(efSearch)
      const { recall, p50 } = recallAt10(candidate, queries, exact)
      tradeoff.push({
        m,
        efSearch,
        recallAt10: recall,
        searchP50Ms: p50,
        ...(graphBuildMs === undefined ? {} : { buildMs: graphBuildMs }),
      })
    }
  }
  graph.setEf(built.manifest.hnsw.efSearch)
  return {
    paragraphs,
    sentences: graph.getCurrentCount(),
    buildMs: round(buildMs, 0),
    diskMB,
    query: latency(queryDurations),
    tradeoff,
  }
}
