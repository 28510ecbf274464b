// Opens a built index after checking it is complete, intact and current; rebuilds it when it is not.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { IndexInvalidError } from '../errors.ts'
import type { RecordFailure } from '../records/load.ts'
import { listSources, loadRecords, sha256 } from '../records/load.ts'
import type { BuildOptions, StoredCorpus } from './build.ts'
import { BUILDS_DIR, CURRENT_FILE, buildIndex, removeStaleBuilds, writeIndex } from './build.ts'
import { loadBm25Index } from './bm25-index.ts'
import type { TermStats } from './lexical.ts'
import type { Manifest } from './manifest.ts'
import { INDEX_FORMAT, ManifestSchema } from './manifest.ts'
import type { SearchIndex } from './search-index.ts'
import { assembleIndex } from './search-index.ts'
import type { SifParams } from './sif-embeddings.ts'
import { SifEmbeddings } from './sif-embeddings.ts'
import type { NamedEmbeddings } from './embedder.ts'
import { sameEmbedder, sifEmbedder } from './embedder.ts'
import type { WordVectors } from './vectors.ts'

export type OpenOptions = {
  recordsDir: string
  vectors: WordVectors
  /** The sentence embedder; SIF over `vectors` when not given. */
  embedder?: NamedEmbeddings
  efSearch?: number
}

const readCurrent = async (dir: string): Promise<string> => {
  try {
    return (await readFile(join(dir, CURRENT_FILE), 'utf8')).trim()
  } catch {
    throw new IndexInvalidError(`no index has been built in ${dir}`, 'missing')
  }
}

const readManifest = async (build: string): Promise<Manifest> => {
  let json: unknown
  try {
    json = JSON.parse(await readFile(join(build, 'manifest.json'), 'utf8'))
  } catch (error) {
    throw new IndexInvalidError(
      `manifest of ${build} is unreadable: ${(error as Error).message}`,
      'corrupt'
    )
  }
  const format = (json as { format?: unknown } | null)?.format
  if (format !== INDEX_FORMAT) {
    throw new IndexInvalidError(
      `index format ${String(format)} is not the current ${INDEX_FORMAT}`,
      'stale'
    )
  }
  const parsed = ManifestSchema.safeParse(json)
  if (!parsed.success) throw new IndexInvalidError(`manifest of ${build} is malformed`, 'corrupt')
  return parsed.data
}

/** Throws IndexInvalidError('stale') when the sources or embedder settings differ from the build's. */
const checkCurrent = async (manifest: Manifest, recordsDir: string, embedder: NamedEmbeddings) => {
  const sources = await listSources(recordsDir)
  const same =
    sources.length === manifest.sources.length &&
    sources.every(
      (s, i) => s.file === manifest.sources[i]?.file && s.sha256 === manifest.sources[i]?.sha256
    )
  if (!same)
    throw new IndexInvalidError('the source records changed since the index was built', 'stale')
  if (!sameEmbedder(manifest.embedder, embedder)) {
    throw new IndexInvalidError('the embedder settings changed since the index was built', 'stale')
  }
}

/**
 * Opens the current build in `dir`. Throws IndexInvalidError when it is missing, stale or corrupt;
 * with `acceptStale`, a stale but intact build is opened all the same.
 */
export const openIndex = async (
  dir: string,
  options: OpenOptions,
  { acceptStale = false }: { acceptStale?: boolean } = {}
): Promise<SearchIndex> => {
  const build = join(dir, BUILDS_DIR, await readCurrent(dir))
  const manifest = await readManifest(build)
  const embedder = options.embedder ?? sifEmbedder(options.vectors)
  if (!acceptStale) await checkCurrent(manifest, options.recordsDir, embedder)
  const contents = new Map<string, Buffer>()
  for (const [name, hash] of Object.entries(manifest.files)) {
    const data = await readFile(join(build, name)).catch(() => null)
    if (!data || sha256(data) !== hash) {
      throw new IndexInvalidError(
        `${name} in ${build} is missing or does not match its manifest hash`,
        'corrupt'
      )
    }
    contents.set(name, data)
  }
  try {
    const text = (name: string) => contents.get(name)?.toString('utf8') ?? ''
    const embeddings =
      embedder.embeddings instanceof SifEmbeddings
        ? new SifEmbeddings(options.vectors, JSON.parse(text('embedder.json')) as SifParams)
        : embedder.embeddings
    const dense = await HNSWLib.load(build, embeddings)
    dense.index.setEf(options.efSearch ?? manifest.hnsw.efSearch)
    const corpus = JSON.parse(text('corpus.json')) as StoredCorpus
    return assembleIndex({
      manifest,
      records: corpus.records,
      blocks: corpus.blocks,
      embeddings,
      vectors: options.vectors,
      dense,
      lexical: loadBm25Index(text('lexical.json')),
      terms: JSON.parse(text('terms.json')) as TermStats,
    })
  } catch (error) {
    throw new IndexInvalidError(`${build} cannot be loaded: ${(error as Error).message}`, 'corrupt')
  }
}

