// The shape every file reader produces: a document's text blocks in reading order, with the layout hints the record parser uses.

export const SOURCE_FORMATS = ['pdf', 'docx', 'html', 'text', 'markdown'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/** One block of text as the document lays it out: a paragraph, a heading, a masthead line. */
export type SourceBlock = {
  /** The block's text with its lines joined (wrapped lines re-joined, split words undone). */
  text: string
  /** Its printed lines, for mastheads whose fields are lines of one block. */
  lines: string[]
  /**
   * A number the document generates rather than prints (Word's automatic numbering, an HTML
   * ordered list), as the document shows it: "12.", "(a)". Null when there is none; a bullet is "•".
   */
  label: string | null
  /** Typography marks it as a heading: a heading style, bold throughout, or a larger type. */
  heading: boolean
  /** Set off from the text margin (a tab in plain text, an indent in a PDF). */
  indented: boolean
  /** The page it starts on, where the format has pages. */
  page: number | null
}

/** What a reader made of a file. */
export type SourceDocument = {
  format: SourceFormat
  blocks: SourceBlock[]
  /** Running heads and footers that were taken out of the text (page furniture), for the masthead. */
  furniture: string[]
  /** Footnotes taken out of the text. */
  footnotes: string[]
  /** What the reader noticed and the user should know ("page 3 is set in two columns"). */
  warnings: string[]
}

/** Options every reader accepts. */
export type ReadOptions = {
  /**
   * Whether a word exists, for undoing a line-end hyphen: "inter-" + "national" is joined when
   * "international" is a word. Without it only the document's own words decide.
   */
  isWord?: (word: string) => boolean
}

export const sourceBlock = (
  text: string,
  options: Partial<Omit<SourceBlock, 'text'>> = {}
): SourceBlock => ({
  text,
  lines: options.lines ?? [text],
  label: options.label ?? null,
  heading: options.heading ?? false,
  indented: options.indented ?? false,
  page: options.page ?? null,
})
