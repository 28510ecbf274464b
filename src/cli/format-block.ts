// Plain-text rendering of one block for the terminal: citation, speaker, text, neighbours.
import { speakerLabel } from '../answer/format.ts'
import type { SearchIndex } from '../index/search-index.ts'
import { neighboursOf } from '../index/search-index.ts'
import type { Block } from '../records/block.ts'
import { citationFor } from '../records/block.ts'

export const formatBlock = (index: SearchIndex, block: Block): string => {
  const { previous, next } = neighboursOf(index, block)
  return [
    citationFor(block),
    `Speaker: ${speakerLabel(block)}`,
    '',
    block.text,
    '',
    `Previous: ${previous?.id ?? '(none)'} · Next: ${next?.id ?? '(none)'}`,
  ].join('\n')
}
