// An excerpt: a verbatim span of a block, with where it stands and who said it.
import type { Block } from '../records/block.ts'
import type { Excerpt } from './schema.ts'

/** The excerpt of `block` at [start, end): its text is the block's own, sliced there. */
export const excerptOf = (block: Block, start: number, end: number, score: number): Excerpt => ({
  text: block.text.slice(start, end),
  record: block.record,
  paragraph: block.paragraph,
  label: block.label,
  block: block.id,
  speaker: block.speaker,
  role: block.role,
  start,
  end,
  score: Math.round(score * 1000) / 1000,
})
