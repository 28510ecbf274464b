// `npm run ask -- "question"`: prints the answer with its citations.
import { parseArgs } from 'node:util'
import { ask } from '../answer/answer.ts'
import { AskRequestSchema } from '../answer/schema.ts'
import { openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { UsageError, run, stderrLog } from './run.ts'

const USAGE = 'usage: npm run ask -- "question" [--k N] [--speaker NAME] [--json]'

run(async () => {
  const { values, positionals } = parseArgs({
    options: {
      k: { type: 'string' },
      speaker: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  })
  const parsed = AskRequestSchema.safeParse({
    question: positionals.join(' '),
    k: values.k === undefined ? undefined : Number(values.k),
    speaker: values.speaker,
  })
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message}\n${USAGE}`)
  const { index } = await openRapporteur(loadConfig(), stderrLog)
  const response = await ask(index, parsed.data)
  if (values.json) {
    console.log(JSON.stringify(response, null, 2))
    return
  }
  console.log(response.answer)
  if (!response.abstained) console.log(`\nCitations: ${response.citations.join('; ')}`)
})
