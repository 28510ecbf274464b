// `npm run cite -- 17`: prints a paragraph with its speaker, role and neighbours.
import { parseArgs } from 'node:util'
import { formatBlock } from './format-block.ts'
import { openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { findBlock, findRecord } from '../index/search-index.ts'
import { UsageError, run, stderrLog } from './run.ts'

const USAGE = 'usage: npm run cite -- <paragraph number or block id> [--record SYMBOL]'

run(USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: { record: { type: 'string' } },
    allowPositionals: true,
  })
  const [id, ...rest] = positionals
  if (!id || rest.length > 0) throw new UsageError(USAGE)
  const { index } = await openRapporteur(loadConfig(), stderrLog)
  const name = values.record ?? (index.records.length === 1 ? index.records[0]?.symbol : undefined)
  if (!name) throw new UsageError(`several records are indexed; name one with --record\n${USAGE}`)
  const record = findRecord(index, name)
  console.log(formatBlock(index, findBlock(index, record, id)))
})
