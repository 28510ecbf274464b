// `npm run ask -- "question"`: prints the answer with its citations.
import { parseArgs } from 'node:util'
import { AskRequestSchema } from '../answer/schema.ts'
import { composePipeline, openGenerator, openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { UsageError, run, stderrLog } from './run.ts'

const USAGE =
  'usage: npm run ask -- "question" [--k N] [--speaker NAME] [--record SYMBOL] [--mode extractive|generative] [--json]'

run(USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: {
      k: { type: 'string' },
      speaker: { type: 'string' },
      record: { type: 'string' },
      json: { type: 'boolean', default: false },
      mode: { type: 'string' },
    },
    allowPositionals: true,
  })
  const parsed = AskRequestSchema.safeParse({
    question: positionals.join(' '),
    k: values.k === undefined ? undefined : Number(values.k),
    speaker: values.speaker,
    record: values.record,
    mode: values.mode,
  })
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message}\n${USAGE}`)
  const config = loadConfig()
  const { index } = await openRapporteur(config, stderrLog)
  const generator = await openGenerator(config.llm, stderrLog)
  const pipeline = composePipeline(index, { generator, generationTimeoutMs: config.llm.timeoutMs })
  const response = await pipeline.ask(parsed.data)
  if (values.json) {
    console.log(JSON.stringify(response, null, 2))
    return
  }
  if (response.fallback) console.error(`(extractive answer: ${response.fallback})`)
  console.log(response.answer)
  if (!response.abstained) console.log(`\nCitations: ${response.citations.join('; ')}`)
})
