// Reads the PDFs named on the command line once and prints the time taken and the process's peak memory; `--baseline` has pdf.js alone read them.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { readSource } from '../ingest/read-source.ts'
import { parseDocument } from '../records/parse.ts'

const files = process.argv.slice(2).filter((f) => f !== '--baseline')
const baseline = process.argv.includes('--baseline')

/** What pdf.js does for the reader, and nothing more: every page's text and operators. */
const pdfJsAlone = async (data: Uint8Array): Promise<number> => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const document = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n)
    await page.getTextContent()
    await page.getOperatorList()
    page.cleanup()
  }
  await document.destroy()
  return 0
}

const started = performance.now()
let paragraphs = 0
for (const file of files) {
  const data = new Uint8Array(await readFile(file))
  if (baseline) await pdfJsAlone(data)
  else {
    const name = basename(file)
    const record = parseDocument(await readSource(data, name), {
      file: name,
      override: { symbol: name },
    })
    paragraphs += record.blocks.filter((b) => b.kind === 'paragraph').length
  }
}
console.log(
  JSON.stringify({
    ms: performance.now() - started,
    paragraphs,
    peakMB: process.resourceUsage().maxRSS / 1024,
  })
)
