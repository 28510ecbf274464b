// Data: what a question in Spanish is made of (function words, question patterns), for reading questions in the UN's working languages.

export const SPANISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a al algo algunos ante antes aquí así aun aunque cada como con contra cual cuales cuando cuanto
  cuantos cuántos cuánto cómo cuál cuáles cuándo de del desde donde dónde durante e el él ella ellas
  ellos en entre era eran es esa esas ese eso esos esta estaba estaban estas este esto estos fue
  fueron ha habían había han hasta hay la las le les lo los más me mi mientras muy nada ni no nos o
  otra otras otro otros para pero poco por porque que qué quien quienes quién se sea según ser si sí
  sin sobre son su sus también tan tanto te tiene tienen todo todos tras tu un una uno unos y ya
  dijo dijeron dice preguntó preguntaron respondió respondieron contestó sobre acerca hizo hicieron
  cuál respecto cuáles explicó explicaron señaló señalaron indicó indicaron informó informaron
  mencionó mencionaron afirmó declaró planteó plantearon después mediante hacia bajo`.split(/\s+/)
)

/** Spanish question patterns, by what they ask for. */
export const SPANISH_QUESTIONS = {
  number: /^\s*¿?\s*(?:cuántos|cuántas|cuánto|cuánta|qué\s+(?:número|porcentaje|cantidad))\b/iu,
  counting: /^\s*¿?\s*(?:cuántos|cuántas)\s/iu,
  time: /^\s*¿?\s*(?:cuándo|en\s+qué\s+(?:año|fecha))\b/iu,
  person: /^\s*¿?\s*(?:quién|quiénes|qué\s+(?:miembros?|estados?|países?|delegaciones?))\b/iu,
  reply: /\b(?:respond\p{L}*|contest\p{L}*|respuesta)\b/iu,
  recommendation: /(?<!\p{L})recomend\p{L}*/iu,
  /** As in English: a verb of saying with what about, "which countries", a summary. */
  broad:
    /\b(?:dijo|dijeron|preguntó|preguntaron|planteó|plantearon|mencionó|mencionaron|explicó|explicaron|recomendó|recomendaron|señaló|señalaron|informó|informaron|comentó|comentaron)\b.*\b(?:sobre|acerca|respecto|relación)\b|^\s*¿?\s*(?:resuma|resumen|qué\s+(?:países|estados|delegaciones|recomendaciones|cuestiones|temas|preguntas|preocupaciones))(?!\p{L})/iu,
} as const

/** Words for the Committee's side of a dialogue, and for the State's. */
export const SPANISH_SIDES = {
  committee: /(?<!\p{L})(?:comité|miembros?|relator\p{L}*|expert\p{L}*|president\p{L}*)(?!\p{L})/iu,
  delegation:
    /(?<!\p{L})(?:delegaci\p{L}*|delegad\p{L}*|gobierno|estado\s+parte|autoridades)(?!\p{L})/iu,
} as const

/**
 * Spanish endings and the English endings they correspond to in shared Latin words
 * ("delegación" → "delegation", "comunidad" → "community"), tried before a looser prefix match.
 */
export const SPANISH_ENDINGS: readonly (readonly [string, string])[] = [
  ['ciones', 'tions'],
  ['cion', 'tion'],
  ['siones', 'sions'],
  ['sion', 'sion'],
  ['dades', 'ties'],
  ['dad', 'ty'],
  ['ias', 'ies'],
  ['ia', 'y'],
  ['osos', 'ous'],
  ['oso', 'ous'],
  ['icos', 'ic'],
  ['ico', 'ic'],
  ['mente', 'ly'],
  ['ales', 'al'],
  ['es', 's'],
  ['os', 's'],
  ['as', 's'],
  ['o', ''],
  ['a', ''],
  ['e', ''],
]

/** A Spanish word's "e" before "s" and a consonant, which English lacks: "Eslovenia", "estrategia". */
export const SPANISH_PROTHESIS = /^e(?=s[^aeiouáéíóú])/u

/** "… recomendó a Eslovenia": the preposition before whom something is said to. */
export const SPANISH_ADDRESSEE = /(?<!\p{L})a\s*$/iu

/** "… sobre su cooperación con Croacia": the prepositions before what a question is about. */
export const SPANISH_ABOUT =
  /(?<!\p{L})(?:sobre|con|de|del|en|entre|para|por|contra|hacia|desde|acerca\s+de|respecto\s+(?:a|de))(?:\s+(?:la|el|los|las))?\s*$/iu
