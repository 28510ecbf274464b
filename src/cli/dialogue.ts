// `npm run dialogue -- RECORD [--format md|csv|json] [--member NAME] [--status S] [--q WORDS] [--scope record|dialogue]`: prints a record's dialogue map.
import { parseArgs } from 'node:util'
import { composePipeline, openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { dialogueCsv, dialogueMarkdown, filterQuestions } from '../dialogue/view.ts'
import { DialogueQuerySchema } from '../server/schema.ts'
import { UsageError, run, stderrLog } from './run.ts'

const USAGE =
  'usage: npm run dialogue -- <record symbol or slug> [--format md|csv|json] [--member NAME] [--status answered|partly|no_reply] [--q WORDS] [--scope record|dialogue]'

run(USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: {
      format: { type: 'string', default: 'md' },
      member: { type: 'string' },
      status: { type: 'string' },
      q: { type: 'string' },
      scope: { type: 'string' },
    },
    allowPositionals: true,
  })
  const [record, ...rest] = positionals
  if (!record || rest.length > 0) throw new UsageError(USAGE)
  const parsed = DialogueQuerySchema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`--${issue?.path.join('.')}: ${issue?.message}\n${USAGE}`)
  }
  const query = parsed.data
  const { index } = await openRapporteur(loadConfig(), stderrLog)
  const map = await composePipeline(index).dialogue(record, query.scope)
  const questions = filterQuestions(map, query)
  if (query.format === 'csv') process.stdout.write(dialogueCsv(questions))
  else if (query.format === 'json') console.log(JSON.stringify({ ...map, questions }, null, 2))
  else process.stdout.write(dialogueMarkdown(map, questions))
})
