// Reads a records directory: every file is a record (PDF, Word, HTML, text), its sidecar, or reported by name with the reason it is not read.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { RecordParseError } from '../errors.ts'
import { isRecordFile, readSource } from '../ingest/read-source.ts'
import type { ReadOptions } from '../ingest/source.ts'
import type { Masthead, ParsedRecord } from './block.ts'
import { parseDocument } from './parse.ts'
import { parseSidecar } from './sidecar.ts'

/** One source file's identity, for the index manifest. */
export type SourceFile = { file: string; sha256: string }
export type RecordFailure = { file: string; reason: string }
export type LoadedRecords = {
  records: ParsedRecord[]
  sources: SourceFile[]
  failures: RecordFailure[]
}

export type LoadOptions = ReadOptions & {
  /** The file each symbol was read from in the build being replaced: on a duplicate symbol, that file keeps it. */
  indexed?: ReadonlyMap<string, string>
}

export const sha256 = (data: string | Buffer | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

/** Lists every file in `dir` with its hash, without parsing: any change to the directory makes an index stale. */
export const listSources = async (dir: string): Promise<SourceFile[]> => {
  const entries = await readdir(dir, { withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort()
  return Promise.all(
    files.map(async (file) => ({ file, sha256: sha256(await readFile(join(dir, file))) }))
  )
}

const sidecarName = (file: string): string => `${basename(file, extname(file))}.json`

/** Why a file that is neither a record nor a record's sidecar is not read. */
const notRead = (file: string, records: ReadonlySet<string>): string | null => {
  if (file.startsWith('.')) return 'a hidden file, not a record'
  if (isRecordFile(file)) return null
  if (extname(file).toLowerCase() === '.json') {
    const base = basename(file, '.json')
    const owner = [...records].some((r) => basename(r, extname(r)) === base)
    return owner
      ? null
      : `a sidecar with no record beside it (expected ${base}.pdf, .docx, .html, .txt or .md)`
  }
  return `not a record format Rapporteur reads (${extname(file) || 'no extension'}; it reads .pdf, .docx, .html, .htm, .txt and .md)`
}

/**
 * Reads every record in `dir`. Every file ends up a record, a record's sidecar, or a failure with
 * its reason; a bad file never stops the others. Two files claiming one symbol are both reported,
 * and neither replaces the record already indexed: the file indexed before keeps it, and when
 * neither was, neither is indexed.
 */
export const loadRecords = async (
  dir: string,
  options: LoadOptions = {}
): Promise<LoadedRecords> => {
  const entries = await readdir(dir, { withFileTypes: true })
  const failures: RecordFailure[] = entries
    .filter((e) => !e.isFile())
    .map((e) => ({
      file: e.name,
      reason: 'a folder: records are read from the top of the records directory only',
    }))
  const sources = await listSources(dir)
  const recordFiles = new Set(
    sources.map((s) => s.file).filter((f) => !f.startsWith('.') && isRecordFile(f))
  )
  const parsed: ParsedRecord[] = []
  for (const { file } of sources) {
    const reason = notRead(file, recordFiles)
    if (reason) failures.push({ file, reason })
    if (!recordFiles.has(file)) continue
    try {
      parsed.push(await loadRecord(dir, file, options))
    } catch (error) {
      if (!(error instanceof RecordParseError)) throw error
      failures.push({ file: error.file, reason: error.reason })
    }
  }
  const bySymbol = new Map<string, ParsedRecord[]>()
  for (const r of parsed) bySymbol.set(r.meta.symbol, [...(bySymbol.get(r.meta.symbol) ?? []), r])
  const records: ParsedRecord[] = []
  for (const [symbol, claimants] of bySymbol) {
    if (claimants.length === 1) {
      records.push(...claimants)
      continue
    }
    const keeper = claimants.find((r) => options.indexed?.get(symbol) === r.file)
    if (keeper) records.push(keeper)
    for (const r of claimants) {
      if (r === keeper) continue
      const others = claimants
        .filter((o) => o !== r)
        .map((o) => o.file)
        .join(', ')
      failures.push({
        file: r.file,
        reason: keeper
          ? `duplicate symbol ${symbol}, also claimed by ${others}; ${keeper.file} was indexed before and keeps it`
          : `duplicate symbol ${symbol}, also claimed by ${others}; neither is indexed until one is removed or its sidecar gives another symbol`,
      })
    }
  }
  records.sort((a, b) => a.file.localeCompare(b.file))
  failures.sort((a, b) => a.file.localeCompare(b.file))
  return { records, sources, failures }
}

const loadRecord = async (
  dir: string,
  file: string,
  options: ReadOptions
): Promise<ParsedRecord> => {
  const override = await readOverride(dir, file)
  const document = await readSource(new Uint8Array(await readFile(join(dir, file))), file, options)
  return parseDocument(document, { file, override })
}

/** The masthead fields the record's sidecar sets, if it has one; every problem with it at once. */
const readOverride = async (dir: string, file: string): Promise<Partial<Masthead>> => {
  const sidecar = sidecarName(file)
  let text: string
  try {
    text = await readFile(join(dir, sidecar), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new RecordParseError(
      file,
      `its sidecar ${sidecar} cannot be read: ${(error as Error).message}`
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new RecordParseError(
      file,
      `its sidecar ${sidecar} is not JSON (${(error as Error).message})`
    )
  }
  const result = parseSidecar(json)
  if (!result.ok)
    throw new RecordParseError(file, `its sidecar ${sidecar}: ${result.problems.join('; ')}`)
  return result.fields
}
