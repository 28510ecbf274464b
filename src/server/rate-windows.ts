// Fixed one-minute windows of requests per client: counted in this process, or in a cluster's primary for all its workers.
export type RateWindow = { start: number; count: number }

/** Counts a client's request at `time` and gives its window as it stands after it. */
export type RateWindows = { hit(key: string, time: number): RateWindow | Promise<RateWindow> }

export const WINDOW_MS = 60_000

/** Clients tracked before the windows of those gone quiet are dropped. */
const MAX_CLIENTS = 10_000

/** Windows kept in this process's memory; quiet clients' windows are dropped, so the table stays bounded. */
export const localWindows = (): { hit(key: string, time: number): RateWindow } => {
  const windows = new Map<string, RateWindow>()
  return {
    hit(key, time) {
      let window = windows.get(key)
      if (!window || time - window.start >= WINDOW_MS) {
        if (windows.size > MAX_CLIENTS)
          for (const [k, w] of windows) if (time - w.start >= WINDOW_MS) windows.delete(k)
        window = { start: time, count: 0 }
        windows.set(key, window)
      }
      window.count++
      return { ...window }
    },
  }
}
