import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { drainable } from '../../src/server/drain.ts'

describe('drainable', () => {
  it('stops accepting, finishes every request already received, then exits 0', async () => {
    let received = 0
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const server = createServer((_request, response) => {
      received++
      void released.then(() => response.end('done'))
    })
    const exits: number[] = []
    const exited = new Promise<void>((resolve) => {
      const { drain } = drainable(server, {
        graceMs: 20,
        exit: (code) => (exits.push(code), resolve()),
      })
      server.listen(0, '127.0.0.1', async () => {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
        const inFlight = Array.from({ length: 5 }, () => fetch(url))
        while (received < 5) await new Promise((r) => setTimeout(r, 5))
        drain()
        await expect(fetch(url, { headers: { Connection: 'close' } })).rejects.toThrow()
        release()
        const responses = await Promise.all(inFlight)
        expect(await Promise.all(responses.map((r) => r.text()))).toEqual(Array(5).fill('done'))
      })
    })
    await exited
    expect(exits).toEqual([0])
    server.closeAllConnections()
  })

  it('exits 1 when requests outlast the limit', async () => {
    const server = createServer(() => {})
    const exits: number[] = []
    await new Promise<void>((resolve) => {
      const { drain } = drainable(server, {
        limitMs: 50,
        exit: (code) => (exits.push(code), resolve()),
      })
      server.listen(0, '127.0.0.1', async () => {
        void fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).catch(() => {})
        await new Promise((r) => setTimeout(r, 50))
        drain()
      })
    })
    expect(exits).toEqual([1])
    server.closeAllConnections()
  })
})
