// Configuration: parsed once from environment variables, with defaults that work offline.
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root, so that default paths do not depend on the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const path = z
  .string()
  .min(1)
  .transform((p) => resolve(PROJECT_ROOT, p))

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  RAPPORTEUR_RECORDS_DIR: path.default('records'),
  RAPPORTEUR_INDEX_DIR: path.default('index'),
  RAPPORTEUR_VECTORS: path.default('index/vectors/glove-sg-100d.bin'),
  /** hnswlib's search width; LangChain never sets it and hnswlib's default (10) costs recall. */
  RAPPORTEUR_EF_SEARCH: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Origins allowed to call the API from a browser, comma-separated; empty (the default) = CORS off. */
  RAPPORTEUR_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    )
    .pipe(z.array(z.string().url('each CORS origin must be a URL such as https://example.org'))),
  /** Requests per minute allowed to one client on /api/*; 0 (the default) = no limit. */
  RAPPORTEUR_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /**
   * Server processes sharing the port, each with its own copy of the index; unset = one per usable
   * core, at most `MAX_DEFAULT_WORKERS`, and no more than a memory limit allows.
   */
  RAPPORTEUR_WORKERS: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v : undefined))
    .pipe(z.coerce.number().int().min(1).max(64).optional()),
  /** Longest a request may take before it is answered with 503. */
  RAPPORTEUR_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Largest request body accepted. */
  RAPPORTEUR_MAX_BODY_BYTES: z.coerce.number().int().min(256).max(10_000_000).default(16_384),
  /** Structured request logs on stderr: `info` (default) or `off`. */
  RAPPORTEUR_LOG: z.enum(['info', 'off']).default('info'),
  /** The chat model for generative answers: `ollama:<model>` or `openai:<model>`; unset = off. */
  RAPPORTEUR_LLM: z.string().trim().optional(),
  OLLAMA_BASE_URL: z.string().trim().default('http://127.0.0.1:11434'),
  OPENAI_BASE_URL: z.string().trim().optional(),
  OPENAI_API_KEY: z.string().trim().optional(),
  /** Longest a generative answer may take before the extractive one is given instead. */
  RAPPORTEUR_LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  /** Whether request logs may include the question text; off by default. */
  RAPPORTEUR_LOG_QUESTIONS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

/** A directory and those above it, up to `root`. */
const upTo = (root: string, dir: string): string[] =>
  dir === root || !dir.startsWith(`${root}/`) ? [root] : [dir, ...upTo(root, dirname(dir))]

/**
 * The cores this process may use: the machine's, or fewer under a CPU quota of its cgroup or any
 * above it, which Node's count does not see (cgroup v2's cpu.max, "<quota> <period>"; v1's
 * cpu.cfs_quota_us and cpu.cfs_period_us, -1 for none). A quota of 1.5 cores is one: a second
 * process would be throttled.
 */
export const usableCores = ({
  root = '/sys/fs/cgroup',
  self = '/proc/self/cgroup',
}: { root?: string; self?: string } = {}): number => {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim() : '')
  const quotas: number[] = []
  for (const line of read(self).split('\n')) {
    const [, controllers = '', path = '/'] = /^\d+:([^:]*):(.*)$/.exec(line) ?? []
    if (controllers === '')
      for (const dir of upTo(root, join(root, path))) {
        const [quota = 'max', period = '0'] = read(join(dir, 'cpu.max')).split(/\s+/)
        quotas.push(Number(quota) / Number(period))
      }
    else if (controllers.split(',').includes('cpu'))
      for (const mount of new Set([controllers, 'cpu']))
        for (const dir of upTo(join(root, mount), join(root, mount, path)))
          quotas.push(
            Number(read(join(dir, 'cpu.cfs_quota_us'))) /
              Number(read(join(dir, 'cpu.cfs_period_us')))
          )
  }
  const quota = Math.min(...quotas.filter((q) => Number.isFinite(q) && q > 0))
  const cores = availableParallelism()
  return Number.isFinite(quota) ? Math.max(1, Math.min(cores, Math.floor(quota))) : cores
}

/** What one server process takes, with room to spare: what a memory limit is divided by. */
const PROCESS_MEMORY = 400 * 2 ** 20

