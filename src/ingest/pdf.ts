// Reads a PDF's text layer with pdf.js (positions, sizes, fonts) and hands it to the layout pass.
import { RecordParseError } from '../errors.ts'
import { layoutPdf } from './pdf-layout.ts'
import type { PdfPage, PdfRun } from './pdf-layout.ts'
import type { ReadOptions, SourceDocument } from './source.ts'

type TextItem = { str: string; transform: number[]; width: number; fontName: string }

/** pdf.js is loaded on first use: most starts read no PDF. */
const loadPdfJs = () => import('pdfjs-dist/legacy/build/pdf.mjs')

const reasonFor = (error: unknown): string => {
  const name = (error as { name?: string } | null)?.name ?? ''
  if (name === 'PasswordException')
    return 'the PDF is encrypted with a password; save an unprotected copy'
  if (name === 'InvalidPDFException' || name === 'FormatError')
    return 'not a readable PDF (corrupt or truncated)'
  return `the PDF cannot be read: ${(error as Error).message}`
}

export const readPdf = async (
  data: Uint8Array,
  file: string,
  options: ReadOptions = {}
): Promise<SourceDocument> => {
  const { getDocument } = await loadPdfJs()
  // pdf.js takes ownership of the buffer it is given.
  const task = getDocument({
    data: new Uint8Array(data),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    throw new RecordParseError(file, reasonFor(error))
  }
  try {
    const pages: PdfPage[] = []
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n)
      const { width, height } = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      // Fonts (and whether they are bold) are known only once the page's operators are read.
      await page.getOperatorList()
      const bold = new Map<string, boolean>()
      const runs: PdfRun[] = []
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string' || !item.transform) continue
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform
        if (!bold.has(item.fontName))
          bold.set(item.fontName, isBold(page.commonObjs, item.fontName))
        runs.push({
          str: item.str,
          x,
          y,
          width: item.width,
          size: Math.hypot(c, d) || Math.hypot(a, b),
          bold: bold.get(item.fontName) ?? false,
        })
      }
      pages.push({ width, height, runs })
      page.cleanup()
    }
    if (pages.every((p) => p.runs.every((r) => !r.str.trim()))) {
      throw new RecordParseError(
        file,
        'the PDF has no text layer (a scanned image?); run it through OCR first'
      )
    }
    return layoutPdf(pages, options)
  } catch (error) {
    if (error instanceof RecordParseError) throw error
    throw new RecordParseError(file, reasonFor(error))
  } finally {
    await document.destroy()
  }
}

const isBold = (
  objects: { has(id: string): boolean; get(id: string): unknown },
  id: string
): boolean => {
  if (!objects.has(id)) return false
  const font = objects.get(id) as { bold?: boolean; black?: boolean; name?: string } | null
  return Boolean(font?.bold || font?.black || /bold|black|heavy|semibold/i.test(font?.name ?? ''))
}
