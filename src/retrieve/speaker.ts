// Speaker filters: "Dzumhur", "Ms. Dzumhur", "the Chair", "country rapporteur", "Mexico", "delegation".
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

/** A predicate over blocks for a speaker filter; every word of the filter must match one name. */
export const speakerFilter = (query: string): ((block: Block) => boolean) => {
  const wanted = fold(query)
  return (block) =>
    block.speaker !== null && namesOf(block).some((name) => ` ${name} `.includes(` ${wanted} `))
}
