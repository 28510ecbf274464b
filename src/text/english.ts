// Data: facts of English that the record reader needs (past-tense verbs, auxiliaries, months), kept apart from the mechanisms.

/** Irregular past-tense forms: with the regular "-ed" ending, what a reporting verb looks like. */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  `said told asked spoke read drew gave made took put set sought brought thought felt knew saw
  came went began held left met wrote understood hoped found kept meant stood sent spent became
  got heard led paid rose ran won forgot forgave chose bore beheld foresaw withdrew undertook
  overtook reread outlined stuck struck laid lay sat shook showed swore threw upheld withheld`.split(
    /\s+/
  )
)

/** Modals that open a reported statement: "would like to know", "could not accept". */
export const MODALS: ReadonlySet<string> = new Set(
  `would could might should must will shall can may`.split(/\s+/)
)

/**
 * Auxiliaries that open a reported statement ("was concerned that", "had been struck by reports
 * that") as often as a plain statement about someone ("had been released").
 */
export const AUXILIARIES: ReadonlySet<string> = new Set(`had has was were is did`.split(/\s+/))

/** Participles of a reaction, which report what a speaker felt: "had been struck by", "was concerned at". */
export const REACTION_PARTICIPLES: ReadonlySet<string> = new Set(
  `struck surprised pleased concerned interested encouraged disappointed troubled alarmed
  impressed gratified saddened shocked heartened puzzled worried glad happy grateful satisfied
  dismayed astonished perplexed reassured delighted honoured honored sorry unclear curious`.split(
    /\s+/
  )
)

/** Words that open what someone said, asked or felt: "that", "whether", "to know". */
export const COMPLEMENT_MARKERS: ReadonlySet<string> = new Set(
  `that whether if to what how why when where which who whom whose`.split(/\s+/)
)

/** Adverbs that may stand between a speaker and the verb ("Mr. X also asked", "then said"). */
export const LINKING_ADVERBS: ReadonlySet<string> = new Set(
  `also then further again finally subsequently next briefly earlier likewise similarly moreover
  lastly first thereupon accordingly however still`.split(/\s+/)
)

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const

/** "8 April 2025" → "2025-04-08"; null when it is not a real date. */
export const isoDate = (text: string): string | null => {
  const match = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(text.trim())
  if (!match) return null
  const month = MONTHS.indexOf(match[2]?.toLowerCase() as (typeof MONTHS)[number]) + 1
  const day = Number(match[1])
  const year = Number(match[3])
  if (month === 0) return null
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isRealDate(iso) ? iso : null
}

/** Whether a YYYY-MM-DD string names a day that exists. */
export const isRealDate = (iso: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === iso
}

/** Languages a record names as its original or version language. */
export const LANGUAGES: ReadonlySet<string> = new Set(
  `english french spanish russian arabic chinese german portuguese`.split(/\s+/)
)
