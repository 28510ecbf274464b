// The official citation of a block, shared with the browser client (no dependencies).

/** What a citation is made of: the record's symbol, the printed number, and the block id for unnumbered blocks. */
export type Citable = { record: string; label: string | null; id: string }

/** "CMW/C/SR.593, para. 17", "A/HRC/59/15, para. 140.1", or the block id for an unnumbered block. */
export const citationFor = ({ record, label, id }: Citable): string =>
  label === null ? `${record}, ${id}` : `${record}, para. ${label}`

/** The citation within its record: "para. 17", "heading-1". */
export const shortCitation = ({ label, id }: Pick<Citable, 'label' | 'id'>): string =>
  label === null ? id : `para. ${label}`
