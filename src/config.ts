// Configuration: parsed once from environment variables, with defaults that work offline.
import { dirname, resolve } from 'node:path'
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
})

export type Config = {
  port: number
  host: string
  recordsDir: string
  indexDir: string
  vectorsPath: string
  efSearch: number
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
  }
}
