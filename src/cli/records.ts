// `npm run records -- [DIR] [--json]`: reads a records directory and says what Rapporteur made of each file, without indexing.
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { loadConfig } from '../config.ts'
import { ensureVectors } from '../index/vectors.ts'
import { loadRecords } from '../records/load.ts'
import { formatRecord, readableOf } from './format-record.ts'
import { UsageError, run, stderrLog } from './run.ts'

const USAGE = 'usage: npm run records -- [DIR] [--json]'

run(USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  if (positionals.length > 1) throw new UsageError(USAGE)
  const config = loadConfig()
  const dir = positionals[0] ? resolve(positionals[0]) : config.recordsDir
  const vectors = await ensureVectors(config.vectorsPath, { log: stderrLog })
  const started = performance.now()
  const { records, failures } = await loadRecords(dir, {
    isWord: (word) => vectors.rankOf(word) !== undefined,
  })
  const ms = Math.round(performance.now() - started)
  if (values.json) {
    console.log(JSON.stringify({ dir, ms, records, failures }, null, 2))
  } else {
    for (const record of records) console.log(`${formatRecord(readableOf(record))}\n`)
    for (const f of failures) console.log(`not indexed: ${f.file}: ${f.reason}`)
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
    console.log(
      `\n${count(records.length, 'record')} read, ${count(failures.length, 'file')} not indexed, in ${ms} ms (${dir})`
    )
  }
  if (records.length === 0) process.exitCode = 1
})
