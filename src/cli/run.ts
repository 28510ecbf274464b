// Runs a CLI entry point: any error becomes one message on stderr and a non-zero exit, never a stack dump.
import { ConfigError } from '../config.ts'
import { RapporteurError } from '../errors.ts'

export class UsageError extends Error {}

export const run = (main: () => Promise<void>): void => {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    const known =
      error instanceof RapporteurError ||
      error instanceof ConfigError ||
      error instanceof UsageError
    console.error(`error: ${message}`)
    if (!known && error instanceof Error && error.stack) console.error(error.stack)
    process.exitCode = error instanceof UsageError ? 2 : 1
  })
}

/** Logs progress to stderr, so stdout stays clean for the answer itself. */
export const stderrLog = (message: string): void => {
  console.error(message)
}
