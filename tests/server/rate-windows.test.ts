import { describe, expect, it } from 'vitest'
import { WINDOW_MS, localWindows } from '../../src/server/rate-windows.ts'

describe('localWindows', () => {
  it('counts each client on its own within one window', () => {
    const windows = localWindows()
    expect(windows.hit('a', 1_000)).toEqual({ start: 1_000, count: 1 })
    expect(windows.hit('a', 2_000)).toEqual({ start: 1_000, count: 2 })
    expect(windows.hit('b', 2_500)).toEqual({ start: 2_500, count: 1 })
  })

  it('starts a new window a minute after the last one began', () => {
    const windows = localWindows()
    windows.hit('a', 0)
    windows.hit('a', WINDOW_MS - 1)
    expect(windows.hit('a', WINDOW_MS)).toEqual({ start: WINDOW_MS, count: 1 })
  })

  it('gives a copy, so a caller cannot change the count', () => {
    const windows = localWindows()
    const first = windows.hit('a', 0)
    first.count = 100
    expect(windows.hit('a', 1).count).toBe(2)
  })
})
