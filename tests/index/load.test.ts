import { spawnSync } from 'node:child_process'
import {
  appendFile,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SyntheticEmbeddings } from '@langchain/core/utils/testing'
import { beforeEach, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { IndexInvalidError } from '../../src/errors.ts'
import { BUILDS_DIR, CURRENT_FILE } from '../../src/index/build.ts'
import { sifEmbedder } from '../../src/index/embedder.ts'
import { blockKey } from '../../src/index/lexical.ts'
import { ensureIndex, openIndex, rebuildIndex } from '../../src/index/load.ts'
import type { WordVectors } from '../../src/index/vectors.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { lexicalSearch } from '../../src/retrieve/search.ts'
import { splitSentences } from '../../src/text/sentences.ts'
import { tinyVectors } from '../fixtures/tiny-vectors.ts'

let vectors: WordVectors
let dir: string
let recordsDir: string
let indexDir: string

beforeEach(async () => {
  vectors ??= (
    await tinyVectors(['the', 'migrant', 'children', 'centres', 'border', 'mexico', 'delegation'])
  ).vectors
  dir = await mkdtemp(join(tmpdir(), 'rapporteur-index-'))
  recordsDir = join(dir, 'records')
  indexDir = join(dir, 'index')
  await cp(join(PROJECT_ROOT, 'records'), recordsDir, { recursive: true })
})

const currentBuild = async () =>
  join(indexDir, BUILDS_DIR, (await readFile(join(indexDir, CURRENT_FILE), 'utf8')).trim())

describe('index build and load', () => {
  it('round-trips: a written index opens with the same blocks, records and search results', async () => {
    const built = await rebuildIndex(indexDir, { recordsDir, vectors })
    const opened = await openIndex(indexDir, { recordsDir, vectors })
    expect(opened.blocks).toEqual(built.blocks)
    expect(opened.records).toEqual(built.records)
    expect(opened.manifest).toEqual(built.manifest)
    expect(opened.manifest.counts).toEqual({ records: 1, blocks: 63, paragraphs: 57 })
    const lexicalIds = (i: typeof built) =>
      lexicalSearch(new Corpus(i), 'integration centres northern border', 10).map((r) =>
        blockKey(r.block)
      )
    expect(lexicalIds(opened)).toEqual(lexicalIds(built))
    expect(lexicalIds(opened).slice(0, 2)).toContain('CMW/C/SR.593#19')
    const query = await opened.embeddings.embedQuery('migrant children')
    const [a, b] = await Promise.all([
      built.dense.similaritySearchVectorWithScore(query, 3),
      opened.dense.similaritySearchVectorWithScore(query, 3),
    ])
    expect(b.map(([d]) => d.metadata.key)).toEqual(a.map(([d]) => d.metadata.key))
  })

  it('writes a manifest with source hashes, embedder parameters, counts and file hashes', async () => {
    await rebuildIndex(indexDir, { recordsDir, vectors })
    const manifest = JSON.parse(await readFile(join(await currentBuild(), 'manifest.json'), 'utf8'))
    expect(manifest.sources.map((s: { file: string }) => s.file)).toEqual([
      'cmw-c-sr-593.json',
      'cmw-c-sr-593.txt',
    ])
    expect(manifest.sources[1].sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(manifest.embedder).toEqual({
      name: 'sif-glove-wink-sg-100d',
      dims: 8,
      settings: { a: 0.001, dims: 8 },
    })
    expect(Object.keys(manifest.files).sort()).toEqual(
      [
        'args.json',
        'corpus.json',
        'docstore.json',
        'embedder.json',
        'hnswlib.index',
        'lexical.json',
        'terms.json',
      ].sort()
    )
    expect(manifest.buildMs).toBeGreaterThan(0)
  })

  it('reports a missing index, then ensureIndex builds it', async () => {
    await expect(openIndex(indexDir, { recordsDir, vectors })).rejects.toMatchObject({
      kind: 'missing',
    })
    const ensured = await ensureIndex(indexDir, { recordsDir, vectors })
    expect(ensured.rebuilt).toMatch(/no index has been built/)
    expect((await ensureIndex(indexDir, { recordsDir, vectors })).rebuilt).toBeNull()
  })

  it('detects a changed source record as stale and rebuilds from it', async () => {
    await rebuildIndex(indexDir, { recordsDir, vectors })
    await appendFile(
      join(recordsDir, 'cmw-c-sr-593.txt'),
      'Ms. Dzumhur said that she had one more question.\n'
    )
    await expect(openIndex(indexDir, { recordsDir, vectors })).rejects.toMatchObject({
      kind: 'stale',
    })
    const ensured = await ensureIndex(indexDir, { recordsDir, vectors })
    expect(ensured.rebuilt).toMatch(/source records changed/)
    expect(ensured.index.manifest.counts.paragraphs).toBe(58)
  })

  it('detects changed embedder settings as stale', async () => {
    await rebuildIndex(indexDir, { recordsDir, vectors })
    const embedder = sifEmbedder(vectors, 0.01)
    await expect(openIndex(indexDir, { recordsDir, vectors, embedder })).rejects.toMatchObject({
      kind: 'stale',
    })
  })

  it('builds with any LangChain Embeddings, and switching embedder marks the index stale', async () => {
    const embedder = {
      name: 'synthetic',
      settings: { vectorSize: 16 },
      embeddings: new SyntheticEmbeddings({ vectorSize: 16 }),
    }
    await rebuildIndex(indexDir, { recordsDir, vectors, embedder })
    const opened = await openIndex(indexDir, { recordsDir, vectors, embedder })
    expect(opened.manifest.embedder).toEqual({
      name: 'synthetic',
      dims: 16,
      settings: { vectorSize: 16 },
    })
    // Sentences are embedded one by one; a sentence finds its own block.
    const block = opened.blocks[5]!
    const first = splitSentences(block.text)[0]!
    const query = await embedder.embeddings.embedQuery(block.text.slice(first.start, first.end))
    const [nearest] = await opened.dense.similaritySearchVectorWithScore(query, 1)
    expect(nearest?.[0].metadata.key).toBe(`${block.record}#${block.id}`)
    await expect(openIndex(indexDir, { recordsDir, vectors })).rejects.toMatchObject({
      kind: 'stale',
    })
  })

  it.each(['hnswlib.index', 'corpus.json', 'lexical.json', 'manifest.json'])(
    'never serves an index whose %s is truncated: it is reported as corrupt and rebuilt',
    async (file) => {
      await rebuildIndex(indexDir, { recordsDir, vectors })
      await truncate(join(await currentBuild(), file), 10)
      const error = await openIndex(indexDir, { recordsDir, vectors }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(IndexInvalidError)
      expect(error).toMatchObject({ kind: 'corrupt' })
      const ensured = await ensureIndex(indexDir, { recordsDir, vectors })
      expect(ensured.rebuilt).toBeTruthy()
      expect(ensured.index.manifest.counts.paragraphs).toBe(57)
    }
  )

  it('keeps only the current build and leaves no temporary files behind', async () => {
    await rebuildIndex(indexDir, { recordsDir, vectors })
    await rebuildIndex(indexDir, { recordsDir, vectors })
    const builds = await readdir(join(indexDir, BUILDS_DIR))
    expect(builds).toHaveLength(1)
    expect(await readdir(indexDir)).toEqual([BUILDS_DIR, CURRENT_FILE].sort())
  })

  it('removes what killed builds left behind at the next start, but never a live writer’s build', async () => {
    await rebuildIndex(indexDir, { recordsDir, vectors })
    const builds = join(indexDir, BUILDS_DIR)
    // A process that has exited: its pid names no running process.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    const deadPid = Number(dead.stdout.toString())
    const tmp = async (name: string, owner: number | null, ageMs = 0) => {
      await mkdir(join(builds, name), { recursive: true })
      await writeFile(join(builds, name, 'vectors.bin'), 'x'.repeat(1000))
      if (owner !== null)
        await writeFile(join(builds, name, '.owner'), JSON.stringify({ pid: owner }))
      const then = new Date(Date.now() - ageMs)
      await utimes(join(builds, name), then, then)
    }
    await tmp('.killed.tmp', deadPid)
    await tmp('.live.tmp', process.pid)
    await tmp('.old-unowned.tmp', null, 60 * 60_000)
    await tmp('.new-unowned.tmp', null)
    await writeFile(join(indexDir, `CURRENT.${deadPid}.tmp`), 'x\n')
    const ensured = await ensureIndex(indexDir, { recordsDir, vectors })
    expect(ensured.rebuilt).toBeNull()
    const left = (await readdir(builds)).filter((n) => n.endsWith('.tmp')).sort()
    expect(left).toEqual(['.live.tmp', '.new-unowned.tmp'])
    expect(await readdir(indexDir)).toEqual([BUILDS_DIR, CURRENT_FILE].sort())
  })

  it('leaves the source records untouched', async () => {
    const before = await readFile(join(recordsDir, 'cmw-c-sr-593.txt'))
    await writeFile(join(recordsDir, 'broken.txt'), 'not a record')
    await rebuildIndex(indexDir, { recordsDir, vectors })
    expect(await readFile(join(recordsDir, 'cmw-c-sr-593.txt'))).toEqual(before)
    expect(await readFile(join(recordsDir, 'broken.txt'), 'utf8')).toBe('not a record')
  })
})

describe('rebuilding while queries are served', () => {
  it('keeps answering from the loaded index while another build replaces it on disk', async () => {
    const served = await rebuildIndex(indexDir, { recordsDir, vectors })
    const before = await readFile(join(recordsDir, 'cmw-c-sr-593.txt'))
    const corpus = new Corpus(served)
    const queries = Array.from(
      { length: 200 },
      (_, i) => lexicalSearch(corpus, `migrant children ${i}`, 10).length
    )
    const [rebuilt] = await Promise.all([
      rebuildIndex(indexDir, { recordsDir, vectors }),
      Promise.all(
        Array.from({ length: 50 }, () => served.dense.similaritySearch('children in detention', 3))
      ),
    ])
    expect(queries.every((n) => n > 0)).toBe(true)
    expect((await served.dense.similaritySearch('children in detention', 3)).length).toBe(3)
    expect((await openIndex(indexDir, { recordsDir, vectors })).manifest.id).toBe(
      rebuilt.manifest.id
    )
    expect(await readFile(join(recordsDir, 'cmw-c-sr-593.txt'))).toEqual(before)
  })
})
