// Reads any supported record file into a SourceDocument, choosing the reader by the file's extension.
import { extname } from 'node:path'
import { RecordParseError } from '../errors.ts'
import { readDocx } from './docx.ts'
import { readHtml } from './html.ts'
import { readPdf } from './pdf.ts'
import type { ReadOptions, SourceDocument } from './source.ts'
import { readText } from './text.ts'

/** The extensions a record may have, and what each is read as. */
export const RECORD_EXTENSIONS = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.md': 'markdown',
} as const

export const isRecordFile = (file: string): boolean =>
  extname(file).toLowerCase() in RECORD_EXTENSIONS

/** Reads `data` (the contents of `file`); throws RecordParseError naming the file and the reason. */
export const readSource = async (
  data: Uint8Array,
  file: string,
  options: ReadOptions = {}
): Promise<SourceDocument> => {
  const extension = extname(file).toLowerCase()
  if (data.length === 0) throw new RecordParseError(file, 'the file is empty')
  switch (RECORD_EXTENSIONS[extension as keyof typeof RECORD_EXTENSIONS]) {
    case 'pdf':
      return readPdf(data, file, options)
    case 'docx':
      return readDocx(data, file)
    case 'html':
      return readHtml(data, file)
    case 'text':
      return readText(data, file, options)
    case 'markdown':
      return readText(data, file, options, true)
    default:
      throw new RecordParseError(
        file,
        `not a record format Rapporteur reads (${extension || 'no extension'}; it reads ${Object.keys(RECORD_EXTENSIONS).join(', ')})`
      )
  }
}
