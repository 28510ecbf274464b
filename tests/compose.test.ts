import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openRapporteur } from '../src/compose.ts'
import { loadConfig } from '../src/config.ts'
import { openRealIndex } from './fixtures/real-index.ts'

const configFor = (dir: string, recordsDir: string) =>
  loadConfig({ RAPPORTEUR_INDEX_DIR: join(dir, 'index'), RAPPORTEUR_RECORDS_DIR: recordsDir })

describe('openRapporteur', () => {
  it('rebuilds an index whose records changed', async () => {
    const { index, dir, recordsDir } = await openRealIndex()
    await appendFile(join(recordsDir, 'cmw-c-sr-593.txt'), '\nThe meeting rose at 1 p.m.\n')
    const opened = await openRapporteur(configFor(dir, recordsDir))
    expect(opened.rebuilt).not.toBeNull()
    expect(opened.index.manifest.id).not.toBe(index.manifest.id)
  })

  it('like another process that serves a build on disk, opens that build as it is, with its warnings', async () => {
    const { index, dir, recordsDir } = await openRealIndex()
    await appendFile(join(recordsDir, 'cmw-c-sr-593.txt'), '\nThe meeting rose at 1 p.m.\n')
    const like = { onDisk: true, warnings: ['the index folder is read-only'] }
    const opened = await openRapporteur(configFor(dir, recordsDir), () => {}, { like })
    expect(opened).toMatchObject({ rebuilt: null, warnings: like.warnings, onDisk: true })
    expect(opened.index.manifest.id).toBe(index.manifest.id)
  })
})
