// Builds an index from parsed records and writes it atomically: a new build directory, then CURRENT swapped by rename.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib'
import { Document } from '@langchain/core/documents'
import type { Embeddings } from '@langchain/core/embeddings'
import hnswlib from 'hnswlib-node'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Block, ParsedRecord, RecordInfo } from '../records/block.ts'
import type { RecordFailure, SourceFile } from '../records/load.ts'
import { sha256 } from '../records/load.ts'
import { serializeBm25Index } from './bm25-index.ts'
import { blockKey, buildLexicalIndex, termStatsOf } from './lexical.ts'
import type { Manifest } from './manifest.ts'
import { INDEX_FORMAT } from './manifest.ts'
import type { SearchIndex } from './search-index.ts'
import { assembleIndex } from './search-index.ts'
import type { NamedEmbeddings } from './embedder.ts'
import { SifEmbeddings } from './sif-embeddings.ts'
import type { WordVectors } from './vectors.ts'
import { splitSentences } from '../text/sentences.ts'

export const CURRENT_FILE = 'CURRENT'
export const BUILDS_DIR = 'builds'

export type BuildInput = {
  records: ParsedRecord[]
  sources: SourceFile[]
  failures: RecordFailure[]
  embedder: NamedEmbeddings
  vectors: WordVectors
}

export type BuildOptions = {
  /** Search width; LangChain never sets it and hnswlib's default (10) costs recall. */
  efSearch?: number
  /** Graph degree. */
  m?: number
  /** Search width while building. */
  efConstruction?: number
}

/**
 * The HNSW store for these documents and their vectors. The graph is built here rather than by
 * `HNSWLib.fromDocuments`, which fixes M and efConstruction at hnswlib's defaults.
 */
const denseStore = (
  documents: Document[],
  vectors: number[][],
  embeddings: Embeddings,
  m: number,
  efConstruction: number
): HNSWLib => {
  const numDimensions = vectors[0]?.length ?? 0
  const graph = new hnswlib.HierarchicalNSW('cosine', numDimensions)
  graph.initIndex(Math.max(1, vectors.length), m, efConstruction, 100)
  vectors.forEach((vector, label) => graph.addPoint(vector, label))
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions })
  store._index = graph
  store.docstore.add(Object.fromEntries(documents.map((d, label) => [label, d])))
  return store
}

/** The embedder for queries and the documents' vectors; a SIF embedder is fitted on them first. */
const embedAll = async (
  embeddings: Embeddings,
  texts: string[]
): Promise<{ embeddings: Embeddings; vectors: number[][] }> =>
  embeddings instanceof SifEmbeddings
    ? embeddings.fitDocuments(texts)
    : { embeddings, vectors: await embeddings.embedDocuments(texts) }

