import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { memoryOf } from '../../src/bench/serving.ts'

describe('memoryOf', () => {
  it("counts a process's children with it, as a cluster's workers are", async () => {
    // A parent holding little, its child 200 MB, which says so once it holds them (on the
    // parent's stdout, which it shares): the parent's figure alone would miss the child's.
    const child = `globalThis.b = Buffer.alloc(200 * 2 ** 20, 1); console.log('ready'); setInterval(() => {}, 1000)`
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' }); setInterval(() => {}, 1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], detached: true }
    )
    await once(parent.stdout, 'data')
    try {
      const family = await memoryOf(parent.pid ?? 0)
      expect(family.rssMB).toBeGreaterThan(200)
      expect(family.peakMB).toBeGreaterThan(200)
    } finally {
      process.kill(-(parent.pid ?? 0), 'SIGKILL')
    }
  })
})
