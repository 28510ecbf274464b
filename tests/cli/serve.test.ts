import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AskResponseSchema } from '../../src/answer/schema.ts'
import { PROJECT_ROOT } from '../../src/config.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

describe('npm start', () => {
  it('serves on 127.0.0.1, answers, and exits cleanly on SIGTERM', async () => {
    const { dir, recordsDir } = await openRealIndex()
    const child = spawn(
      join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [join(PROJECT_ROOT, 'src/cli/serve.ts')],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          PORT: '0',
          RAPPORTEUR_INDEX_DIR: join(dir, 'index'),
          RAPPORTEUR_RECORDS_DIR: recordsDir,
        },
      }
    )
    let stderr = ''
    child.stderr.setEncoding('utf8')
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${stderr}`)), 30_000)
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk
        const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
    })
    expect(stderr).toContain('Rapporteur serving CMW/C/SR.593 on http://127.0.0.1:')
    const response = await fetch(`${url}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        question: 'How many migrant integration centres are there at the northern border?',
      }),
    })
    expect(response.status).toBe(200)
    expect(AskResponseSchema.parse(await response.json()).citations).toContain(
      'CMW/C/SR.593, para. 19'
    )
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    // tsx forwards the signal to the server process, which closes and exits 0.
    const [code] = await exited
    expect(code).toBe(0)
  })
})
