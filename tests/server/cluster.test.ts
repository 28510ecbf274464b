import { describe, expect, it } from 'vitest'
import { primaryWindows } from '../../src/server/cluster.ts'

// Outside a cluster there is no primary to send to: what a worker's primary answers is played here
// as the message it would send.
describe('primaryWindows', () => {
  it('gives the window the primary counts, matched to its request', async () => {
    const windows = primaryWindows({ timeoutMs: 5_000 })
    const first = windows.hit('a', 1_000)
    const second = windows.hit('a', 1_001)
    process.emit('message', { kind: 'rate-window', id: 1, start: 1_000, count: 2 }, undefined)
    process.emit('message', { kind: 'rate-window', id: 0, start: 1_000, count: 1 }, undefined)
    expect(await first).toEqual({ start: 1_000, count: 1 })
    expect(await second).toEqual({ start: 1_000, count: 2 })
  })

  it('lets a request through uncounted when the primary does not answer in time, and says so', async () => {
    let told = 0
    const windows = primaryWindows({ timeoutMs: 20, onTimeout: () => (told += 1) })
    expect(await windows.hit('a', 5_000)).toEqual({ start: 5_000, count: 0 })
    expect(told).toBe(1)
  })

  it('ignores messages that are not its own', async () => {
    const windows = primaryWindows({ timeoutMs: 50 })
    const hit = windows.hit('a', 0)
    process.emit('message', { kind: 'something-else', id: 0 }, undefined)
    process.emit('message', 'not an object', undefined)
    expect(await hit).toEqual({ start: 0, count: 0 })
  })
})