/** Server processes by default: one per usable core, at most four, and as many as memory allows. */
const defaultWorkers = (): number => {
  const limit = process.constrainedMemory?.() ?? 0
  // No limit reads as 0 or as the largest number the kernel has.
  const byMemory = limit > 0 && limit < 2 ** 50 ? Math.floor(limit / PROCESS_MEMORY) : Infinity
  return Math.max(1, Math.min(usableCores(), MAX_DEFAULT_WORKERS, byMemory))
}

/** Most workers started by default: each holds the index, so memory grows with them. */
export const MAX_DEFAULT_WORKERS = 4

export type Config = {
  port: number
  host: string
  recordsDir: string
  indexDir: string
  vectorsPath: string
  efSearch: number
  corsOrigins: string[]
  rateLimit: number
  workers: number
  timeoutMs: number
  maxBodyBytes: number
  log: boolean
  logQuestions: boolean
  llm: LlmSettings
}

/**
 * The chat model asked for. A bad setting does not stop the service: it is carried as `invalid`
 * with the reason, reported at start, and answers stay extractive.
 */
export type LlmSettings = { timeoutMs: number } & (
  | { provider: 'off' }
  | { provider: 'invalid'; reason: string }
  | { provider: 'ollama'; model: string; baseUrl: string }
  | { provider: 'openai'; model: string; baseUrl: string | undefined; apiKey: string }
)

const isUrl = (value: string): boolean => URL.canParse(value)

const llmSettingsOf = (c: z.infer<typeof ConfigSchema>): LlmSettings => {
  const timeoutMs = c.RAPPORTEUR_LLM_TIMEOUT_MS
  if (!c.RAPPORTEUR_LLM) return { provider: 'off', timeoutMs }
  const invalid = (reason: string): LlmSettings => ({ provider: 'invalid', reason, timeoutMs })
  const [, provider = '', model = ''] = /^([^:]*):(.*)$/.exec(c.RAPPORTEUR_LLM) ?? []
  if (!model.trim()) {
    return invalid(
      `RAPPORTEUR_LLM must be ollama:<model> or openai:<model>, not "${c.RAPPORTEUR_LLM}"`
    )
  }
  if (provider === 'ollama') {
    if (!isUrl(c.OLLAMA_BASE_URL)) return invalid('OLLAMA_BASE_URL is not a URL')
    return { provider, model: model.trim(), baseUrl: c.OLLAMA_BASE_URL, timeoutMs }
  }
  if (provider === 'openai') {
    if (!c.OPENAI_API_KEY) return invalid('OPENAI_API_KEY is not set (RAPPORTEUR_LLM=openai:…)')
    if (c.OPENAI_BASE_URL !== undefined && !isUrl(c.OPENAI_BASE_URL)) {
      return invalid('OPENAI_BASE_URL is not a URL')
    }
    return {
      provider,
      model: model.trim(),
      baseUrl: c.OPENAI_BASE_URL,
      apiKey: c.OPENAI_API_KEY,
      timeoutMs,
    }
  }
  return invalid(`RAPPORTEUR_LLM names an unknown provider "${provider}" (use ollama or openai)`)
}

/** Thrown when an environment variable is invalid; names the variable. */
export class ConfigError extends Error {}

/** Parses the environment (by default `process.env`); throws ConfigError naming a bad variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = ConfigSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(
      `invalid environment variable ${issue?.path.join('.')}: ${issue?.message}`
    )
  }
  const c = parsed.data
  return {
    port: c.PORT,
    host: c.HOST,
    recordsDir: c.RAPPORTEUR_RECORDS_DIR,
    indexDir: c.RAPPORTEUR_INDEX_DIR,
    vectorsPath: c.RAPPORTEUR_VECTORS,
    efSearch: c.RAPPORTEUR_EF_SEARCH,
    corsOrigins: c.RAPPORTEUR_CORS_ORIGINS,
    rateLimit: c.RAPPORTEUR_RATE_LIMIT,
    workers: c.RAPPORTEUR_WORKERS ?? defaultWorkers(),
    timeoutMs: c.RAPPORTEUR_TIMEOUT_MS,
    maxBodyBytes: c.RAPPORTEUR_MAX_BODY_BYTES,
    log: c.RAPPORTEUR_LOG === 'info',
    logQuestions: c.RAPPORTEUR_LOG_QUESTIONS,
    llm: llmSettingsOf(c),
  }
}