export type EnsuredIndex = {
  index: SearchIndex
  /** Why the index was rebuilt, or null when the existing one was served. */
  rebuilt: string | null
  failures: RecordFailure[]
  /** What is wrong with what is served (an index folder that cannot be written), for /healthz. */
  warnings: string[]
  /** Whether what is served is a build on disk, which another process can open as it is. */
  onDisk: boolean
}

/**
 * The file each symbol was read from in the build in `dir`, whatever its state: on a duplicate
 * symbol, that file keeps it. Empty when there is no readable build.
 */
const indexedSymbols = async (dir: string): Promise<Map<string, string>> => {
  try {
    const build = join(dir, BUILDS_DIR, await readCurrent(dir))
    const json = JSON.parse(await readFile(join(build, 'manifest.json'), 'utf8')) as {
      records?: { symbol?: unknown; file?: unknown }[]
    }
    return new Map(
      (json.records ?? []).flatMap((r) =>
        typeof r.symbol === 'string' && typeof r.file === 'string' ? [[r.symbol, r.file]] : []
      )
    )
  } catch {
    return new Map()
  }
}

/** Parses the records and builds a fresh index in memory. */
const buildFresh = async (
  dir: string,
  options: OpenOptions & BuildOptions
): Promise<SearchIndex> => {
  const loaded = await loadRecords(options.recordsDir, {
    indexed: await indexedSymbols(dir),
    // The word vectors' vocabulary is the dictionary that decides a line-end hyphen.
    isWord: (word) => options.vectors.rankOf(word) !== undefined,
  })
  const embedder = options.embedder ?? sifEmbedder(options.vectors)
  return buildIndex({ ...loaded, embedder, vectors: options.vectors }, options)
}

/** Parses the records, builds and writes a fresh index. */
export const rebuildIndex = async (
  dir: string,
  options: OpenOptions & BuildOptions
): Promise<SearchIndex> => {
  const index = await buildFresh(dir, options)
  return { ...index, manifest: await writeIndex(index, dir) }
}

/** Why an index folder could not be written, in words: read-only, full, or what the system said. */
const writeProblem = (dir: string, error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
      ? 'is read-only'
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? 'has no space left'
        : `cannot be written (${(error as Error).message})`
  return `the index folder ${dir} ${why}`
}

/**
 * Opens the index in `dir`, rebuilding it from the records when it is missing, stale or corrupt.
 * When the folder cannot be written (read-only, full), the last good build is served as it is,
 * or, with none, the fresh build from memory; `warnings` says so.
 */
export const ensureIndex = async (
  dir: string,
  options: OpenOptions & BuildOptions
): Promise<EnsuredIndex> => {
  // What builds killed mid-way left behind goes at every start, not only at the next build.
  await removeStaleBuilds(dir)
  let invalid: IndexInvalidError
  try {
    const index = await openIndex(dir, options)
    return { index, rebuilt: null, failures: index.manifest.failures, warnings: [], onDisk: true }
  } catch (error) {
    if (!(error instanceof IndexInvalidError)) throw error
    invalid = error
  }
  const fresh = await buildFresh(dir, options)
  let written: SearchIndex
  try {
    written = { ...fresh, manifest: await writeIndex(fresh, dir) }
  } catch (error) {
    const problem = writeProblem(dir, error)
    if (invalid.kind === 'stale') {
      const last = await openIndex(dir, options, { acceptStale: true })
      return {
        index: last,
        rebuilt: null,
        failures: last.manifest.failures,
        warnings: [
          `${problem}: serving the last good build (${last.manifest.builtAt}), which does not have the records changed since`,
        ],
        onDisk: true,
      }
    }
    return {
      index: fresh,
      rebuilt: invalid.message,
      failures: fresh.manifest.failures,
      warnings: [`${problem}: serving a build kept in memory only, made again at every start`],
      onDisk: false,
    }
  }
  return {
    index: written,
    rebuilt: invalid.message,
    failures: written.manifest.failures,
    warnings: [],
    onDisk: true,
  }
}
