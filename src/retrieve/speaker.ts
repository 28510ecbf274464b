// Speaker filters: "Dzumhur", "Ms. Dzumhur", "the Chair", "country rapporteur", "Mexico", "delegation".
import { cachePerOwner } from '../bounded-cache.ts'
import type { Block } from '../records/block.ts'
import { ROLE_LABELS } from '../records/block.ts'

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\b(?:mr|ms|mrs|miss|dr|the|an?)\b\.?/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** What a block's speaker answers to: name, roles, and "delegation" for State delegations. */
const namesOf = (block: Block): string[] => [
  fold(block.speaker ?? ''),
  ...block.roles.flatMap((r) => [fold(ROLE_LABELS[r]), fold(r)]),
  ...(block.roles.includes('state_delegation') ? ['delegation'] : []),
]

/**
 * A predicate over blocks for a speaker filter; every word of the filter must match one name.
 * Verdicts are kept per speaker and roles, so filtering a large corpus folds each speaker once.
 */
export const speakerFilter = (query: string): ((block: Block) => boolean) => {
  const wanted = ` ${fold(query)} `
  const verdicts = new Map<string, boolean>()
  return (block) => {
    if (block.speaker === null) return false
    const key = `${block.speaker}|${block.roles.join(',')}`
    let verdict = verdicts.get(key)
    if (verdict === undefined) {
      verdict = namesOf(block).some((name) => ` ${name} `.includes(wanted))
      verdicts.set(key, verdict)
    }
    return verdict
  }
}

// Blocks grouped by who speaks in what roles: a few hundred groups however many blocks there are.
const groupsOf = cachePerOwner<readonly Block[], 'groups', Block[][]>(1)

const speakerGroups = (blocks: readonly Block[]): Block[][] =>
  groupsOf(blocks).get('groups', () => {
    const groups = new Map<string, Block[]>()
    for (const block of blocks) {
      if (block.speaker === null) continue
      const key = `${block.speaker}|${block.roles.join(',')}`
      const group = groups.get(key)
      if (group) group.push(block)
      else groups.set(key, [block])
    }
    return [...groups.values()]
  })

// The blocks a filter admits, kept per corpus for the filters asked lately.
const admitted = cachePerOwner<readonly Block[], string, ReadonlySet<Block>>(256)

/**
 * The set of blocks a speaker filter admits in `blocks`, worked out once per group of blocks with
 * the same speaker and roles, and kept for the next question that names the same speaker.
 */
export const speakerBlocks = (blocks: readonly Block[], query: string): ReadonlySet<Block> =>
  admitted(blocks).get(query, () => {
    const matches = speakerFilter(query)
    return new Set(
      speakerGroups(blocks).flatMap((group) => (matches(group[0] as Block) ? group : []))
    )
  })
