import { readFile, truncate, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { VectorsError } from '../../src/errors.ts'
import { ensureVectors, loadVectors } from '../../src/index/vectors.ts'
import { tinyVectors } from '../fixtures/tiny-vectors.ts'

describe('word-vector cache', () => {
  it('keeps words in frequency order and vectors close to the originals', async () => {
    const { vectors } = await tinyVectors(['the', 'children', 'kids'], 4)
    expect(vectors.count).toBe(3)
    expect(['the', 'children', 'kids'].map((w) => vectors.rankOf(w))).toEqual([0, 1, 2])
    expect(vectors.similarity(1, 1)).toBeCloseTo(1, 5)
    const sum = new Float32Array(4)
    vectors.addTo(sum, 1, 2)
    expect(Math.hypot(...sum)).toBeGreaterThan(0)
  })

  it('finds an accented word under its unaccented form, and an unknown word nowhere', async () => {
    const { vectors } = await tinyVectors(['the', 'jose', 'mexico'])
    expect(vectors.rankOf('josé')).toBe(1)
    expect(vectors.rankOf('méxico')).toBe(2)
    expect(vectors.rankOf('mexico')).toBe(2)
    expect(vectors.rankOf('josef')).toBeUndefined()
    expect(vectors.rankOf('zoë')).toBeUndefined()
  })

  it('gives a word listed twice its commoner rank', async () => {
    const { vectors } = await tinyVectors(['the', 'kids', 'children', 'kids'])
    expect(vectors.rankOf('kids')).toBe(1)
    expect(vectors.rankOf('children')).toBe(2)
  })

  it('rejects a truncated or foreign cache by name', async () => {
    const { path } = await tinyVectors(['a', 'b'])
    await truncate(path, (await readFile(path)).length - 3)
    await expect(loadVectors(path)).rejects.toThrowError(VectorsError)
    await writeFile(path, 'hello')
    await expect(loadVectors(path)).rejects.toThrowError(/is not a cache file/)
  })

  it('converts again from the source when the cache is damaged', async () => {
    const { path } = await tinyVectors(['a', 'b'])
    const source = path.replace(/vectors\.bin$/, 'source.json')
    await writeFile(path, 'garbage')
    const messages: string[] = []
    const vectors = await ensureVectors(path, { source, log: (m) => messages.push(m) })
    expect(vectors.count).toBe(2)
    expect(messages[0]).toMatch(/converting again/)
  })
})
