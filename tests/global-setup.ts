// Converts the word vectors once, so that test files running in parallel share one cache.
import { loadConfig } from '../src/config.ts'
import { ensureVectors } from '../src/index/vectors.ts'

export default async function setup(): Promise<void> {
  await ensureVectors(loadConfig().vectorsPath, { log: (m) => console.log(m) })
}
