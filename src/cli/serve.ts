// `npm start`: builds the index if needed and serves the API on HOST:PORT (localhost by default).
import { serve } from '@hono/node-server'
import { openRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { createApp } from '../server/app.tsx'
import { run, stderrLog } from './run.ts'

run(async () => {
  const config = loadConfig()
  const { index } = await openRapporteur(config, stderrLog)
  const server = serve(
    { fetch: createApp(index).fetch, hostname: config.host, port: config.port },
    (info) => {
      const symbols = index.records.map((r) => r.symbol).join(', ')
      stderrLog(`Rapporteur serving ${symbols} on http://${config.host}:${info.port}`)
    }
  )
  server.on('error', (error) => {
    stderrLog(`error: cannot listen on ${config.host}:${config.port}: ${error.message}`)
    process.exit(1)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Stop accepting connections; in-flight requests finish before the process exits.
    process.once(signal, () => server.close(() => process.exit(0)))
  }
})
