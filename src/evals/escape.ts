// Escaping for text placed in SVG/XML and in Markdown tables.

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Keeps a cell on one line and stops pipes from ending it. */
export const escapeCell = (text: string): string =>
  text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
