import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, MAX_DEFAULT_WORKERS, loadConfig, usableCores } from '../src/config.ts'

/** A cgroup tree in a temporary folder: `files` by path under its root, and this process's /proc/self/cgroup. */
const cgroups = async (self: string, files: Record<string, string>) => {
  const root = await mkdtemp(join(tmpdir(), 'rapporteur-cgroup-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  await writeFile(join(root, 'self'), self)
  return { root, self: join(root, 'self') }
}

const cores = availableParallelism()

describe('usableCores', () => {
  it("counts the whole cores a cgroup v2 quota allows, its own or one above it's", async () => {
    expect(usableCores(await cgroups('0::/\n', { 'cpu.max': '100000 100000\n' }))).toBe(1)
    // 1.5 cores are one: a second process would be throttled.
    expect(usableCores(await cgroups('0::/\n', { 'cpu.max': '150000 100000\n' }))).toBe(1)
    expect(
      usableCores(
        await cgroups('0::/system.slice/rapporteur.service\n', {
          'cpu.max': 'max 100000\n',
          'system.slice/cpu.max': '100000 100000\n',
          'system.slice/rapporteur.service/cpu.max': 'max 100000\n',
        })
      )
    ).toBe(1)
  })

  it('counts a cgroup v1 quota, -1 meaning none', async () => {
    const v1 = (quota: string) =>
      cgroups('4:memory:/x\n1:cpu,cpuacct:/docker/abc\n', {
        'cpu,cpuacct/docker/abc/cpu.cfs_quota_us': quota,
        'cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n',
      })
    expect(usableCores(await v1('100000\n'))).toBe(1)
    expect(usableCores(await v1('-1\n'))).toBe(cores)
  })

  it('never counts more cores than the machine has, nor fewer than one', async () => {
    expect(usableCores(await cgroups('0::/\n', { 'cpu.max': '99900000 100000\n' }))).toBe(cores)
    expect(usableCores(await cgroups('0::/\n', { 'cpu.max': '50000 100000\n' }))).toBe(1)
  })

  it('counts every core with no quota, no cgroup files, or ones it cannot read', async () => {
    expect(usableCores(await cgroups('0::/\n', { 'cpu.max': 'max 100000\n' }))).toBe(cores)
    expect(usableCores(await cgroups('0::/\n', { 'cpu.max': 'nonsense\n' }))).toBe(cores)
    expect(usableCores({ root: '/nonexistent', self: '/nonexistent/cgroup' })).toBe(cores)
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
