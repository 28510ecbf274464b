// The composition root: loads the word vectors, the index and the optional chat model once, for the CLI and server.
import { ChatOllama } from '@langchain/ollama'
import { ChatOpenAI } from '@langchain/openai'
import { join } from 'node:path'
import type { Config, LlmSettings } from './config.ts'
import { PROJECT_ROOT } from './config.ts'
import type { Generator } from './generate/generate.ts'
import { loadAnswerPrompt, loadTranslationPrompt } from './generate/prompt.ts'
import type { EnsuredIndex } from './index/load.ts'
import { ensureIndex, openIndex, rebuildIndex } from './index/load.ts'
import type { SearchIndex } from './index/search-index.ts'
import { ensureVectors } from './index/vectors.ts'
import type { Pipeline } from './pipeline/pipeline.ts'
import { createPipeline } from './pipeline/pipeline.ts'
import type { Policy } from './policy.ts'
import { DEFAULT_POLICY } from './policy.ts'
import { Corpus } from './retrieve/corpus.ts'

export type Log = (message: string) => void

/**
 * Opens the index described by `config`, building or rebuilding it when needed. With `like`
 * (what another process of the server opened), the same: the build on disk as it is, with its
 * warnings, or where that process could only build in memory, a build in memory again.
 */
export const openRapporteur = async (
  config: Config,
  log: Log = () => {},
  { like }: { like?: Pick<EnsuredIndex, 'onDisk' | 'warnings'> } = {}
): Promise<EnsuredIndex> => {
  const vectors = await ensureVectors(config.vectorsPath, { log })
  if (like?.onDisk) {
    const index = await openIndex(
      config.indexDir,
      { recordsDir: config.recordsDir, vectors, efSearch: config.efSearch },
      { acceptStale: true }
    )
    const { warnings } = like
    return { index, rebuilt: null, failures: index.manifest.failures, warnings, onDisk: true }
  }
  const ensured = await ensureIndex(config.indexDir, {
    recordsDir: config.recordsDir,
    vectors,
    efSearch: config.efSearch,
  })
  if (ensured.rebuilt) log(`index rebuilt (${ensured.rebuilt})`)
  for (const warning of ensured.warnings) log(`warning: ${warning}`)
  logReading(ensured.index, log)
  return ensured
}

/**
 * The pipeline over an index: its corpus (which owns every query-path cache), the policy's tuned
 * numbers and the optional chat model. Built once; tests hand it small fixtures the same way.
 */
export const composePipeline = (
  index: SearchIndex,
  {
    generator = null,
    generationTimeoutMs = 60_000,
    policy = DEFAULT_POLICY,
  }: { generator?: Generator | null; generationTimeoutMs?: number; policy?: Policy } = {}
): Pipeline => createPipeline(new Corpus(index, policy), { generator, generationTimeoutMs })

/** What reading the records found that the user should know: files not indexed, numbering warnings. */
export const logReading = (index: SearchIndex, log: Log): void => {
  for (const r of index.manifest.records)
    for (const warning of r.warnings) log(`${r.file} (${r.symbol}): ${warning}`)
  for (const f of index.manifest.failures) log(`skipped ${f.file}: ${f.reason}`)
}

/** Rebuilds the index unconditionally (for `npm run index`). */
export const rebuildRapporteur = async (
  config: Config,
  log: Log = () => {}
): Promise<SearchIndex> => {
  const vectors = await ensureVectors(config.vectorsPath, { log })
  return rebuildIndex(config.indexDir, {
    recordsDir: config.recordsDir,
    vectors,
    efSearch: config.efSearch,
  })
}

/** How long the start-up check of a chat model's server may take. */
const PROBE_MS = 5_000

/**
 * The chat model for generative answers, or null for extractive ones: when none is configured,
 * when the setting is invalid, or when the model's server does not answer. Never throws: a bad
 * setting is logged and the service answers extractively.
 */
export const openGenerator = async (
  settings: LlmSettings,
  log: Log = () => {}
): Promise<Generator | null> => {
  if (settings.provider === 'off') return null
  const off = (reason: string) => {
    log(`generative answers are off: ${reason}; answers stay extractive`)
    return null
  }
  if (settings.provider === 'invalid') return off(settings.reason)
  const name = `${settings.provider}:${settings.model}`
  const problem = await probe(settings).catch(
    (error: Error) => `cannot reach its server (${error.message})`
  )
  if (problem) return off(`${name}: ${problem}`)
  const model =
    settings.provider === 'ollama'
      ? new ChatOllama({ model: settings.model, baseUrl: settings.baseUrl, temperature: 0 })
      : new ChatOpenAI({
          model: settings.model,
          apiKey: settings.apiKey,
          temperature: 0,
          maxRetries: 1,
          ...(settings.baseUrl ? { configuration: { baseURL: settings.baseUrl } } : {}),
        })
  const prompts = join(PROJECT_ROOT, 'prompts')
  const [prompt, translation] = await Promise.all([
    loadAnswerPrompt(prompts),
    loadTranslationPrompt(prompts),
  ])
  log(`generative answers by ${name}, every citation verified`)
  return { name, model, prompt, translation, endsWithReason: true }
}

/**
 * Whether the model's server answers and knows the model: a start-up health check (the models
 * list), so that a wrong URL or key is reported now rather than on every question. Returns what is
 * wrong, or null.
 */
const probe = async (
  settings: Extract<LlmSettings, { provider: 'ollama' | 'openai' }>
): Promise<string | null> => {
  const signal = AbortSignal.timeout(PROBE_MS)
  if (settings.provider === 'ollama') {
    const response = await fetch(new URL('/api/tags', settings.baseUrl), { signal })
    if (!response.ok) return `Ollama at ${settings.baseUrl} answered ${response.status}`
    const { models = [] } = (await response.json()) as { models?: { name: string }[] }
    const known = models.some(
      (m) => m.name === settings.model || m.name === `${settings.model}:latest`
    )
    return known
      ? null
      : `Ollama at ${settings.baseUrl} has no model "${settings.model}" (ollama pull it)`
  }
  const base = settings.baseUrl ?? 'https://api.openai.com/v1'
  const response = await fetch(`${base.replace(/\/$/, '')}/models`, {
    headers: { Authorization: `Bearer ${settings.apiKey}` },
    signal,
  })
  return response.ok ? null : `${base} answered ${response.status} to the API key`
}
