// `npm run eval [-- --set FILE … --records DIR … --json OUT --reports DIR --mode extractive|llm --calibrate]`: runs eval sets, prints the figures, writes the reports.
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { composePipeline, openGenerator } from '../compose.ts'
import { PROJECT_ROOT, loadConfig } from '../config.ts'
import { recallChart } from '../evals/chart.ts'
import { calibrationTable, renderMarkdown } from '../evals/report.ts'
import type { CalibrationPoint } from '../evals/calibrate.ts'
import { bestThreshold, calibrationPoint, fitRelevance } from '../evals/calibrate.ts'
import type { Outcome } from '../evals/run.ts'
import { RANKING_DEPTH, answerMetrics, buildReport, recallCurve, runEval } from '../evals/run.ts'
import { f1 } from '../evals/metrics.ts'
import type { EvalQuestion } from '../evals/set.ts'
import { assertIdsUnique, parseEvalSet } from '../evals/set.ts'
import { ensureIndex } from '../index/load.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { ClaimMetrics } from '../evals/claims.ts'
import { balancedAccuracy, evaluateClaims, parseClaims } from '../evals/claims.ts'
import type { DialogueGold } from '../evals/dialogue.ts'
import { Corpus } from '../retrieve/corpus.ts'
import { evaluateDialogue, goldRecords, linkF1, parseDialogueGold } from '../evals/dialogue.ts'
import { ensureVectors } from '../index/vectors.ts'
import type { Policy } from '../policy.ts'
import { PolicySchema } from '../policy.ts'
import { RETRIEVERS } from '../retrieve/search.ts'
import { UsageError, run, stderrLog } from './run.ts'

export const SETS_DIR = join(PROJECT_ROOT, 'evals/sets')
/** Labelled model sentences for the claim verifier. */
export const CLAIMS_DIR = join(PROJECT_ROOT, 'evals/claims')
/** Gold dialogue maps. */
export const DIALOGUE_DIR = join(PROJECT_ROOT, 'evals/dialogue')
/** Sidecars for the shared UN documents the sets ask about. */
const EVAL_SIDECARS = join(PROJECT_ROOT, 'evals/records')
/** The UN reports some sets ask about, beside the checkout; users keep their own records. */
export const SHARED_RECORDS = join(PROJECT_ROOT, '..', 'shared', 'external', 'upr-slovenia')
/** The thresholds `--calibrate` tries, each with a run of the tuning questions. */
const CALIBRATION_GRID = Array.from(
  { length: 13 },
  (_, i) => Math.round((0.02 + i * 0.04) * 100) / 100
)
const COLOURS = { hybrid: '#1b6ac9', bm25: '#d9822b', dense: '#3a9a5b' }

