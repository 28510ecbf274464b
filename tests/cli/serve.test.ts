import { spawn } from 'node:child_process'
import { once } from 'node:events'
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

describe('npm start', () => {
  it('serves on 127.0.0.1, answers, serves the page script, logs a structured line per request, and exits cleanly on SIGTERM', async () => {
    const { child, url, output } = await start()
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

  it('refuses to start with a bad setting, naming it', async () => {
    const child = spawn(process.execPath, SERVER, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: '0', RAPPORTEUR_CORS_ORIGINS: 'not a url' },
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(stderr).toMatch(/invalid environment variable RAPPORTEUR_CORS_ORIGINS/)
  })
})
