import { execFile } from 'node:child_process'
import { appendFile, chmod, cp, mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT, loadConfig } from '../../src/config.ts'
import { BUILDS_DIR } from '../../src/index/build.ts'
import { rebuildIndex } from '../../src/index/load.ts'
import { loadVectors } from '../../src/index/vectors.ts'

const exec = promisify(execFile)
// Root writes anywhere: the index is then opened by a process running as nobody, for whom the
// folder is read-only, as it is for a service account on a read-only volume.
const NOBODY = 65534
const root = process.getuid?.() === 0
const asReader = root ? { uid: NOBODY, gid: NOBODY } : {}

/** Whether another user can reach the checkout (every folder above it searchable by others). */
const reachable = (): boolean => {
  for (let dir = PROJECT_ROOT; dir !== dirname(dir); dir = dirname(dir))
    if ((statSync(dir).mode & 0o001) === 0) return false
  return true
}
const runnable = !root || reachable()
if (!runnable)
  console.warn(`skipping the read-only index test: nobody cannot reach ${PROJECT_ROOT}`)

const openAsReader = async (indexDir: string, recordsDir: string) => {
  const { stdout } = await exec(
    join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
    [join(PROJECT_ROOT, 'tests/fixtures/ensure-index-child.ts'), indexDir, recordsDir],
    { cwd: PROJECT_ROOT, env: { ...process.env, HOME: tmpdir() }, ...asReader }
  )
  return JSON.parse(stdout) as {
    rebuilt: string | null
    warnings: string[]
    id: string
    paragraphs: number
  }
}

describe.runIf(runnable)('an index folder that cannot be written', () => {
  it('serves the last good build, read-only, saying why, when the records changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-readonly-'))
    await chmod(dir, 0o755)
    const recordsDir = join(dir, 'records')
    const indexDir = join(dir, 'index')
    await cp(join(PROJECT_ROOT, 'records'), recordsDir, { recursive: true })
    const vectors = await loadVectors(loadConfig().vectorsPath)
    const built = await rebuildIndex(indexDir, { recordsDir, vectors })
    await appendFile(
      join(recordsDir, 'cmw-c-sr-593.txt'),
      'A representative of Mexico said that there was more.\n'
    )
    for (const path of [indexDir, join(indexDir, BUILDS_DIR)]) await chmod(path, 0o555)
    const opened = await openAsReader(indexDir, recordsDir)
    expect(opened).toMatchObject({ rebuilt: null, id: built.manifest.id, paragraphs: 57 })
    expect(opened.warnings).toEqual([
      expect.stringMatching(
        /^the index folder .* is read-only: serving the last good build \(.+\), which does not have the records changed since$/
      ),
    ])
    expect(await readdir(join(indexDir, BUILDS_DIR))).toEqual([built.manifest.id])
  })
})
