// `npm run eval [-- --set FILE --json OUT --reports DIR --mode extractive|llm]`: runs an eval set, prints the figures, writes the reports.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { retrieveFor } from '../answer/answer.ts'
import { openGenerator, openRapporteur } from '../compose.ts'
import { answerInMode } from '../generate/answer-in-mode.ts'
import { PROJECT_ROOT, loadConfig } from '../config.ts'
import { recallChart } from '../evals/chart.ts'
import { renderMarkdown } from '../evals/report.ts'
import { RANKING_DEPTH, buildReport, recallCurve, runEval } from '../evals/run.ts'
import { parseEvalSet } from '../evals/set.ts'
import { RETRIEVERS } from '../retrieve/search.ts'
import { UsageError, run, stderrLog } from './run.ts'

export const DEFAULT_SET = join(PROJECT_ROOT, 'evals/sets/cmw-c-sr-593.jsonl')
const COLOURS = { hybrid: '#1b6ac9', bm25: '#d9822b', dense: '#3a9a5b' }

run(async () => {
  const { values } = parseArgs({
    options: {
      set: { type: 'string' },
      json: { type: 'string' },
      reports: { type: 'string' },
      mode: { type: 'string', default: 'extractive' },
    },
  })
  const reports = resolve(values.reports ?? join(PROJECT_ROOT, 'evals/reports'))
  const setPath = resolve(values.set ?? DEFAULT_SET)
  const text = await readFile(setPath, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read eval set ${setPath}: ${error.message}`)
  })
  const setName = relative(PROJECT_ROOT, setPath).startsWith('..')
    ? setPath
    : relative(PROJECT_ROOT, setPath)
  const questions = parseEvalSet(text, setName)
  if (values.mode !== 'extractive' && values.mode !== 'llm') {
    throw new UsageError(`--mode is extractive (the default) or llm, not "${values.mode}"`)
  }
  const config = loadConfig()
  const { index } = await openRapporteur(config, stderrLog)
  const generator = values.mode === 'llm' ? await openGenerator(config.llm, stderrLog) : null
  if (values.mode === 'llm' && !generator) {
    throw new UsageError('--mode llm needs a reachable chat model: set RAPPORTEUR_LLM (see README)')
  }
  const outcomes = await runEval(index, questions, {
    ...(generator
      ? {
          answer: async (query) =>
            answerInMode(
              index,
              generator,
              { mode: 'generative' },
              await retrieveFor(index, query),
              {
                timeoutMs: config.llm.timeoutMs,
              }
            ),
        }
      : {}),
    onProgress: (done, total, o) =>
      process.stderr.write(
        `\r[${String(done).padStart(String(total).length)}/${total}] ${o.question.id}   `
      ),
  })
  process.stderr.write('\n')
  const report = buildReport(setName, outcomes)
  const chartName = 'recall-at-k.svg'
  const chart = recallChart(
    RETRIEVERS.map((name) => ({
      name,
      values: recallCurve(outcomes, name, RANKING_DEPTH),
      colour: COLOURS[name],
    })),
    { title: `recall@k, ${basename(setPath)}` }
  )
  await mkdir(reports, { recursive: true })
  await writeFile(join(reports, chartName), chart)
  const markdown = renderMarkdown({
    report,
    outcomes,
    chart: chartName,
    generatedAt: new Date().toISOString(),
  })
  await writeFile(join(reports, 'latest.md'), markdown)
  if (values.json) {
    await mkdir(dirname(resolve(values.json)), { recursive: true })
    await writeFile(resolve(values.json), `${JSON.stringify(report, null, 2)}\n`)
  }
  console.log(markdown.slice(0, markdown.indexOf('## Failures')).trim())
  console.log(
    `\nFailures: ${markdown.slice(markdown.indexOf('## Failures (') + 13).split(')')[0]} — see ${relative(process.cwd(), join(reports, 'latest.md'))}`
  )
})
