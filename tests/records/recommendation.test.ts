import { describe, expect, it } from 'vitest'
import type { Block } from '../../src/records/block.ts'
import { isRecommendation } from '../../src/records/recommendation.ts'

const block = (over: Partial<Block>): Block => ({
  id: '115.32',
  record: 'A/HRC/28/15',
  kind: 'paragraph',
  paragraph: 115,
  label: '115.32',
  order: 200,
  text: 'Establish a national human rights institution (Ireland);',
  speaker: 'Ireland',
  role: 'other_state',
  roles: ['other_state'],
  state: 'Ireland',
  turnStart: true,
  ...over,
})

describe('isRecommendation', () => {
  it('reads a numbered item that another State made as a recommendation', () => {
    expect(isRecommendation(block({}))).toBe(true)
  })

  it('does not read a paragraph of the dialogue, the delegation’s item or a heading as one', () => {
    expect(isRecommendation(block({ id: '32', label: '32', paragraph: 32 }))).toBe(false)
    expect(
      isRecommendation(
        block({ role: 'state_delegation', roles: ['state_delegation'], speaker: 'Slovenia' })
      )
    ).toBe(false)
    expect(
      isRecommendation(block({ kind: 'heading', id: 'heading-4', label: null, paragraph: null }))
    ).toBe(false)
  })
})
