// Timing helpers for the benchmark: repeated runs reduced to medians, and latency percentiles.
import { percentile } from '../evals/metrics.ts'

export const median = (values: number[]): number => percentile(values, 50)

/** Milliseconds one call of `fn` takes. */
export const time = async (fn: () => unknown): Promise<number> => {
  const started = performance.now()
  await fn()
  return performance.now() - started
}

/** Runs `fn` `runs` times and returns every duration in ms. */
export const times = async (runs: number, fn: (i: number) => unknown): Promise<number[]> => {
  const durations: number[] = []
  for (let i = 0; i < runs; i++) durations.push(await time(() => fn(i)))
  return durations
}

export type Latency = { p50: number; p95: number; p99: number }

export const latency = (values: number[]): Latency => ({
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  p99: round(percentile(values, 99)),
})

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits
