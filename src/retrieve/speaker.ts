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

/** What a block's speaker answers to: name, roles, State, and "delegation" for State delegations. */
const namesOf = (block: Block): string[] => [
  fold(block.speaker ?? ''),
  fold(block.state ?? ''),
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
    const key = `${block.speaker}|${block.roles.join(',')}|${block.state ?? ''}`
    let verdict = verdicts.get(key)
    if (verdict === undefined) {
      verdict = namesOf(block).some((name) => ` ${name} `.includes(wanted))
      verdicts.set(key, verdict)
    }
    return verdict
  }
}
