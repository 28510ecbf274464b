// Which blocks are a report's recommendations: the numbered items of its list, each made by the States it names.
import type { Block } from './block.ts'

/**
 * Whether a block is a recommendation: an item of a numbered list ("115.32") that the States at
 * its end made, as a report's conclusions set them out.
 */
export const isRecommendation = (block: Block): boolean =>
  block.kind === 'paragraph' &&
  /^\d+\.\d+$/.test(block.label ?? '') &&
  block.roles.includes('other_state')
