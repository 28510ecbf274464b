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

/** Openings of a sentence that qualifies the one before it: a quote that stops short of it misleads. */
export const CONTRAST_OPENING =
  /^(?:however|but|nevertheless|nonetheless|yet|even\s+so|that\s+said|on\s+the\s+other\s+hand|at\s+the\s+same\s+time)\b/i

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

/** "2025-04-08" → "8 April 2025", as UN documents write dates; the text itself when it is no ISO date. */
export const writtenDate = (iso: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  if (!match || !month) return iso
  return `${Number(match[3])} ${month[0]?.toUpperCase()}${month.slice(1)} ${match[1]}`
}

/** Whether a YYYY-MM-DD string names a day that exists. */
export const isRealDate = (iso: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === iso
}

/** Languages a record names as its original or version language. */
export const LANGUAGE_NAMES: ReadonlySet<string> = new Set(
  `english french spanish russian arabic chinese german portuguese`.split(/\s+/)
)

/** Function words: they say nothing about what a question is about. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves s t don shall may might must upon within without whether
  tell say said says saying ask asked asking mention mentioned mentions record meeting please anything
  something give given gives giving kind sort way ways there's what's who's toward towards done like get gets getting got gotten
  among amongst across around along beyond onto via everything nothing everyone everybody anyone
  anybody someone somebody nobody either neither whatever whichever whoever since ago less fewer`
    .split(/\s+/)
    .filter(Boolean)
)

/**
 * A question's scaffolding: asking and answering, the sides of a dialogue, summarising. In a
 * summary record every paragraph is someone asking or answering, so these words name no topic.
 */
export const SCAFFOLD: ReadonlySet<string> = new Set(
  `many much number did ask asked say said tell told happen happened want wanted know reply replied
  respond responded response answer answered raise raised question questions committee delegation
  time summarise summarize summarised summarized summary overview discuss discussed discussion state
  party raised address addressed point points concern concerns comment comments remark remarks
  issue issues topic subject situation members member urge urged urges urging encourage encouraged encourages
  encouraging recommend recommends recommended recommending`.split(/\s+/)
)

/**
 * Small words inside a capitalised name that its acronym may skip or keep: "Committee against
 * Torture" is CAT, "Office of the High Commissioner" OHC.
 */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(
  `of on the for and against to in from with`.split(/\s+/)
)

/** Pronouns and demonstratives that make a sentence lean on the one before it. */
export const ANAPHORS: ReadonlySet<string> = new Set(
  `it its they them their this that these those he she his her such both latter former there
  thereby thus`.split(/\s+/)
)

/** What "it" points at nothing before: "Is it true that …", "Was it possible to …". */
const IMPERSONAL_IT = String.raw`true|possible|the\s+case|known|clear|likely`

/** An auxiliary verb that opens a question's clause: "when *was* …", "how many … *were* …". */
const AUXILIARY = String.raw`(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must)\b`

