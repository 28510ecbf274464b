import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { EvalReportSchema } from '../../src/evals/schema.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

const exec = promisify(execFile)
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  const { dir, recordsDir } = await openRealIndex()
  env = {
    ...process.env,
    RAPPORTEUR_INDEX_DIR: join(dir, 'index'),
    RAPPORTEUR_RECORDS_DIR: recordsDir,
  }
})

/** Runs a CLI entry point as `npm run` would, returning its output and exit code. */
const cli = async (script: string, args: string[], extraEnv: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await exec(
      join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [join(PROJECT_ROOT, 'src/cli', script), ...args],
      {
        env: { ...env, ...extraEnv },
        cwd: PROJECT_ROOT,
      }
    )
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

describe('npm run ask', () => {
  it('prints the answer with its citations', async () => {
    const { stdout, code } = await cli('ask.ts', [
      'How many migrant integration centres are there at the northern border?',
    ])
    expect(code).toBe(0)
    expect(stdout).toContain('three migrant integration centres at the northern border')
    expect(stdout).toMatch(/Citations: .*CMW\/C\/SR\.593, para\. 19/)
  })

  it('prints the JSON response with --json', async () => {
    const { stdout } = await cli('ask.ts', ['remittances', '--json', '--k', '3'])
    expect(JSON.parse(stdout)).toMatchObject({
      question: 'remittances',
      retrieved: expect.any(Array),
    })
  })

  it('says so plainly when the record does not address the question', async () => {
    const { stdout, code } = await cli('ask.ts', [
      'What did the Committee say about climate change?',
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(/does not appear to address/)
    expect(stdout).not.toContain('Citations')
  })

  it.each([
    [['remittances', '--bogus'], /^error: Unknown option '--bogus'/],
    [['remittances', '--k'], /^error: Option '--k <value>' argument missing/],
  ])('answers a bad command line %j with one line and exit 2, no stack', async (args, message) => {
    const { stderr, code } = await cli('ask.ts', args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('exits non-zero with a usage message when no question is given', async () => {
    const { stderr, code } = await cli('ask.ts', [])
    expect(code).toBe(2)
    expect(stderr).toMatch(/error: question must not be empty\nusage: npm run ask/)
  })
})

describe('--help', () => {
  it.each(['ask.ts', 'dialogue.ts', 'build-index.ts', 'eval.ts'])(
    '%s prints its usage and does nothing else',
    async (script) => {
      const { stdout, stderr, code } = await cli(script, ['--help'])
      expect(code).toBe(0)
      expect(stdout).toMatch(/^usage: npm (?:run \S+|start)/)
      expect(stderr).toBe('')
    }
  )
})

describe('npm run records', () => {
  it('says what it read from each file, and which files it did not index and why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-cli-records-'))
    await writeFile(
      join(dir, 'ccpr-c-sr-9.txt'),
      'CCPR/C/SR.9\nHUMAN RIGHTS COMMITTEE\nChairman: Mr. POCAR\nThe meeting was called to order at 3 p.m.\n1. The CHAIRMAN said that the meeting was open.\n3. Mr. DLAMINI (Swaziland) said that he agreed.\n'
    )
    await writeFile(join(dir, 'minutes.rtf'), '{\\rtf1}')
    const { stdout, code } = await cli('records.ts', [dir])
    expect(code).toBe(0)
    expect(stdout).toContain('ccpr-c-sr-9.txt → CCPR/C/SR.9 (text)')
    expect(stdout).toContain('numbering: as printed, 2 paragraphs (1–3)')
    expect(stdout).toContain('Mr. DLAMINI (State delegation, Swaziland)')
    expect(stdout).toContain('warning: paragraph numbers jump from 1 to 3')
    expect(stdout).toMatch(/not indexed: minutes\.rtf: not a record format/)
  })

  it('names a folder that does not exist, with no stack', async () => {
    const { stderr, code } = await cli('records.ts', [join(tmpdir(), 'rapporteur-no-such-folder')])
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^error: ENOENT: no such file or directory, scandir .*rapporteur-no-such-folder/
    )
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('exits non-zero when it can read no record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-cli-records-'))
    const { code, stdout } = await cli('records.ts', [dir])
    expect(code).toBe(1)
    expect(stdout).toContain('0 records read')
  })
})

describe('npm run dialogue', () => {
  it('prints the dialogue map as Markdown, narrowed to the questions with no reply recorded', async () => {
    const { stdout, code } = await cli('dialogue.ts', ['CMW/C/SR.593', '--status', 'no_reply'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^# Dialogue map: CMW\/C\/SR\.593\n\n\d+ questions in CMW\/C\/SR\.593: /)
    const rows = stdout
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| question') && !l.startsWith('| ---'))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.includes('| no reply recorded |'))).toBe(true)
  })

  it('prints the whole dialogue’s map with --scope dialogue', async () => {
    const { stdout, code } = await cli('dialogue.ts', ['CMW/C/SR.593', '--scope', 'dialogue'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^# Dialogue map: the dialogue of CMW\/C\/SR\.593\n/)
  })

  it('prints CSV with a header row', async () => {
    const { stdout, code } = await cli('dialogue.ts', ['cmw-c-sr-593', '--format', 'csv'])
    expect(code).toBe(0)
    expect(stdout.split('\r\n')[0]).toBe(
      '"question","asked by","citation","status","reply citations","reply excerpt","closest paragraphs"'
    )
  })

  it('exits non-zero naming a bad status or an unknown record', async () => {
    const bad = await cli('dialogue.ts', ['CMW/C/SR.593', '--status', 'maybe'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--status: /)
    const scope = await cli('dialogue.ts', ['CMW/C/SR.593', '--scope', 'all'])
    expect(scope.code).toBe(2)
    expect(scope.stderr).toMatch(/--scope: /)
    const unknown = await cli('dialogue.ts', ['CMW/C/SR.999'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no record named "CMW\/C\/SR\.999"/)
  })
})

describe('npm run cite', () => {
  it('prints a paragraph with its speaker and neighbours', async () => {
    const { stdout, code } = await cli('cite.ts', ['17'])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^CMW\/C\/SR\.593, para\. 17\nSpeaker: A representative of Mexico \(State delegation\)\n\nIn response to the conflagration/
    )
    expect(stdout).toContain('Previous: 16 · Next: 18')
  })

  it('exits non-zero naming the paragraph that does not exist', async () => {
    const { stderr, code } = await cli('cite.ts', ['99'])
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('error: CMW/C/SR.593 has no paragraph or block "99"')
  })

  it('fails fast on a bad environment variable, naming it', async () => {
    const { stderr, code } = await cli('cite.ts', ['17'], { RAPPORTEUR_EF_SEARCH: 'lots' })
    expect(code).toBe(1)
    expect(stderr).toMatch(/invalid environment variable RAPPORTEUR_EF_SEARCH/)
  })
})

describe('npm run index', () => {
  it('rebuilds the index and prints what it built', async () => {
    const { stdout, code } = await cli('build-index.ts', [])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Built index .* in \d+ ms/)
    expect(stdout).toContain(
      'CMW/C/SR.593: cmw-c-sr-593.txt (text), 57 paragraphs, numbers recounted, 8 speakers'
    )
  })
})

describe('npm run eval', () => {
  it('runs a set, writes the JSON and the markdown report with its chart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-eval-'))
    const set = join(dir, 'set.jsonl')
    await writeFile(
      set,
      [
        {
          id: 'a',
          question: 'How many migrant integration centres are there at the northern border?',
          answerable: true,
          gold_paragraphs: [19],
          must_include: ['three'],
          category: 'factoid',
        },
        {
          id: 'b',
          question: 'What did the Committee say about climate change?',
          answerable: false,
          category: 'unanswerable',
        },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n')
    )
    const { stdout, stderr, code } = await cli('eval.ts', [
      '--set',
      set,
      '--json',
      join(dir, 'out.json'),
      '--reports',
      join(dir, 'reports'),
    ])
    expect(code).toBe(0)
    expect(stderr).toContain('[2/2] b')
    expect(stdout).toMatch(/\| recall@5 \| 1\.000 \| 1\.000 \| /)
    const report = EvalReportSchema.parse(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')))
    expect(report.answer.abstention_recall).toBe(1)
    expect(report.results.map((r) => [r.id, r.abstained])).toEqual([
      ['a', false],
      ['b', true],
    ])
    expect(await readFile(join(dir, 'reports/latest.md'), 'utf8')).toContain(
      '![recall@k per retriever](recall-at-k.svg)'
    )
    expect(await readFile(join(dir, 'reports/recall-at-k.svg'), 'utf8')).toMatch(
      /^<svg [^>]*>[\s\S]*<polyline[\s\S]*<\/svg>\n$/
    )
  })

  it('stops with a non-zero exit naming the malformed line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-eval-'))
    const set = join(dir, 'bad.jsonl')
    await writeFile(
      set,
      `${JSON.stringify({ id: 'a', question: 'Q?', answerable: false })}\n{"id": "b", "question": 3}\n`
    )
    const { stderr, code } = await cli('eval.ts', ['--set', set, '--reports', join(dir, 'reports')])
    expect(code).toBe(1)
    expect(stderr).toMatch(/bad\.jsonl:2: question: Expected string, received number/)
  })
})
