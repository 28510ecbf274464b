// Speaker attribution: who opens a turn, and in which role, from the paragraph's first words.
import type { RecordMeta, Role } from './block.ts'

/** Who a paragraph is attributed to. `speaker` is null for narration. */
export type Attribution = { speaker: string | null; roles: Role[] }

const NAME = String.raw`(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame)\.?\s+(?:[\p{Lu}][\p{L}'’-]*\s+)*?[\p{Lu}][\p{L}'’-]*`
const SPEAKER = String.raw`(?<speaker>The\s+(?:Acting\s+)?(?:Vice-)?Chair(?:person)?|${NAME}|(?:An?|The)\s+representative\s+of\s+(?<state>[^,]+?)|The\s+delegation\s+of\s+(?<delegation>[^,]+?))`
const VERB = String.raw`(?:said|asked|noted|added|stressed|wondered|observed|emphasized|recalled|welcomed|requested|enquired|inquired|expressed|pointed\s+out|explained|replied|responded|thanked|agreed|suggested|proposed|reiterated|invited|announced|concluded|declared|commended|highlighted|underlined|took\s+note|wished|would)`
// "Mr. Taghi-Zada, noting that …, said that": an optional aside between commas before the verb.
const ATTRIBUTION = new RegExp(
  String.raw`^${SPEAKER}(?:\s+\((?<title>[^)]+)\))?(?:,\s.*?,)?\s+${VERB}\b`,
  'u'
)

// Narration that ends any running turn: the delegation joining, a member withdrawing.
const NARRATION =
  /^(?:At the invitation of|In accordance with rule|The delegation of .+ (?:joined|withdrew|left)|.{0,80}\bwithdrew\b)/u

/** The attribution a paragraph opens with, "narration" for a non-speech paragraph, or null for a continuation. */
export const attributionOf = (text: string, meta: RecordMeta): Attribution | 'narration' | null => {
  const match = ATTRIBUTION.exec(text)
  if (!match?.groups) return NARRATION.test(text) ? 'narration' : null
  const { speaker = '', title = '', state, delegation } = match.groups
  if (state !== undefined || delegation !== undefined) {
    return { speaker: `A representative of ${state ?? delegation}`, roles: ['state_delegation'] }
  }
  const rapporteurs = new Set(meta.countryRapporteurs.map(canonicalName))
  const isRapporteurTitle = /country\s+rapporteur/i.test(title)
  if (/chair/i.test(speaker)) {
    const chairIsRapporteur = isRapporteurTitle || rapporteurs.has(canonicalName(meta.chair))
    return {
      speaker: /vice|acting/i.test(speaker) ? speaker.replace(/^The\s+/, '') : meta.chair,
      roles: chairIsRapporteur
        ? ['chair', 'country_rapporteur', 'committee_member']
        : ['chair', 'committee_member'],
    }
  }
  const name = speaker.replace(/\s+/g, ' ')
  return {
    speaker: name,
    roles:
      isRapporteurTitle || rapporteurs.has(canonicalName(name))
        ? ['country_rapporteur', 'committee_member']
        : ['committee_member'],
  }
}

/** "Ms. Diallo" and "Ms Diallo" are the same person. */
export const canonicalName = (name: string): string =>
  name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim()
