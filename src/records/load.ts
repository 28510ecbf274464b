// Reads a records directory: every `<slug>.txt` with its `<slug>.json` sidecar, failures reported by name.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { RecordParseError } from '../errors.ts'
import type { ParsedRecord } from './block.ts'
import { RecordMetaSchema } from './block.ts'
import { parseRecord } from './parse.ts'

/** One source file's identity, for the index manifest. */
export type SourceFile = { file: string; sha256: string }
export type RecordFailure = { file: string; reason: string }
export type LoadedRecords = {
  records: ParsedRecord[]
  sources: SourceFile[]
  failures: RecordFailure[]
}

export const sha256 = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex')

/** Lists the files that define the records in `dir` and their hashes, without parsing them. */
export const listSources = async (dir: string): Promise<SourceFile[]> => {
  const names = (await readdir(dir)).filter((n) => /\.(txt|json)$/.test(n)).sort()
  return Promise.all(
    names.map(async (file) => ({ file, sha256: sha256(await readFile(join(dir, file))) }))
  )
}

/** Parses every record in `dir`. A bad file is reported in `failures` and never stops the others. */
export const loadRecords = async (dir: string): Promise<LoadedRecords> => {
  const sources = await listSources(dir)
  const records: ParsedRecord[] = []
  const failures: RecordFailure[] = []
  const symbols = new Set<string>()
  for (const { file } of sources.filter((s) => s.file.endsWith('.txt'))) {
    try {
      const record = await parseFile(dir, file)
      if (symbols.has(record.meta.symbol)) {
        throw new RecordParseError(file, `duplicate symbol ${record.meta.symbol}`)
      }
      symbols.add(record.meta.symbol)
      records.push(record)
    } catch (error) {
      if (!(error instanceof RecordParseError)) throw error
      failures.push({ file: error.file, reason: error.reason })
    }
  }
  return { records, sources, failures }
}

const parseFile = async (dir: string, file: string): Promise<ParsedRecord> => {
  const sidecar = `${basename(file, '.txt')}.json`
  let json: unknown
  try {
    json = JSON.parse(await readFile(join(dir, sidecar), 'utf8'))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'is not JSON'
    throw new RecordParseError(file, `metadata sidecar ${sidecar} ${reason}`)
  }
  const meta = RecordMetaSchema.safeParse(json)
  if (!meta.success) {
    const issue = meta.error.issues[0]
    throw new RecordParseError(
      file,
      `metadata sidecar ${sidecar}: ${issue?.path.join('.') || 'root'} ${issue?.message ?? ''}`.trim()
    )
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await readFile(join(dir, file)))
  return parseRecord(text, meta.data, file)
}