const readSet = async (path: string): Promise<EvalQuestion[]> => {
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read eval set ${path}: ${error.message}`)
  })
  return parseEvalSet(text, relative(PROJECT_ROOT, path))
}

/** The labelled claims whose records are indexed, each set verified. */
const readClaims = async (
  indexed: ReadonlySet<string>,
  corpus: Corpus
): Promise<ClaimMetrics[]> => {
  if (!existsSync(CLAIMS_DIR)) return []
  const metrics: ClaimMetrics[] = []
  for (const file of (await readdir(CLAIMS_DIR)).filter((f) => f.endsWith('.jsonl')).sort()) {
    const name = relative(PROJECT_ROOT, join(CLAIMS_DIR, file))
    const claims = parseClaims(await readFile(join(CLAIMS_DIR, file), 'utf8'), name)
    const missing = [...new Set(claims.map((c) => c.record))].filter((r) => !indexed.has(r))
    if (missing.length > 0) stderrLog(`${name}: skipped, ${missing.join(', ')} not indexed`)
    else metrics.push(...evaluateClaims(corpus, claims, name))
  }
  return metrics
}

/**
 * Each threshold's standing with every tuning record's questions answered by relevance weights
 * fitted on the other records' (leave one record out): weights fitted on a record's own questions
 * judge it better than they will judge a record they have not seen, and the threshold should be
 * chosen for the second. With one tuning record, its own weights are all there is.
 */
const crossRecordPoints = async (
  index: SearchIndex,
  policy: Policy,
  tuning: readonly Outcome[]
): Promise<CalibrationPoint[]> => {
  const recordOf = (o: Outcome) => o.question.record ?? ''
  const records = [...new Set(tuning.map(recordOf))]
  const folds =
    records.length > 1
      ? records.map((r) => ({
          weights: fitRelevance(tuning.filter((o) => recordOf(o) !== r)),
          asked: tuning.filter((o) => recordOf(o) === r).map((o) => o.question),
        }))
      : [{ weights: fitRelevance(tuning), asked: tuning.map((o) => o.question) }]
  const points: CalibrationPoint[] = []
  // Each point quotes broad answers and list items down to its own threshold, so that the
  // threshold chosen does not hang on the broad ones in force; those are chosen after it.
  for (const relevance of CALIBRATION_GRID) {
    const runs: Outcome[] = []
    for (const { weights, asked } of folds) {
      const candidate = PolicySchema.parse({
        ...policy,
        ...weights,
        relevance,
        broadRelevance: relevance,
        listRelevance: relevance,
      })
      runs.push(...(await runEval(composePipeline(index, { policy: candidate }), asked)))
    }
    points.push(calibrationPoint(relevance, runs))
  }
  return points
}

/** The claim coverage that best accepts true paraphrases and refuses the rest, on the tuning claims. */
const calibrateClaims = async (
  index: SearchIndex,
  policy: Policy,
  indexed: ReadonlySet<string>
): Promise<Partial<Policy>> => {
  let best = { claimCoverage: policy.claimCoverage, score: -1 }
  for (const claimCoverage of [0.5, 0.6, 0.7, 0.8, 0.9]) {
    const corpus = new Corpus(index, PolicySchema.parse({ ...policy, claimCoverage }))
    const tuning = (await readClaims(indexed, corpus)).filter((m) => m.split === 'tune')
    const score =
      tuning.reduce((sum, m) => sum + balancedAccuracy(m), 0) / Math.max(1, tuning.length)
    if (score > best.score) best = { claimCoverage, score }
  }
  return { claimCoverage: best.claimCoverage }
}

/**
 * The threshold a broad answer quotes down to, at most the answering one, then the one a numbered
 * list's item beside a quoted one joins it at, at most that: each the one with the best citation
 * F1 on the tuning questions read as broad that have gold paragraphs.
 */
const calibrateBroad = async (
  index: SearchIndex,
  policy: Policy,
  tuning: readonly Outcome[]
): Promise<Partial<Policy>> => {
  const asked = tuning.filter((o) => o.intent === 'broad' && o.gold.size > 0).map((o) => o.question)
  if (asked.length === 0) return {}
  const best = async (
    key: 'broadRelevance' | 'listRelevance',
    fixed: Partial<Policy>,
    ceiling: number
  ) => {
    let found = { value: ceiling, f1: -1 }
    for (const value of CALIBRATION_GRID.filter((t) => t <= ceiling)) {
      const candidate = PolicySchema.parse({ ...policy, ...fixed, [key]: value })
      const m = answerMetrics(await runEval(composePipeline(index, { policy: candidate }), asked))
      const score = f1(m.citation_precision, m.citation_recall)
      if (score > found.f1) found = { value, f1: score }
    }
    return found.value
  }
  const broadRelevance = await best('broadRelevance', {}, policy.relevance)
  const listRelevance = await best('listRelevance', { broadRelevance }, broadRelevance)
  return { broadRelevance, listRelevance }
}

/** The gold dialogue maps whose records are all indexed; the others are reported and skipped. */
const readDialogueGolds = async (
  indexed: ReadonlySet<string>
): Promise<{ name: string; gold: DialogueGold[] }[]> => {
  if (!existsSync(DIALOGUE_DIR)) return []
  const golds: { name: string; gold: DialogueGold[] }[] = []
  for (const file of (await readdir(DIALOGUE_DIR)).filter((f) => f.endsWith('.jsonl')).sort()) {
    const name = relative(PROJECT_ROOT, join(DIALOGUE_DIR, file))
    const gold = parseDialogueGold(await readFile(join(DIALOGUE_DIR, file), 'utf8'), name)
    const missing = goldRecords(gold).filter((r) => !indexed.has(r))
    if (missing.length > 0) stderrLog(`${name}: skipped, ${missing.join(', ')} not indexed`)
    else golds.push({ name, gold })
  }
  return golds
}

/**
 * The linker's thresholds that give the best link F1 on the tuning gold maps, then the share of
 * a question's best reply a further one must reach, then the "answered" share that gets most
 * statuses right.
 */
const calibrateLinker = async (
  index: SearchIndex,
  policy: Policy,
  golds: readonly { name: string; gold: DialogueGold[] }[]
): Promise<Partial<Policy>> => {
  const tuning = golds.filter((g) => g.gold[0]?.split === 'tune')
  if (tuning.length === 0) return {}
  const score = async (candidate: Partial<Policy>) => {
    const pipeline = composePipeline(index, {
      policy: PolicySchema.parse({ ...policy, ...candidate }),
    })
    const metrics = await Promise.all(
      tuning.map((g) => evaluateDialogue((r) => pipeline.dialogue(r), g.gold, g.name))
    )
    return {
      f1: metrics.reduce((sum, m) => sum + linkF1(m), 0) / metrics.length,
      status: metrics.reduce((sum, m) => sum + m.status_accuracy, 0) / metrics.length,
    }
  }
  let best: { candidate: Partial<Policy>; f1: number } = { candidate: {}, f1: -1 }
  for (const replyDecay of [0.6, 0.8, 1])
    for (const replySimilarity of [0, 0.25, 0.5])
      for (const replyLink of [0.2, 0.25, 0.3, 0.35, 0.4])
        for (const replyShare of [0.7, 0.8, 0.9, 1]) {
          const candidate = { replyDecay, replySimilarity, replyLink, replyShare }
          const { f1 } = await score(candidate)
          if (f1 > best.f1) best = { candidate, f1 }
        }
  // Then the share of the question's best reply a further one must reach, given the rest.
  let ratio = { replyRatio: policy.replyRatio, f1: best.f1 }
  for (const replyRatio of [0, 0.6, 0.7, 0.8, 0.9]) {
    const { f1 } = await score({ ...best.candidate, replyRatio })
    if (f1 > ratio.f1) ratio = { replyRatio, f1 }
  }
  best = { candidate: { ...best.candidate, replyRatio: ratio.replyRatio }, f1: ratio.f1 }
  let answered = { replyAnswered: policy.replyAnswered, status: -1 }
  for (const replyAnswered of [0.3, 0.4, 0.5, 0.6, 0.7]) {
    const { status } = await score({ ...best.candidate, replyAnswered })
    if (status > answered.status) answered = { replyAnswered, status }
  }
  return { ...best.candidate, replyAnswered: answered.replyAnswered }
}

const USAGE =
  'usage: npm run eval [-- --set FILE … --records DIR … --json OUT --reports DIR --mode extractive|llm --calibrate]'

run(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', multiple: true },
      records: { type: 'string', multiple: true },
      json: { type: 'string' },
      reports: { type: 'string' },
      mode: { type: 'string', default: 'extractive' },
      calibrate: { type: 'boolean', default: false },
    },
  })
  if (values.mode !== 'extractive' && values.mode !== 'llm') {
    throw new UsageError(`--mode is extractive (the default) or llm, not "${values.mode}"`)
  }
  const reports = resolve(values.reports ?? join(PROJECT_ROOT, 'evals/reports'))
  const sets =
    values.set?.map((s) => resolve(s)) ??
    (await readdir(SETS_DIR))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => join(SETS_DIR, f))
  const config = loadConfig()
  // One library of every record the sets ask about: the records directory, and the UN reports
  // beside the checkout when they are there.
  const extra = (values.records ?? (existsSync(SHARED_RECORDS) ? [SHARED_RECORDS] : [])).map((d) =>
    resolve(d)
  )
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-eval-'))
  const library = join(dir, 'records')
  await cp(config.recordsDir, library, { recursive: true })
  for (const source of extra) {
    for (const file of await readdir(source))
      if (/\.(?:pdf|docx|html?|txt|md|json)$/i.test(file))
        await cp(join(source, file), join(library, file))
  }
  // Sidecars for the UN documents beside the checkout: the symbol a document does not print, and
  // which documents make one dialogue.
  if (extra.length > 0 && existsSync(EVAL_SIDECARS))
    for (const file of await readdir(EVAL_SIDECARS)) {
      const stem = file.replace(/\.json$/, '')
      const described = ['.pdf', '.docx'].some((ext) => existsSync(join(library, stem + ext)))
      if (file.endsWith('.json') && described)
        await cp(join(EVAL_SIDECARS, file), join(library, file))
    }
  const vectors = await ensureVectors(config.vectorsPath, { log: stderrLog })
  const { index, failures } = await ensureIndex(join(dir, 'index'), {
    recordsDir: library,
    vectors,
  })
  for (const f of failures) stderrLog(`skipped ${f.file}: ${f.reason}`)
  const indexed = new Set(index.records.map((r) => r.symbol))
  // A question that names no record is asked of the project's own record, when it has one.
  const ownFiles = new Set(await readdir(config.recordsDir))
  const own = index.manifest.records.filter((r) => ownFiles.has(r.file))
  const ownRecord = own.length === 1 ? own[0]?.symbol : undefined
  const read = await Promise.all(
    sets.map(async (path) => ({
      path,
      name: relative(PROJECT_ROOT, path),
      questions: await readSet(path),
    }))
  )
  assertIdsUnique(read)
  const questions: EvalQuestion[] = []
  for (const { path, questions: own } of read) {
    const set = own.map((q) => (q.record || !ownRecord ? q : { ...q, record: ownRecord }))
    const missing = [
      ...new Set(set.flatMap((q) => (q.record && !indexed.has(q.record) ? [q.record] : []))),
    ]
    if (missing.length > 0)
      stderrLog(
        `${relative(PROJECT_ROOT, path)}: skipped, ${missing.join(', ')} not indexed (pass --records DIR)`
      )
    else questions.push(...set)
  }
  if (questions.length === 0)
    throw new UsageError('no eval set could be run: none of their records is indexed')
  const generator = values.mode === 'llm' ? await openGenerator(config.llm, stderrLog) : null
  if (values.mode === 'llm' && !generator) {
    throw new UsageError('--mode llm needs a reachable chat model: set RAPPORTEUR_LLM (see README)')
  }
  const pipeline = composePipeline(index, { generator, generationTimeoutMs: config.llm.timeoutMs })
  const outcomes = await runEval(pipeline, questions, {
    ...(generator ? { answer: (query) => pipeline.ask({ ...query, mode: 'generative' }) } : {}),
    onProgress: (done, total, o) =>
      process.stderr.write(
        `\r[${String(done).padStart(String(total).length)}/${total}] ${o.question.id}   `
      ),
  })
  process.stderr.write('\n')
  const golds = await readDialogueGolds(indexed)
  const dialogue = await Promise.all(
    golds.map(({ name: set, gold }) => evaluateDialogue((r) => pipeline.dialogue(r), gold, set))
  )
  const name = sets.map((s) => relative(PROJECT_ROOT, s)).join(', ')
  const claims = await readClaims(indexed, pipeline.corpus)
  const report = buildReport(name, outcomes, pipeline.corpus.policy, { dialogue, claims })
  const chartName = 'recall-at-k.svg'
  const chart = recallChart(
    RETRIEVERS.map((r) => ({
      name: r,
      values: recallCurve(outcomes, r, RANKING_DEPTH),
      colour: COLOURS[r],
    })),
    { title: 'recall@k, every set' }
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
  console.log(markdown.slice(0, markdown.indexOf('## Policy')).trim())
  if (values.calibrate) {
    const tuning = outcomes.filter((o) => o.question.split === 'tune')
    const weights = fitRelevance(tuning)
    const points = await crossRecordPoints(index, pipeline.corpus.policy, tuning)
    const relevance = bestThreshold(points)
    const broad = await calibrateBroad(
      index,
      PolicySchema.parse({ ...pipeline.corpus.policy, ...weights, relevance }),
      tuning
    )
    const linker = await calibrateLinker(index, pipeline.corpus.policy, golds)
    const claimCoverage = await calibrateClaims(index, pipeline.corpus.policy, indexed)
    console.log(
      `\n## Calibration on ${tuning.length} tuning questions\n\n${calibrationTable(points, relevance)}\n\nPut in DEFAULT_POLICY (src/policy.ts):\n${JSON.stringify({ ...weights, relevance, ...broad, ...linker, ...claimCoverage }, null, 2)}`
    )
  }
  console.log(
    `\nFailures: ${markdown.slice(markdown.indexOf('## Failures (') + 13).split(')')[0]} — see ${relative(process.cwd(), join(reports, 'latest.md'))}`
  )
  // The library and its index were the run's own: nothing of them is kept.
  await rm(dir, { recursive: true, force: true })
})
