// `npm run index`: (re)builds the index from the records and prints what it built.
import { logReading, rebuildRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { recordSummary } from './format-record.ts'
import { run, stderrLog } from './run.ts'

const USAGE = 'usage: npm run index'

run(USAGE, async () => {
  const config = loadConfig()
  const index = await rebuildRapporteur(config, stderrLog)
  const { manifest } = index
  console.log(`Built index ${manifest.id} in ${manifest.buildMs} ms → ${config.indexDir}`)
  for (const r of index.records) console.log(`  ${recordSummary(r)}`)
  console.log(
    `  embedder: ${manifest.embedder.name} (${manifest.embedder.dims} dims, ${JSON.stringify(manifest.embedder.settings)})`
  )
  console.log(
    `  dense: hnswlib ${manifest.hnsw.space}, M ${manifest.hnsw.m}, efConstruction ${manifest.hnsw.efConstruction}, efSearch ${manifest.hnsw.efSearch}; lexical: ${manifest.lexical.library} ${manifest.lexical.scoring}`
  )
  logReading(index, (line) => console.log(`  ${line}`))
  if (manifest.failures.length > 0 && index.records.length === 0) process.exitCode = 1
})
