import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import { SERVER, buildServer } from '../../src/bench/serving.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

// What `npm start` runs: the server compiled with its dependencies into one file.
beforeAll(buildServer)

/** Starts `npm start`'s server on a free port; resolves once it prints where it listens. */
const start = async (env: Record<string, string> = {}) => {
  const { dir, recordsDir } = await openRealIndex()
  const child = spawn(process.execPath, SERVER, {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      RAPPORTEUR_INDEX_DIR: join(dir, 'index'),
      RAPPORTEUR_RECORDS_DIR: recordsDir,
      ...env,
    },
  })
  const output = { stderr: '' }
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => (output.stderr += chunk))
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
      RAPPORTEUR_LOG: 'off',
    })
    await expect
      .poll(() => output.stderr, { timeout: 30_000 })
      .toContain('2 server processes share the port')
    // Connections go to the workers in turn: counted per worker, all five would pass.
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push(await askAlone(url, 'remittances'))
    expect(statuses).toEqual([200, 200, 200, 429, 429])
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
    const { dir, recordsDir } = await openRealIndex()
    const child = spawn(process.execPath, SERVER, {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        RAPPORTEUR_WORKERS: '2',
        RAPPORTEUR_INDEX_DIR: join(dir, 'index'),
        RAPPORTEUR_RECORDS_DIR: recordsDir,
      },
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    const [code] = await once(child, 'exit')
    taken.close()
    expect(code).toBe(1)
    expect(stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+/)
    expect(stderr).toMatch(/a server process stopped before it could serve \(code 1\); stopping/)
  })

  it.each([
    ['RAPPORTEUR_CORS_ORIGINS', 'not a url'],
    ['RAPPORTEUR_WORKERS', '0'],
  ])('refuses to start with a bad setting, naming it (%s=%s)', async (name, value) => {
    const child = spawn(process.execPath, SERVER, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: '0', [name]: value },
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(stderr).toMatch(new RegExp(`invalid environment variable ${name}`))
  })
})
