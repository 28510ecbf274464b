// The composition root: loads the word vectors and the index once, and hands them to the CLI and server.
import type { Config } from './config.ts'
import type { EnsuredIndex } from './index/load.ts'
import { ensureIndex, rebuildIndex } from './index/load.ts'
import type { SearchIndex } from './index/search-index.ts'
import { ensureVectors } from './index/vectors.ts'

export type Log = (message: string) => void

/** Opens the index described by `config`, building or rebuilding it when needed. */
export const openRapporteur = async (
  config: Config,
  log: Log = () => {}
): Promise<EnsuredIndex> => {
  const vectors = await ensureVectors(config.vectorsPath, { log })
  const ensured = await ensureIndex(config.indexDir, {
    recordsDir: config.recordsDir,
    vectors,
    efSearch: config.efSearch,
  })
  if (ensured.rebuilt) log(`index rebuilt (${ensured.rebuilt})`)
  for (const f of ensured.failures) log(`skipped ${f.file}: ${f.reason}`)
  return ensured
}

/** Rebuilds the index unconditionally (for `npm run index`). */
export const rebuildRapporteur = async (
  config: Config,
  log: Log = () => {}
): Promise<SearchIndex> => {
  const vectors = await ensureVectors(config.vectorsPath, { log })
  return rebuildIndex(config.indexDir, {
    recordsDir: config.recordsDir,
    vectors,
    efSearch: config.efSearch,
  })
}
