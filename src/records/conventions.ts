// Data: how UN summary records and reports are printed (titles, honorifics, masthead labels, page furniture), apart from the mechanisms that read them.

/** Honorifics that open a person's name in an attribution ("Mr. SHAHI", "Ms Diallo", "Dr. Ruiz"). */
export const HONORIFICS = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mme',
  'Mlle',
  'Dr',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Professor',
  'Prof',
  'Judge',
  'Justice',
  'Ambassador',
  'Archbishop',
  'Bishop',
  'Monsignor',
  'Msgr',
  'Father',
  'Sister',
  'Sheikh',
  'Sheikha',
  'Senator',
  'Minister',
] as const

/** Of the honorifics, those that are no ordinary word ("Justice", "Minister" are): always a title. */
export const ABBREVIATED_HONORIFICS: readonly (typeof HONORIFICS)[number][] = [
  'Mr',
  'Mrs',
  'Ms',
  'Mme',
  'Mlle',
  'Dr',
  'Prof',
  'Msgr',
]

/** The honorifics as a question's lower-case words: who, never what about. */
export const HONORIFIC_WORDS: ReadonlySet<string> = new Set(HONORIFICS.map((h) => h.toLowerCase()))

/** The abbreviated ones, likewise. */
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(
  ABBREVIATED_HONORIFICS.map((h) => h.toLowerCase())
)

/** Lower-case particles inside a name ("Mr. de Frouville", "Mr. van BOVEN", "Ms. Abdel Moneim bin Ali"). */
export const NAME_PARTICLES = [
  'de',
  'da',
  'das',
  'del',
  'della',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'van',
  'von',
  'den',
  'ter',
  'le',
  'la',
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'abu',
  'y',
  'e',
] as const

/** Words that make "The …" a presiding officer: "The Chair", "The CHAIRMAN", "The Temporary Chairperson". */
export const CHAIR_WORDS = ['Chair', 'Chairman', 'Chairperson', 'Chairwoman', 'President'] as const
export const CHAIR_QUALIFIERS = ['Acting', 'Temporary', 'Interim', 'Vice-', 'Vice'] as const

/** A title in parentheses that makes a member a country rapporteur. */
export const COUNTRY_RAPPORTEUR_TITLE =
  /\b(?:country\s+rapporteur|alternate\s+(?:country\s+)?rapporteur|country\s+task\s+force|task\s+force|co-rapporteur)\b/i

/** The Committee's own officers: members who hold a title but are not country rapporteurs. */
export const COMMITTEE_OFFICER_TITLE =
  /^(?:rapporteur|vice-?\s?chair(?:man|person|woman)?|vice-?\s?president|chair(?:man|person|woman)?|member|rapporteur\s+(?:on|for)\b.*|special\s+rapporteur\b.*|coordinator\b.*)$/i

/** A presiding title in parentheses or in a "later:" line. */
export const CHAIR_TITLE = /^(?:acting\s+|temporary\s+|interim\s+)?chair(?:man|person|woman)?$/i

/** Posts and offices of UN staff, in a title ("(Secretary of the Committee)") or a subject ("The Secretary"). */
export const SECRETARIAT_TITLE =
  /\b(?:secretar(?:y|iat)|high\s+commissioner|OHCHR|office\s+of\s+the\s+united\s+nations|united\s+nations\s+office|director|officer|chief\s+of|division|branch|section|legal\s+counsel|representative\s+of\s+the\s+secretary-general|UNHCR|UNICEF|UNDP|UNFPA|UNESCO|UN-Women|UN Women|ILO|WHO|IOM|International\s+Labour\s+Office|World\s+Health\s+Organization)\b/i

/** Subjects that stand for the State's delegation rather than a named person. */
export const DELEGATION_SUBJECTS = [
  'A representative',
  'The representative',
  'Another representative',
  'A member of the delegation',
  'Another member of the delegation',
  'The head of the delegation',
  'The head of delegation',
  'The delegation',
  'A delegate',
  'The delegate',
  'Another delegate',
  'The representatives',
] as const

/** Subjects that stand for UN staff ("The Secretary of the Committee said"). */
export const SECRETARIAT_SUBJECTS = [
  'The Secretary of the Committee',
  'The Secretary',
  'The High Commissioner',
  'The Deputy High Commissioner',
  'The Assistant Secretary-General',
  'The Secretary-General',
  'The representative of the Secretary-General',
  'A representative of the secretariat',
  'A representative of the Secretariat',
  'The representative of the secretariat',
] as const

/** Procedural lines: unnumbered in every era. */
export const PROCEDURAL =
  /^The (?:meeting|public part of the meeting|closed part of the meeting|public meeting|closed meeting|discussion covered in the summary record) (?:was called to order|was suspended|was resumed|resumed|rose|was adjourned|was closed|was opened|opened|began|ended)\b/i

/** What a procedural line records, by the words it uses: the meeting's start, a suspension, its resumption, its end. */
export const PROCEDURAL_EVENTS = {
  start: /\b(?:called to order|began|opened)\b/i,
  suspension: /\bsuspended\b/i,
  resumption: /\bresumed\b/i,
  // Whole words: "suspended" holds "ended".
  end: /\b(?:rose|adjourned|closed|ended)\b/i,
} as const

/** Procedural lines that open a meeting's body. */
export const BODY_OPENING =
  /^The (?:meeting|public part of the meeting|closed part of the meeting|discussion covered in the summary record) (?:was called to order|was opened|opened|began)\b/i

/** Narration that ends a running turn and names no speaker: how it opens. */
export const NARRATION_OPENINGS =
  /^(?:At the invitation of|In accordance with rule|On the proposal of|It was so decided|The (?:Committee|meeting) (?:observed|stood|held|decided|adopted|agreed)\b|(?:The|A|An)\b[^.]{0,100}?\b(?:was|were) (?:adopted|approved|re-?elected|elected|appointed)\b|The following (?:members|States|delegations)\b)/u