/** The English question patterns: what a question asks for, read from its wording. */
export const ENGLISH_QUESTIONS = {
  duration: /^\s*(?:how\s+long|for\s+how\s+long|for\s+what\s+period)\b/i,
  /** "How much money …", "What is the annual budget of …": a sum of money. */
  amount:
    /^\s*(?:how\s+much\s+(?:money|funding|funds?|financing)\b|how\s+much\b.*\b(?:cost|costs|spend|spent|invest|invested|allocate|allocated|contribute|contributed|earmark|earmarked)\b|what\s+(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+|[\p{L}-]+['’]s\s+)?(?:(?:annual|total|yearly|overall)\s+)?(?:budget|cost|price|funding|expenditure)s?\b)/iu,
  /** "How many …", and "What was the (annual) budget …": a measure named as what is asked. */
  number:
    /^\s*(?:how\s+(?:many|much|far|often)|by\s+how\s+much|what\s+(?:(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+|[\p{L}-]+['’]s\s+)?(?:[\p{L}-]+\s+){0,2}?)?(?:share|percentage|proportion|number|capacity|amount|budget|rate|wage|salary|cost|price|total|figure)s?)\b/iu,
  /** "How many *X*", "What was the *X rate*", "What is the number of *X*": what follows names what is counted. */
  counting:
    /^\s*(?:how\s+many|what\s+(?:is|was|are|were)(?:\s+(?:the|its|their))?(?:\s+(?:number|amount|total|share|percentage|proportion)\s+of(?:\s+the)?)?)\s/i,
  // "When asked about …, what did Mexico say?" asks what, not when.
  time: /^\s*(?:when(?!\s+(?:[a-z]+ed|told|given|shown|taken|put|made)\b)|since\s+when|at\s+what\s+time|what\s+time\s+(?:did|was|were|does|is)|in\s+what\s+year|what\s+year|on\s+what\s+date)\b/i,
  person:
    /^\s*(?:who|whom|which\s+(?:committee\s+)?(?:member|members|speaker|delegate|rapporteur|states?|countries|delegations))\b/i,
  /** "Where was the meeting held?", "Who chaired the meeting?": about the meeting, not its content. */
  meeting: {
    place:
      /\bwhere\b.*\b(?:meeting|session|dialogue|review)\b.*\b(?:held|take\s+place|took\s+place|hold)\b|\b(?:venue|location)\s+of\s+the\s+(?:meeting|session)\b/i,
    date: /\b(?:when|what\s+(?:date|day|time))\b.*\b(?:meeting|session|dialogue|review)\b.*\b(?:held|take\s+place|took\s+place|start|begin|open)\b|\bdate\s+of\s+the\s+(?:meeting|review)\b/i,
    chair: /\bwho\b.*\b(?:chaired|presided|chair|chairs|chairing)\b/i,
    state:
      /\b(?:which|what)\s+(?:state|country|government)(?:'s)?\b.*\b(?:reviewed|under\s+review|considered|examined|report)\b|\b(?:which|what)\s+(?:of\s+[\p{L}'’-]+\s+)?reports?\b.*\b(?:consider(?:ed|ing)?|under\s+consideration|examin(?:e|ed|ing)|review(?:ed|ing)?)\b|\bwhat\s+was\s+(?:under\s+consideration|being\s+(?:considered|reviewed|examined))\b/iu,
    session: /\bwhich\s+session\b|\bwhat\s+session\b/i,
    end: /\b(?:when|what\s+time|at\s+what\s+time)\b.*\b(?:meeting|session)\b.*\b(?:end|ended|finish|finished|close|closed|rise|rose|adjourn|adjourned|conclude|concluded)\b/i,
    /** "The 2030 Agenda" is a topic; "on the agenda" and "agenda items" are the meeting's. */
    agenda: /\b(?:on|of)\s+the\s+(?:meeting['’]s\s+)?agenda\b|\bagenda\s+items?\b/i,
    distributed:
      /\bwhen\b.*\b(?:record|document|report|minutes)\b.*\b(?:distributed|issued|published|released|circulated)\b|\b(?:distribution|issue|publication)\s+date\b/i,
    language:
      /\b(?:original|source)\s+language\b|\b(?:what|which)\s+language\b.*\b(?:record|document|report|minutes|original(?:ly)?|written|drafted)\b/i,
    rapporteurs: /\b(?:who|which\s+members?)\b.*\bcountry\s+(?:rapporteurs?|task\s+force)\b/i,
    /** "Who led Slovenia's delegation?", "the head of the Mexican delegation". */
    delegation:
      /\bwho\b.*\b(?:led|leads|headed|heads)\b.*\bdelegation\b|\b(?:who|name)\b.*\b(?:head|leader)\s+of\s+(?:the\s+)?(?:[\p{L}'’-]+\s+)?delegation\b/iu,
  },
  /** Asks for the other side's answer: "How did Mexico respond to …", "What was the reply on …". */
  reply:
    /\b(?:respond|responded|response|reply|replied|replies|answer|answered|react|reacted|say\s+in\s+reply|(?:say|said)\s+(?:\w+\s+)?back|address(?:ed)?\s+the\s+question)\b/i,
  /** Asks what was said: "What was said about …", "What did X mention …". */
  saying: /\b(?:say|says|said|mention|mentions|mentioned|noted)\b/i,
  asking:
    /\b(?:ask|asks|asked|question|questions|raise|raised|enquire|enquired|inquired|wonder|wondered)\b/i,
  /** Wants everything said on a topic: "Summarise …", "What did X say about …", "Which States …". */
  broad:
    /^\s*(?:summari[sz]e|list|which\s+(?:states|countries|delegations|members|recommendations|issues|questions|topics)|what\s+(?:issues|questions|concerns|recommendations|points))\b|\b(?:say|said|ask|asked|raise|raised|mention|mentioned|discuss|discussed|recommend|recommended)\s+(?:about|on|regarding|concerning)\b|\bwhat\s+was\s+said\b|\bgive\s+(?:me\s+|us\s+)?(?:an?\s+)?(?:overview|summary|account|rundown)\b|\bwhat\s+(?:came|comes|has\s+come|had\s+come)\s+up\b/i,
  /**
   * About the dialogue map: whether questions were answered ("Did the delegation answer Ms. X's
   * question about …?", "Which questions did Mexico not answer?", "What did the delegation reply
   * to Mr. Y?").
   */
  dialogue:
    /^\s*(?:did|has|have|was|were)\b.*\b(?:answer(?:ed)?|repl(?:y|ied)\s+to|respond(?:ed)?\s+to|address(?:ed)?)\b.*\bquestions?\b|\bquestions?\b.*\b(?:not|never|n['’]t|left)\b.*\b(?:answer|repl|respond|address)|\bunanswered\b|\b(?:reply|replied|answer|answered|respond|responded)\s+to\s+(?:the\s+questions?\s+(?:of|from|by)\s+)?(?:mr|ms|mrs|mme|dr|m)\.?\s/i,
  /** Asks for the questions left without a reply. */
  unanswered:
    /\b(?:not|never|n['’]t|left|without)\b.*\b(?:answer|repl|respond|address)|\bunanswered\b/i,
  /**
   * "… during Slovenia's review", "… in the interactive dialogue": where someone spoke, which says
   * nothing of what about when the question names who spoke.
   */
  setting:
    /\b(?:during|in|at|throughout)\s+(?:the\s+|this\s+|[\p{L}-]+['’]s\s+)?(?:(?:interactive|periodic)\s+)?(?:review|dialogue|meeting|session|debate|discussion)\b/iu,
  /** Asks what was recommended, by the verb or the noun. */
  recommendation: /\brecommend(?:s|ed|ing|ations?)?\b/i,
  /**
   * "Which States made recommendations on …": what was recommended is the topic, not the word
   * (recommendations in a report seldom say it); "How many recommendations …" counts them.
   */
  recommending:
    /\brecommendations?\s+(?:on|about|regarding|concerning|relating\s+to|with\s+regard\s+to)\b/i,
  /** "Who brought up …", "What came up about …": raising a topic, no part of it. */
  raising: /\b(?:bring|brings|bringing|brought|come|comes|coming|came)\s+up\b/i,
  /** "Did it …", "What did she …": whom the question is about is the previous turn's. */
  pronounSubject: new RegExp(
    String.raw`^\s*(?:(?:what|how|when|where|why|which)\s+)?(?:did|does|do|has|have|had|was|were|is|are|will|would|could|can)\s+(?:it(?!\s+(?:${IMPERSONAL_IT})\b)|she|he|they)\b`,
    'i'
  ),
  /**
   * "… hoping it gets passed?": a thing the previous turn named, as the object ("it" as the
   * subject is whom that turn was about; "is it true that …" points at nothing).
   */
  thingPronoun: new RegExp(
    String.raw`\b(?:its|it(?!\s+(?:${IMPERSONAL_IT}|necessary|important)\b))\b`,
    'i'
  ),
  /** "… on that?", "… about it?": what the question is about is the previous turn's too. */
  demonstrativeObject: /\b(?:on|about|regarding|to|for)\s+(?:that|this|it|them)\s*[?.!]*\s*$/i,
  /**
   * "… joining that treaty?", "these centres": a thing the previous turn named, pointed back at;
   * "that" only after a preposition or a verb in -ing ("said that …", "true that …" point at
   * nothing), and never before a name or a determiner.
   */
  demonstrativePhrase:
    /(?:\b(?:this|these|those|the\s+same)|(?<=\b(?:about|on|of|in|to|for|with|under|regarding|concerning|from|by|into|against|\p{L}+ing)\s+)that)\s+(?!(?:the|a|an|it|its|he|she|they|there|this|that|is|was|were|are|had|has|have|would|could|should|will)\b)(\p{Ll}[\p{L}-]*)/u,
  /**
   * "How many of them …": a count of what the previous turn named. ("Which of them …" points at
   * whom its answer quoted, and is read with that answer.)
   */
  partitive: /\bhow\s+(?:many|much)\s+of\s+(?:them|those|these|it)\b/i,
  /**
   * Where a question asks a second thing of its own: "When was Slovenia reviewed, and when was the
   * report adopted?", "Which member withdrew, and under which rule?".
   */
  secondQuestion: new RegExp(
    String.raw`,\s*and\s+(?=(?:when|where|why|who|whom)\s+${AUXILIARY}|how\s+(?:(?:many|much|long|often|far)(?:\s+[\p{L}-]+){0,3}\s+)?${AUXILIARY}|(?:what|which|whose)\s+(?:[\p{L}-]+\s+){0,2}?${AUXILIARY}|(?:under|in|on|at|for|from|by|with)\s+(?:which|what)\b)`,
    'iu'
  ),
  /** Openers that make a question lean on the turn before it. */
  followUp:
    /^\s*(?:and|but|also|so|then|what\s+about|how\s+about|what\s+else|and\s+what|and\s+how)\b/i,
} as const

/**
 * Stem endings of a verb and its noun that Porter's stemmer leaves apart, as pairs: "detain" and
 * "detention" ("detain"/"detent"), "decide" and "decision", "receive" and "reception", "admit"
 * and "admission", "expel" and "expulsion", "resolve" and "resolution", "assume" and "assumption".
 */
export const DERIVED_ENDINGS: readonly (readonly [string, string])[] = [
  ['ain', 'ent'],
  ['id', 'is'],
  ['eiv', 'ept'],
  ['it', 'iss'],
  ['el', 'uls'],
  ['ud', 'us'],
  ['olv', 'olut'],
  ['um', 'umpt'],
]

/** Prefixes that negate a word: "unemployment" sits next to "employment" in vector space and means its opposite. */
export const NEGATING_PREFIX = /^(?:un|in|im|il|ir|non|dis|anti)-?/

/** Number words: a figure written out. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
  thousand million billion dozen half double doubled twice`.split(/\s+/)
)

/** A sum of money: a currency's sign, code or name beside a figure. */
export const CURRENCY =
  /[€$£¥₹₽₱]|\b(?:USD|EUR|GBP|CHF|MXN|CAD|AUD|JPY|CNY)\b|\b(?:euros?|dollars?|pesos?|francs?|pounds?\s+sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|reais|dinars?|dirhams?|shillings?|rand|kronor|kroner|krona|zlotys?|lei|forints?|tenge|hryvnias?|nairas?|cedis?)\b/i

/** Units of time, for "how long" questions. */
export const DURATION_UNITS = /\b(?:hours?|days?|weeks?|months?|years?|decades?)\b/i

/** Verbs of speaking that follow a speaker in a question: "What did Ms. X ask …". */
const SPEECH_VERB = String.raw`(?:ask|asks|asked|say|says|said|want|wants|wanted|raise|raised|mention|mentioned|note|noted|request|requested|propose|proposed|suggest|suggested|wonder|wondered|stress|stressed|think|reply|replied|answer|answered|respond|responded|tell|told|recommend|recommended|welcome|welcomed|express|expressed|highlight|highlighted|emphasi[sz]e|emphasi[sz]ed|like|wish|wished|hope|hoped|report|reported|explain|explained|commend|commended|urge|urged)`

/** The English patterns that name who a question is about. */
export const ENGLISH_SPEAKERS = {
  /** "What did Ms. Dzumhur ask …", "How did Mexico respond …", "Summarise what the delegation said …": the speaker phrase. */
  about: new RegExp(
    String.raw`(?:^\s*(?:what|which\s+\w+|how)\s+(?:did|does|do|has|have|had|was|were|is)\s+|\bwhat\s+)(?<speaker>.+?)\s+${SPEECH_VERB}\b`,
    'i'
  ),
  /**
   * "Which Committee member asked …", "Which rapporteur raised …": the answer is one of them
   * speaking. "Which member withdrew …" is about what the record narrates, not who spoke.
   */
  member: new RegExp(
    String.raw`^\s*(?:which|what)\s+(?:committee\s+)?(member|rapporteur|country\s+rapporteur)s?(?=(?:\s+of\s+the\s+committee)?\s+(?:also\s+|first\s+)?${SPEECH_VERB}\b)`,
    'i'
  ),
  /**
   * "that country", "which of them", "did they recommend": who the previous answer quoted, with the
   * verb of speaking that frames the question.
   */
  anaphor: new RegExp(
    String.raw`\b(?:(?:(?:that|this|the\s+same)\s+(?:country|state|delegation|government|member|speaker|expert|rapporteur)|(?:those|these|the\s+same)\s+(?:countries|states|delegations|governments|members|speakers|experts|rapporteurs))(?:\s+(?:also\s+)?${SPEECH_VERB})?|(?:which|who|any|one|each|how\s+many)\s+of\s+(?:them|those|these)|(?:he|she|they)\s+(?:also\s+)?${SPEECH_VERB})\b`,
    'i'
  ),
  /**
   * "What the delegation told the Working Group about …": whom a speaker told, named with a
   * capital, is no part of the topic. No `i` flag: under it `\p{Lu}` takes any letter, and
   * "informed of the procedure on asylum" would lose "of the procedure".
   */
  addressee:
    /\b(?:tell|tells|told|inform|informs|informed|assure|assures|assured)\s+(?:the\s+)?\p{Lu}[^?.]*?(?=\s+(?:about|on|regarding|concerning|of|that)\b)/u,
  /** "What did States recommend …": a group named by a common noun, not a speaker ("United States"). */
  group:
    /^\s*(?:the\s+)?(?:other\s+|recommending\s+|some\s+|many\s+|several\s+)?(?:states|countries|delegations|governments|nations)\s*$/i,
  /** "What else did that country recommend?": more than the previous answer quoted. */
  besides: /\belse\b/i,
  /** Words for the Committee's side of a dialogue, and for the State's. */
  committee: /\b(?:committee|members?|rapporteurs?|experts?|chair(?:person|man)?)\b/i,
  delegation: /\b(?:delegation|delegates?|government|state\s+party|authorities)\b/i,
} as const

/** The possessive ending of a name: "Mr. Charef's question". */
export const POSSESSIVE = /['’]s$/u

/** Ordinal words: which of several like events is meant ("the second suspension"). */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: -1,
  final: -1,
}

/** "Her closing remarks", "at the end of the meeting": a position in the meeting, not a topic. */
export const POSITION =
  /\b(?:(?<remarks>opening|introductory|initial|closing|concluding|final|last)\s+(?:remarks|statements?|comments|words|observations)|at\s+the\s+(?<at>start|beginning|outset|end|close)\s+of\s+the\s+(?:meeting|dialogue|session))\b/i
export const OPENING_POSITION = /^(?:opening|introductory|initial|start|beginning|outset)$/i

/**
 * "It would be useful to learn …", "It was not clear which …", "There had been reports that …":
 * an "it" or a "there" that stands for nothing before it, so the sentence does not lean on the
 * one before.
 */
export const EXPLETIVE =
  /^\s*(?:it\s+(?:(?:would|will|might|could|should|may|must)\s+(?:also\s+)?be|is|was|were|had\s+been|has\s+been|remained|seemed|appeared)\s+(?:\w+\s+){0,2}?(?:to|that|whether|if|how|what|which|who|why|when|where)\b|there\s+(?:(?:would|will|might|could|should|may|must)\s+(?:also\s+)?be|is|are|was|were|(?:had|has|have)\s+(?:also\s+)?been|remained|seemed|appeared|existed)\b)/i

/**
 * Words that make a sentence of a record lean on the sentence before it ("It had ruled …", "That
 * programme …"). "He" and "she" are left out: in a summary record they are the speaker, who is
 * named with every excerpt.
 */
export const LEANING_OPENERS: ReadonlySet<string> = new Set(
  `it its they them their this that these those such there both thus hence furthermore moreover
  however accordingly nevertheless nonetheless therefore consequently likewise similarly
  meanwhile otherwise`.split(/\s+/)
)

/**
 * Pronouns that stand for something named before ("its use", "their number"); a short sentence
 * holding one and no noun before it to stand for leans on the sentence before it.
 */
export const REFERRING_PRONOUNS: ReadonlySet<string> = new Set(`its their theirs them`.split(/\s+/))

/** The longest sentence, in words, read as leaning back for a pronoun it holds. */
export const SHORT_SENTENCE_WORDS = 12

/**
 * The longest opening phrase, in words, read for what it refers back to: "Based on the findings of
 * that study, …", "In that regard, …", "To that end, …".
 */
export const OPENING_PHRASE_WORDS = 8

/**
 * How a summary record reports a request put to the State: "She would like to know …", "He
 * wondered whether …", "It would be useful to learn …", "Information on … would be welcome",
 * "asked whether …". A sentence ending in "?" is a question by its form alone.
 */
export const ENGLISH_REQUESTS: readonly RegExp[] = [
  // "would like to know" asks; "would like to encourage the Government" urges, and is no request.
  /\b(?:would|should)\s+(?:also\s+)?(?:(?:like|wish|want)(?!\s+to\s+(?!(?:know|learn|hear|understand|receive|see|have|obtain|ask|find|get|read|be)\b))|appreciate|welcome|value)\b/i,
  /\b(?:would|should)\s+(?:also\s+)?be\s+(?:grateful|glad|pleased|interested|useful|helpful|interesting|good|welcome|appreciated)\b/i,
  /\b(?:wished|wanted|wishes|wants|needed)\s+to\s+(?:know|learn|hear|understand|receive)\b/i,
  // "had been requested to provide" reports what happened to someone, not a request.
  /\b(?:wondered|wonders|enquired|inquired|(?<!been\s)requested|(?<!been\s)sought|invited\s+the\s+(?:delegation|State)|urged\s+the\s+(?:delegation|State))\b/i,
  // "asked whether", "asked the delegation about", "asked the Russian Federation for"; "the
  // Government had asked UNHCR for assistance" reports what was done, and is no request.
  /(?<!\b(?:had|has|have|been)\s)\b(?:[Aa]sked|[Aa]sks)\s+(?:(?:the\s+)?(?:delegation|State|Government|\p{Lu}[\p{L}-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}-]*){0,2})\s+)?(?:whether|if|what|how|why|when|where|which|who|about|for)\b/u,
  /\b(?:please|kindly)\s+(?:provide|explain|describe|indicate|clarify|comment|elaborate)\b/i,
  /\b(?:more|further|additional|updated)\s+(?:information|details|data|statistics)\b/i,
]

/** Words that negate a statement: a claim and the sentence it rests on must agree on them. */
export const NEGATIONS: ReadonlySet<string> = new Set(
  `not no never none neither nor without cannot nobody nothing nowhere n't no-one`.split(/\s+/)
)

/**
 * How a model attributes what it reports ("According to the summary record, the representative of
 * Mexico said that …"): these words say who and where, not what, and are not checked as content.
 */
export const CLAIM_SCAFFOLD: ReadonlySet<string> = new Set(
  `according summary record records representative representatives delegate delegates stated
  noted explained informed reported added indicated mentioned highlighted emphasized emphasised
  stressed pointed observed remarked confirmed clarified asked wondered enquired inquired requested
  sought wished wanted expressed welcomed acknowledged recalled affirmed declared described
  also further`.split(/\s+/)
)

/**
 * Words of quantity and direction, by what they say: a claim's must find a word of the same kind
 * in the paragraph it cites ("rose" for "increased", "over" for "more than"), never one of another
 * ("fell" for "increased", "most" for "a small percentage").
 */
export const SCOPE_CLASSES: Readonly<Record<string, readonly string[]>> = {
  up: `increase increased increases increasing rise rose risen rising grow grew grown growing growth
  up higher highest more over exceed exceeded exceeding above doubled tripled expanded extended
  stepped`.split(/\s+/),
  down: `decrease decreased decreases decreasing fall fell fallen falling decline declined declining
  drop dropped reduce reduced reduction down lower lowest less fewer under below halved cut`.split(
    /\s+/
  ),
  all: `all every each entire whole universal`.split(/\s+/),
  most: `most majority bulk`.split(/\s+/),
  few: `few small minority only handful limited`.split(/\s+/),
  none: `none no nobody nothing neither`.split(/\s+/),
}

/**
 * The verbs a claim reports with ("the delegation said …", "Mr. X described …"); what comes
 * before one is who the claim gives the words to.
 */
export const CLAIM_REPORTING =
  /^(.*?)\b(?:said|says|stated|noted|explained|asked|wondered|informed|reported|added|described|linked|announced|mentioned|told|highlighted|emphasi[sz]ed|stressed|indicated|confirmed|observed|pointed\s+out|argued|claimed|acknowledged|welcomed|expressed|called|urged|requested|recommended|challenged|admitted)\b|^\s*according\s+to\s+([^,]+),/i
