import { describe, expect, it } from 'vitest'
import { primaryWindows, servingOfFirst } from '../../src/server/cluster.ts'

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

  it('lets a request through uncounted when the primary does not answer in time, and says so now and then, with how many', async () => {
    const told: number[] = []
    const windows = primaryWindows({
      timeoutMs: 20,
      reportMs: 150,
      onTimeout: (missed) => told.push(missed),
    })
    expect(await windows.hit('a', 5_000)).toEqual({ start: 5_000, count: 0 })
    expect(told).toEqual([1])
    await Promise.all([windows.hit('a', 5_001), windows.hit('b', 5_002)])
    expect(told).toEqual([1])
    await new Promise((resolve) => setTimeout(resolve, 150))
    await windows.hit('c', 5_003)
    expect(told).toEqual([1, 3])
  })

  it('ignores messages that are not its own', async () => {
    const windows = primaryWindows({ timeoutMs: 50 })
    const hit = windows.hit('a', 0)
    process.emit('message', { kind: 'something-else', id: 0 }, undefined)
    process.emit('message', 'not an object', undefined)
    expect(await hit).toEqual({ start: 0, count: 0 })
  })
})

describe('servingOfFirst', () => {
  it('gives what the first worker serves, as its primary hands it on', async () => {
    const told = servingOfFirst(5_000)
    process.emit('message', { kind: 'rate-window', id: 9, start: 0, count: 1 }, undefined)
    process.emit(
      'message',
      { kind: 'serving', onDisk: false, warnings: ['in memory only'], generative: true },
      undefined
    )
    expect(await told).toEqual({ onDisk: false, warnings: ['in memory only'], generative: true })
  })

  it('fails, saying so, when the primary does not answer in time', async () => {
    await expect(servingOfFirst(20)).rejects.toThrow(
      'the primary process did not say in 0.02 s what to serve'
    )
  })
})