/** Narration that opens with a subject: what it says the subject did (withdrew, took the Chair, was elected). */
export const NARRATION_PREDICATES =
  /^(?:withdrew|took (?:a |their |his |her )?(?:places?|seats?) at the (?:Committee )?table|took (?:his |her |their )?places?|took the [Cc]hair|resumed the [Cc]hair|joined the (?:meeting|Committee)|joined\b|left the (?:meeting|room)|(?:was|were) (?:re-?elected|elected|appointed|nominated|invited to take)|made the solemn declaration|declared (?:open|closed|the \S+ (?:session |meeting )?(?:open|closed)))/u

/** Who took the chair: "Mr. Y, Vice-Chair, took the Chair." / "Mr. Y (Vice-Chair) took the Chair." */
export const TOOK_THE_CHAIR =
  /^(?<who>.+?)(?:,\s*[^,]+,|\s+\([^)]*\))?\s+(?:took|resumed) the [Cc]hair\b/u

/** "Fourth periodic report of Mexico (continued)", "Initial report of the Sudan": the State under review. */
export const REPORT_OF_STATE =
  /\breports?\s+of\s+(?:the\s+)?(?<state>\p{Lu}[\p{L}’'.\- ]*?)\s*(?:\((?<parenthesis>[^)]*)\)|[;,.]|$)/u

/** "the delegation of Mexico" in narration: the State whose delegation is present. */
export const DELEGATION_OF_STATE =
  /\bdelegation\s+of\s+(?:the\s+)?(?<state>[\p{Lu}][\p{L}’'.\- ]*?)(?=\s+(?:joined|took|withdrew|left|was|had)\b|[,.;]|$)/u

/** A UN document symbol: "CMW/C/SR.593", "E/C.12/2001/SR.5", "A/HRC/59/15". */
export const SYMBOL = /^[A-Z][A-Z0-9.]{0,9}(?:\/[A-Za-z0-9.()-]+){1,6}$/

/** The parts of a masthead, each on a line of the cover. */
export const MASTHEAD = {
  distribution: /^Distr\.?:?\s*(?<kind>general|restricted|limited)?\b/i,
  original: /^Original:\s*(?<language>\p{L}+)/iu,
  contents: /^(?:contents|table of contents)$/i,
  session: /^(?<session>(?:resumed\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,4}\s+session)$/iu,
  summaryRecord: /^summary\s+record\b/i,
  report: /^report\s+of\s+the\s+/i,
  held: /^Held\s+at\s+(?:the\s+)?(?<place>.+?),\s+on\s+(?:\p{L}+,\s+)?(?<date>\d{1,2}\s+\p{L}+\s+\d{4}),\s+at\s+(?<time>.+?)$/iu,
  chair:
    /^(?<title>(?:acting\s+|temporary\s+|interim\s+)?(?:chair(?:man|person|woman)?|president))\s*:\s*(?<name>.+)$/iu,
  later: /^\(?later\)?\s*:?\s*(?<name>.+)$/iu,
  body: /^(?:committee\b|human rights (?:committee|council)\b|working group\b|subcommittee\b|conference of (?:the )?states parties\b|meeting of (?:the )?states parties\b)/i,
  treaty: /^(?:international\s+)?(?:covenant|convention|optional protocol)\b/i,
  agendaItem: /^agenda\s+item\s+\d+/i,
  /** The correction notice that closes a summary record's cover: it speaks of correcting the record. */
  notice: /^(?=.*\bcorrect(?:ed|ion|ions)\b)(?=.*\brecords?\b).{40,}$/is,
  /** A line of a table of contents: dot leaders, or paragraph and page references at the end. */
  contentsLine: /(?:\.{4,}|…{2,})|\s\d+(?:[–-]\d+)?\s+\d+$/,
} as const

/** Symbols whose body is not their first part: the Committee on Economic, Social and Cultural Rights is "E/C.12". */
export const SYMBOL_BODIES: readonly [string, string][] = [
  ['E/C.12/', 'CESCR'],
  ['E/CN.4/', 'CHR'],
  ['A/HRC/', 'HRC'],
]

/** Organs whose letter opens a symbol before the body's own acronym: "A/HRC/…", "E/C.12/…". */
export const ORGAN_PREFIXES: ReadonlySet<string> = new Set(['A', 'E', 'S'])

/** Lines printed on a page that are not the record: the job number, the recycling note, the emblem's words. */
export const PAGE_FURNITURE = [
  /^GE\.\d{2}-\d{4,6}\b/,
  /^\*\d{6,8}\*$/,
  /^Please recycle\b/i,
  /^United Nations$/i,
  /^UNITED NATIONS$/,
  /^Nations Unies$/i,
] as const

/** Section labels that open a heading rather than a numbered paragraph: "I.", "A.", "IV.". */
export const SECTION_LABEL = /^(?:[IVXLC]{1,6}|[A-H])\.\s+\p{Lu}/u

/** Word paragraph styles the UN uses for headings (besides "Heading 1…6"). */
export const HEADING_STYLES = /^(?:heading\s*\d|title|subtitle|H\d+G|HChG|HMG|H\d\d?G|SMG|SLG)$/i

/** How a record names who led a delegation: "The delegation of Slovenia was headed by …". */
export const DELEGATION_HEAD =
  /\b[Dd]elegation(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|and|the)\s+)*\p{Lu}[\p{L}'’-]*)*)?,?\s+(?:(?:was|were|had\s+been)\s+)?(?:headed|led)\s+by\b/u