/** Builds the index in memory. A SIF embedder's common component is fitted on these blocks' sentences. */
export const buildIndex = async (
  { records, sources, failures, embedder, vectors }: BuildInput,
  { efSearch = 64, m = 16, efConstruction = 100 }: BuildOptions = {}
): Promise<SearchIndex> => {
  const started = performance.now()
  const blocks = records.flatMap((r) => r.blocks)
  // Sentences, not paragraphs, are embedded: an average over a long paragraph blurs what any one
  // sentence says, and a question usually matches one sentence. A block scores as its best sentence.
  const documents = blocks.flatMap((b) =>
    splitSentences(b.text).map(
      ({ start, end }) =>
        new Document({
          pageContent: b.text.slice(start, end),
          metadata: { key: blockKey(b), start, end },
        })
    )
  )
  const embedded = await embedAll(
    embedder.embeddings,
    documents.map((d) => d.pageContent)
  )
  const fitted = embedded.embeddings
  const dense = denseStore(documents, embedded.vectors, fitted, m, efConstruction)
  const infos: RecordInfo[] = records.map((r) => ({
    ...r.meta,
    slug: r.slug,
    file: r.file,
    format: r.format,
    numbering: r.numbering,
    blocks: r.blocks.length,
    paragraphs: r.blocks.filter((b) => b.paragraph !== null).length,
    roster: r.roster,
    warnings: r.warnings,
  }))
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    id: `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
    builtAt: new Date().toISOString(),
    buildMs: 0,
    sources,
    failures,
    records: infos.map(({ file, symbol, format, numbering, paragraphs, warnings }) => ({
      file,
      symbol,
      format,
      numbering,
      paragraphs,
      warnings,
    })),
    embedder: {
      name: embedder.name,
      dims: dense.args.numDimensions ?? 0,
      settings: embedder.settings,
    },
    hnsw: { space: 'cosine', m, efConstruction, efSearch },
    lexical: { library: 'rapporteur postings', scoring: 'BM25+ over weighted fields' },
    counts: {
      records: records.length,
      blocks: blocks.length,
      paragraphs: infos.reduce((n, r) => n + r.paragraphs, 0),
    },
    files: {},
  }
  const index = assembleIndex({
    manifest,
    records: infos,
    blocks,
    embeddings: fitted,
    vectors,
    dense,
    lexical: buildLexicalIndex(blocks),
    terms: termStatsOf(blocks),
  })
  index.dense.index.setEf(efSearch)
  manifest.buildMs = Math.round(performance.now() - started)
  return index
}

/** The JSON files of a build besides LangChain's own (hnswlib.index, args.json, docstore.json). */
export const STORED_FILES = ['corpus.json', 'lexical.json', 'terms.json', 'embedder.json'] as const

/** Serialised corpus: records and blocks. */
export type StoredCorpus = { records: RecordInfo[]; blocks: Block[] }

/**
 * Writes `index` under `dir` and returns the manifest as written, file hashes included. The build goes to a temporary directory, is renamed into
 * `builds/<id>`, and only then does CURRENT (itself written aside and renamed) point at it.
 * Readers therefore see the old build or the new one, never a half-written one.
 */
export const writeIndex = async (index: SearchIndex, dir: string): Promise<Manifest> => {
  const builds = join(dir, BUILDS_DIR)
  const id = index.manifest.id
  const aside = join(builds, `.${id}.tmp`)
  await removeStaleBuilds(dir)
  await rm(aside, { recursive: true, force: true })
  await mkdir(aside, { recursive: true })
  // Who is writing this build: a later start removes it only once this process is gone.
  await writeFile(join(aside, OWNER_FILE), JSON.stringify({ pid: process.pid }))
  await index.dense.save(aside)
  const corpus: StoredCorpus = { records: index.records, blocks: index.blocks }
  const contents: Record<(typeof STORED_FILES)[number], string> = {
    'corpus.json': JSON.stringify(corpus),
    'lexical.json': serializeBm25Index(index.lexical),
    'terms.json': JSON.stringify(index.terms),
    // A SIF embedder's fitted state; other embedders keep theirs outside the index.
    'embedder.json': JSON.stringify(
      index.embeddings instanceof SifEmbeddings ? index.embeddings.params : {}
    ),
  }
  await Promise.all(
    Object.entries(contents).map(([name, text]) => writeFile(join(aside, name), text))
  )
  const files: Record<string, string> = {}
  for (const name of (await readdir(aside)).sort())
    if (name !== OWNER_FILE) files[name] = sha256(await readFile(join(aside, name)))
  const manifest: Manifest = { ...index.manifest, files }
  await writeFile(join(aside, 'manifest.json'), JSON.stringify(manifest, null, 2))
  await rename(aside, join(builds, id))
  await rm(join(builds, id, OWNER_FILE), { force: true })
  const pointer = join(dir, `${CURRENT_FILE}.${process.pid}.tmp`)
  await writeFile(pointer, `${id}\n`)
  await rename(pointer, join(dir, CURRENT_FILE))
  await removeOtherBuilds(builds, id)
  return manifest
}

/** The file in a build being written that names the process writing it. */
const OWNER_FILE = '.owner'
/** A half-written build that names no writer is left this long before it counts as abandoned. */
const UNOWNED_GRACE_MS = 10 * 60_000

/** Whether a process is running: signal 0 checks without signalling (EPERM: it runs as another user). */
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes what failed or killed builds left behind: `builds/.<id>.tmp` directories and
 * `CURRENT.<pid>.tmp` pointers whose writer is no longer running (a build with no owner file
 * counts as abandoned once it is ten minutes old). Another live process's build is left alone.
 */
export const removeStaleBuilds = async (dir: string): Promise<string[]> => {
  const removed: string[] = []
  const builds = join(dir, BUILDS_DIR)
  const entries = await readdir(builds).catch(() => [] as string[])
  for (const name of entries.filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) {
    const path = join(builds, name)
    const owner = await readFile(join(path, OWNER_FILE), 'utf8')
      .then((text) => (JSON.parse(text) as { pid?: unknown }).pid)
      .catch(() => null)
    const abandoned =
      typeof owner === 'number'
        ? !isRunning(owner)
        : Date.now() - (await stat(path)).mtimeMs > UNOWNED_GRACE_MS
    // A folder that cannot be written (read-only, full) keeps them until it can.
    if (
      abandoned &&
      (await rm(path, { recursive: true, force: true }).then(
        () => true,
        () => false
      ))
    )
      removed.push(join(BUILDS_DIR, name))
  }
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = new RegExp(`^${CURRENT_FILE}\\.(\\d+)\\.tmp$`).exec(name)?.[1]
    if (
      pid &&
      !isRunning(Number(pid)) &&
      (await rm(join(dir, name), { force: true }).then(
        () => true,
        () => false
      ))
    )
      removed.push(name)
  }
  return removed
}

const removeOtherBuilds = async (builds: string, keep: string): Promise<void> => {
  for (const name of await readdir(builds)) {
    // Another process's build in progress is left alone.
    if (name !== keep && !name.endsWith('.tmp'))
      await rm(join(builds, name), { recursive: true, force: true })
  }
}
