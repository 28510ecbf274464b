// The official citation of a block, shared with the browser client (no dependencies).

/** What a citation is made of: the record's symbol, the printed number, and the block id for unnumbered blocks. */
export type Citable = { record: string; label: string | null; id: string }

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): in a symbol or a citation they
 * reverse what is shown ("XSS/C/SR.13 .arap ,live") and travel with a copied citation.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/** The text without bidirectional controls. */
export const withoutBidi = (text: string): string => text.replace(BIDI_CONTROLS, '')

/** "CMW/C/SR.593, para. 17", "A/HRC/59/15, para. 140.1", or the block id for an unnumbered block. */
export const citationFor = ({ record, label, id }: Citable): string =>
  withoutBidi(label === null ? `${record}, ${id}` : `${record}, para. ${label}`)

/** The citation within its record: "para. 17", "heading-1". */
export const shortCitation = ({ label, id }: Pick<Citable, 'label' | 'id'>): string =>
  withoutBidi(label === null ? id : `para. ${label}`)
