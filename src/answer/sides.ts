// Data: the sides of a dialogue an answer groups its paragraphs by, and their headings, shared by the server's text and the browser.

/** Which side of the dialogue a paragraph speaks for. */
export const SIDES = ['committee', 'delegation', 'other'] as const
export type AnswerSide = (typeof SIDES)[number]

/** Headings of a broad answer's groups, by side. */
export const SIDE_HEADINGS: Record<AnswerSide, string> = {
  committee: 'What the Committee asked or said:',
  delegation: 'What the delegation replied or said:',
  other: 'Others:',
}
