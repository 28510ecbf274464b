// Runs a CLI entry point: any error becomes one message on stderr and a non-zero exit, never a stack dump.
import cluster from 'node:cluster'
import { ConfigError } from '../config.ts'
import { RapporteurError } from '../errors.ts'

export class UsageError extends Error {}

/** Node's own errors for a bad command line: an unknown flag, a flag without its value. */
const isArgumentError = (error: unknown): boolean =>
  error instanceof Error &&
  typeof (error as NodeJS.ErrnoException).code === 'string' &&
  ((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS_')

/** A failed system call (a missing folder, a permission): its message names the path and reason. */
const isSystemError = (error: unknown): boolean =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string'

/** Runs `main`, or prints `usage` and does nothing else when asked for `--help` or `-h`. */
export const run = (usage: string, main: () => Promise<void>): void => {
  // Output piped into `head` closes early: stop quietly rather than die on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    console.log(usage)
    return
  }
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      const usage = error instanceof UsageError || isArgumentError(error)
      const known =
        usage ||
        error instanceof RapporteurError ||
        error instanceof ConfigError ||
        isSystemError(error)
      console.error(`error: ${message}`)
      // Only what nobody foresaw keeps its stack, for a bug report.
      if (!known && error instanceof Error && error.stack) console.error(error.stack)
      process.exitCode = usage ? 2 : 1
      // A cluster worker's channel to its primary would keep it alive, and the primary waiting.
      if (cluster.isWorker) process.exit()
    })
}

/** Logs progress to stderr, so stdout stays clean for the answer itself. */
export const stderrLog = (message: string): void => {
  console.error(message)
}
