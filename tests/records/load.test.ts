import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { loadRecords } from '../../src/records/load.ts'

const recordsCopy = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-records-'))
  await cp(join(PROJECT_ROOT, 'records'), dir, { recursive: true })
  return dir
}

describe('loadRecords', () => {
  it('loads the repository record with its sidecar metadata', async () => {
    const { records, failures, sources } = await loadRecords(join(PROJECT_ROOT, 'records'))
    expect(failures).toEqual([])
    expect(records.map((r) => [r.meta.symbol, r.slug, r.meta.chair])).toEqual([
      ['CMW/C/SR.593', 'cmw-c-sr-593', 'Ms. Diallo'],
    ])
    expect(sources.map((s) => s.file)).toEqual(['cmw-c-sr-593.json', 'cmw-c-sr-593.txt'])
  })

  it('reports each bad file by name and still loads the good ones', async () => {
    const dir = await recordsCopy()
    await writeFile(join(dir, 'no-sidecar.txt'), 'Ms. Dzumhur said that she agreed.')
    await writeFile(join(dir, 'bad-meta.txt'), 'Ms. Dzumhur said that she agreed.')
    await writeFile(join(dir, 'bad-meta.json'), '{"symbol": "X"}')
    await writeFile(join(dir, 'broken-json.txt'), 'Ms. Dzumhur said that she agreed.')
    await writeFile(join(dir, 'broken-json.json'), '{not json')
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x4d, 0x00, 0xff, 0xfe]))
    await cp(join(dir, 'cmw-c-sr-593.json'), join(dir, 'binary.json'))
    const { records, failures } = await loadRecords(dir)
    expect(records.map((r) => r.meta.symbol)).toEqual(['CMW/C/SR.593'])
    expect(failures).toEqual([
      {
        file: 'bad-meta.txt',
        reason: expect.stringMatching(/^metadata sidecar bad-meta\.json: body /),
      },
      { file: 'binary.txt', reason: 'binary content (NUL bytes)' },
      { file: 'broken-json.txt', reason: 'metadata sidecar broken-json.json is not JSON' },
      { file: 'no-sidecar.txt', reason: 'metadata sidecar no-sidecar.json is missing' },
    ])
  })

  it('refuses a second record with a symbol already loaded', async () => {
    const dir = await recordsCopy()
    await cp(join(dir, 'cmw-c-sr-593.txt'), join(dir, 'zz-copy.txt'))
    await cp(join(dir, 'cmw-c-sr-593.json'), join(dir, 'zz-copy.json'))
    const { records, failures } = await loadRecords(dir)
    expect(records).toHaveLength(1)
    expect(failures).toEqual([{ file: 'zz-copy.txt', reason: 'duplicate symbol CMW/C/SR.593' }])
  })
})
