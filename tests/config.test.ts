import { mkdtemp, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, MAX_DEFAULT_WORKERS, loadConfig, usableCores } from '../src/config.ts'

const cpuMax = async (text: string) => {
  const path = join(await mkdtemp(join(tmpdir(), 'rapporteur-cgroup-')), 'cpu.max')
  await writeFile(path, text)
  return path
}

describe('usableCores', () => {
  it('counts the cores a CPU quota allows, never more than the machine has', async () => {
    expect(usableCores(await cpuMax('100000 100000\n'))).toBe(1)
    expect(usableCores(await cpuMax('150000 100000\n'))).toBe(Math.min(2, availableParallelism()))
    expect(usableCores(await cpuMax('99900000 100000\n'))).toBe(availableParallelism())
  })

  it('counts every core with no quota, or no cgroup file', async () => {
    expect(usableCores(await cpuMax('max 100000\n'))).toBe(availableParallelism())
    expect(usableCores('/nonexistent/cpu.max')).toBe(availableParallelism())
  })
})

describe('RAPPORTEUR_WORKERS', () => {
  it('defaults to one server process per usable core, at most four, also when set empty', () => {
    const byDefault = Math.min(usableCores(), MAX_DEFAULT_WORKERS)
    expect(loadConfig({}).workers).toBe(byDefault)
    expect(loadConfig({ RAPPORTEUR_WORKERS: '' }).workers).toBe(byDefault)
    expect(loadConfig({ RAPPORTEUR_WORKERS: '6' }).workers).toBe(6)
  })

  it.each(['0', '65', 'two', '1.5'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ RAPPORTEUR_WORKERS: value })).toThrow(ConfigError)
    expect(() => loadConfig({ RAPPORTEUR_WORKERS: value })).toThrow(/RAPPORTEUR_WORKERS/)
  })
})
