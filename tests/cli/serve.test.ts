import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp } from 'node:fs/promises'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import { SERVER, buildServer } from '../../src/bench/serving.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

// What `npm start` runs: the server compiled with its dependencies into one file.
beforeAll(buildServer)

/** `npm start`'s server on a free port with `env`, its stderr gathered as it comes. */
const spawnServer = (env: Record<string, string>, { detached = false } = {}) => {
  const child = spawn(process.execPath, SERVER, {
    cwd: PROJECT_ROOT,
    detached,
    env: { ...process.env, PORT: '0', ...env },
  })
  const output = { stderr: '' }
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => (output.stderr += chunk))
  return { child, output }
}

/** The settings that serve the repository's record from an index of its own. */
const realIndex = async () => {
  const { dir, recordsDir } = await openRealIndex()
  return { RAPPORTEUR_INDEX_DIR: join(dir, 'index'), RAPPORTEUR_RECORDS_DIR: recordsDir }
}

/** Starts the server on the real index; resolves once it prints where it listens. */
const start = async (env: Record<string, string> = {}) => {
  const { child, output } = spawnServer({ ...(await realIndex()), ...env })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no listening line in: ${output.stderr}`)),
      30_000
    )
    child.stderr.on('data', () => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.stderr)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
  })
  return { child, url, output }
}

const ask = (url: string, question: string) =>
  fetch(`${url}/api/ask`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ question }),
  })

/** One request on a connection of its own, as from clients that do not keep theirs open. */
const askAlone = (url: string, question: string) =>
  new Promise<number>((resolve, reject) => {
    const body = JSON.stringify({ question })
    const req = request(
      `${url}/api/ask`,
      { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json' } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('error', reject)
    req.end(body)
  })

describe('npm start', () => {
  it('serves on 127.0.0.1, answers, serves the page script, logs a structured line per request, and exits cleanly on SIGTERM', async () => {
    const { child, url, output } = await start({ RAPPORTEUR_WORKERS: '1' })
    expect(output.stderr).toContain('Rapporteur serving CMW/C/SR.593 on http://127.0.0.1:')
    const response = await ask(
      url,
      'How many migrant integration centres are there at the northern border?'
    )
    expect(response.status).toBe(200)
    expect(AskResponseSchema.parse(await response.json()).citations).toContain(
      'CMW/C/SR.593, para. 19'
    )
    // The page's script is compiled at run time by esbuild, which stays outside the bundle.
    const script = await fetch(`${url}/assets/app.js`)
    expect(script.status).toBe(200)
    expect(await script.text()).toContain('/api/chat')
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = await exited
    expect(code).toBe(0)
    const line = output.stderr.split('\n').find((l) => l.startsWith('{'))
    expect(JSON.parse(line ?? '{}')).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/api/ask',
      status: 200,
    })
    expect(output.stderr).not.toContain('migrant integration centres')
  })

  it('with several server processes, holds a client to one rate limit across them and stops them all on SIGTERM', async () => {
    const { child, url, output } = await start({
      RAPPORTEUR_WORKERS: '2',
      RAPPORTEUR_RATE_LIMIT: '3',
    })
    await expect
      .poll(() => output.stderr, { timeout: 30_000 })
      .toContain('2 server processes share the port')
    // Connections go to the workers in turn: counted per worker, all five would pass.
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push(await askAlone(url, 'remittances'))
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    // Both processes served: the limit held across them.
    await expect
      .poll(() => output.stderr.split('\n').filter((l) => l.startsWith('{')).length)
      .toBe(5)
    const pids = output.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { pid: number }).pid)
    expect(new Set(pids).size).toBe(2)
    // The first worker alone reports what it read.
    expect(output.stderr.match(/Rapporteur serving/g)).toHaveLength(1)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    const [code] = await exited
    expect(code).toBe(0)
    expect(output.stderr.match(/SIGTERM: finishing the requests in flight/g)).toHaveLength(1)
  })

  it('with several server processes, stops with an error when the first cannot listen', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const address = taken.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const { child, output } = spawnServer({
      ...(await realIndex()),
      PORT: String(port),
      RAPPORTEUR_WORKERS: '2',
    })
    const [code] = await once(child, 'exit')
    taken.close()
    expect(code).toBe(1)
    expect(output.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+/)
    expect(output.stderr).toMatch(
      /a server process stopped before it could serve \(code 1\); stopping/
    )
  })

  it('with several server processes, stops with the error when the first fails to start, rather than hang', async () => {
    const { child, output } = spawnServer({
      RAPPORTEUR_WORKERS: '2',
      RAPPORTEUR_RECORDS_DIR: join(PROJECT_ROOT, 'no-such-records'),
      RAPPORTEUR_INDEX_DIR: join(await mkdtemp(join(tmpdir(), 'rapporteur-serve-')), 'index'),
    })
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(output.stderr).toMatch(/error: .*no-such-records/)
    expect(output.stderr).toMatch(/a server process stopped before it could serve/)
  })

  it('with several server processes, replaces one that dies while serving', async () => {
    const { child, url, output } = await start({ RAPPORTEUR_WORKERS: '2' })
    await expect.poll(() => output.stderr, { timeout: 30_000 }).toContain('share the port')
    const pidsLogged = () =>
      output.stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => (JSON.parse(l) as { pid: number }).pid)
    for (let i = 0; i < 2; i++) await askAlone(url, 'remittances')
    await expect.poll(() => new Set(pidsLogged()).size).toBe(2)
    const [victim] = pidsLogged()
    process.kill(victim ?? 0, 'SIGKILL')
    await expect
      .poll(() => output.stderr, { timeout: 10_000 })
      .toMatch(
        new RegExp(`server process ${victim} stopped \\(signal SIGKILL\\); starting another`)
      )
    // The other answers meanwhile, and the replacement once it has started.
    expect(await askAlone(url, 'remittances')).toBe(200)
    await expect
      .poll(
        async () => {
          await askAlone(url, 'remittances')
          return new Set(pidsLogged().filter((p) => p !== victim)).size
        },
        { timeout: 20_000, interval: 200 }
      )
      .toBe(2)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect((await exited)[0]).toBe(0)
  })

  it('with several server processes, stops cleanly on a Ctrl-C to the whole process group, even while starting', async () => {
    const { child, output } = spawnServer(
      { ...(await realIndex()), RAPPORTEUR_WORKERS: '2' },
      { detached: true }
    )
    // As a terminal does: the signal reaches the primary and every worker at once, the second
    // still starting.
    await expect.poll(() => output.stderr, { timeout: 30_000 }).toContain('Rapporteur serving')
    const exited = once(child, 'exit')
    process.kill(-(child.pid ?? 0), 'SIGINT')
    const [code] = await exited
    expect(code).toBe(0)
    expect(output.stderr.match(/SIGINT: finishing the requests in flight/g)).toHaveLength(1)
    expect(output.stderr).not.toMatch(/stopped before it could serve|stopped with/)
  })

  it.each([
    ['RAPPORTEUR_CORS_ORIGINS', 'not a url'],
    ['RAPPORTEUR_WORKERS', '0'],
  ])('refuses to start with a bad setting, naming it (%s=%s)', async (name, value) => {
    const { child, output } = spawnServer({ [name]: value })
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(output.stderr).toMatch(new RegExp(`invalid environment variable ${name}`))
  })
})
