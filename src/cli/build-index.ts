// `npm run index`: (re)builds the index from the records and prints what it built.
import { rebuildRapporteur } from '../compose.ts'
import { loadConfig } from '../config.ts'
import { run, stderrLog } from './run.ts'

run(async () => {
  const config = loadConfig()
  const index = await rebuildRapporteur(config, stderrLog)
  const { manifest } = index
  console.log(`Built index ${manifest.id} in ${manifest.buildMs} ms → ${config.indexDir}`)
  for (const r of index.records) {
    console.log(
      `  ${r.symbol}: ${r.paragraphs} numbered paragraphs, ${r.blocks} blocks (${r.meeting}, ${r.date})`
    )
  }
  console.log(
    `  embedder: ${manifest.embedder.name} (${manifest.embedder.dims} dims, ${JSON.stringify(manifest.embedder.settings)})`
  )
  console.log(
    `  dense: hnswlib ${manifest.hnsw.space}, M ${manifest.hnsw.m}, efConstruction ${manifest.hnsw.efConstruction}, efSearch ${manifest.hnsw.efSearch}; lexical: ${manifest.lexical.library} ${manifest.lexical.scoring}`
  )
  for (const f of manifest.failures) console.log(`  skipped ${f.file}: ${f.reason}`)
  if (manifest.failures.length > 0 && index.records.length === 0) process.exitCode = 1
})
