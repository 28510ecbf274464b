// Data: what a question in French is made of (function words, question patterns), for reading questions in the UN's working languages.

export const FRENCH_STOPWORDS: ReadonlySet<string> = new Set(
  `a à au aux avec ce ces cet cette comment combien dans de des du elle elles en entre est et été
  était étaient eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne ni nos notre
  nous on ont ou où par pas pour quand que quel quelle quelles quels qui quoi sa sans se ses si son
  sont sur ta te tes toi ton tous tout toute toutes tu un une vos votre vous y a-t-il qu'est-ce
  dit dite ont-ils a-t-elle a-t-il demandé répondu répondit déclaré propos concernant sujet l d qu
  posé posée posées posés quelles questions contre après d'après avant depuis pendant selon chez
  vers parmi sous lors fait expliqué indiqué souligné`.split(/\s+/)
)

/** French question patterns, by what they ask for. */
export const FRENCH_QUESTIONS = {
  number: /^\s*(?:combien|quel\s+(?:nombre|pourcentage)|quelle\s+(?:proportion|part))\b/iu,
  counting: /^\s*combien\s+(?:de\s|d['’])/iu,
  time: /^\s*(?:quand|en\s+quelle\s+année|à\s+quelle\s+date)\b/iu,
  person: /^\s*(?:qui|quels?\s+(?:membres?|états?|pays|délégations?))\b/iu,
  reply: /\b(?:répond\p{L}*|réponse)\b/iu,
  recommendation: /(?<!\p{L})recommand\p{L}*/iu,
  /** As in English: a verb of saying with what about, "which countries", a summary. */
  broad:
    /\b(?:dit|déclaré|demandé|soulevé|posé\p{L}*|expliqué|recommandé|indiqué|souligné|mentionné|évoqué)(?!\p{L}).*\b(?:à\s+propos|au\s+sujet|sur|concernant)\b|^\s*(?:résumez|résumer|quelles\s+(?:questions|recommandations|préoccupations)|quels\s+(?:pays|états|membres|délégations))(?!\p{L})/iu,
} as const

/** Words for the Committee's side of a dialogue, and for the State's. */
export const FRENCH_SIDES = {
  committee: /(?<!\p{L})(?:comité|membres?|rapporteu\p{L}*|expert\p{L}*|présiden\p{L}*)(?!\p{L})/iu,
  delegation:
    /(?<!\p{L})(?:délégation\p{L}*|délégu\p{L}*|gouvernement|état\s+partie|autorités)(?!\p{L})/iu,
} as const

/** French endings and the English endings they correspond to in shared Latin words ("communauté" → "community"). */
export const FRENCH_ENDINGS: readonly (readonly [string, string])[] = [
  ['ites', 'ities'],
  ['ite', 'ity'],
  ['iques', 'ics'],
  ['ique', 'ic'],
  ['eux', 'ous'],
  ['euse', 'ous'],
  ['aires', 'ary'],
  ['aire', 'ary'],
  ['ees', 'ees'],
  ['es', 's'],
  ['e', ''],
]

/** Elided articles and pronouns at the start of a French word: "d’intégration", "l’enfant", "qu’a". */
export const FRENCH_ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]/iu

/** "… a recommandé à la Slovénie": the preposition before whom something is said to. */
export const FRENCH_ADDRESSEE = /(?<!\p{L})(?:à|aux?)(?:\s+(?:la|le|l['’]|les))?\s*$/iu

/** "… sur sa coopération avec la Croatie": the prepositions before what a question is about. */
export const FRENCH_ABOUT =
  /(?<!\p{L})(?:sur|avec|de|du|des|d['’]|en|entre|pour|par|contre|vers|envers|concernant)(?:\s+(?:la|le|l['’]|les))?\s*$/iu
