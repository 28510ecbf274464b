// A question, read once: its language, what it asks for, whom it is about, its topic, and the turn it follows up.
import {
  ANAPHORS,
  ENGLISH_QUESTIONS,
  ENGLISH_SPEAKERS,
  OPENING_POSITION,
  ORDINALS,
  POSITION,
  POSSESSIVE,
  SCAFFOLD,
  STOPWORDS,
} from '../language/english.ts'
import type { LanguageCode, QuestionLanguage } from '../language/language.ts'
import { ENGLISH, detectLanguage } from '../language/language.ts'
import { ABBREVIATED_TITLES, HONORIFIC_WORDS } from '../records/conventions.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import { splitSentences } from '../text/sentences.ts'
import type { Token } from '../text/tokenize.ts'

export type Intent = 'meeting' | 'dialogue' | 'reply' | 'broad' | 'factual' | 'speaker'
export type MeetingField = keyof typeof ENGLISH_QUESTIONS.meeting
export type AnswerType = 'number' | 'amount' | 'duration' | 'time' | 'person' | 'other'
export type Side = 'committee' | 'delegation'

/** A word of a question's topic: as written, lower-cased, and whether only it matches (a name, a figure). */
export type TopicWord = {
  written: string
  word: string
  exact: boolean
  /**
   * In a follow-up, the previous turn's words it replaces ("southern" for "northern" in "And at
   * the southern border?"): their stems never match it, near as they sit in vector space.
   */
  unlike?: readonly string[]
}

/** Everything the pipeline needs to know of a question, worked out once. */
export type Question = {
  /** The question as asked. */
  text: string
  language: LanguageCode
  /** Its words as read: a State named by its initials is written out ("the UK"), so they need not index `text`. */
  tokens: readonly Token[]
  intent: Intent
  /** For a question about the meeting itself, what it asks. */
  meeting: MeetingField | null
  answerType: AnswerType
  /** A speaker or role the question names ("What did Ms. Dzumhur ask?"), or the request's filter. */
  speaker: string | null
  /** The side of the dialogue it is about: what the Committee asked, how the delegation replied. */
  side: Side | null
  /** "the second suspension" → 2, "her closing remarks" → -1. */
  ordinal: number | null
  topic: readonly TopicWord[]
  /** Of its topic, the words naming what a counting question counts: "How many *Venezuelan nationals* …". */
  counts: readonly TopicWord[]
  /** Words of a question in another language that match no word of the records. */
  unmatched: readonly string[]
  /** The record the question is asked of (its symbol), or null for all of them. */
  record: string | null
  /** The question this one follows up, when it cannot stand alone. */
  followsUp: string | null
  /** For a question about the dialogue map: it asks for the questions left without a reply. */
  unanswered: boolean
  /** "Who asked about …", "Which States raised …": the answer is among those who put questions. */
  asksWhoAsked: boolean
  /** "Which States recommended …", "the recommendations on …": it asks what was recommended. */
  recommendations: boolean
  /** For a question about a reply, whose question it was, when it names them (one or several). */
  askers: readonly string[]
  /** It points at whom the previous answer quoted ("Which of them …?", "What did they say?"). */
  refersToSpeakers: boolean
  /** …and they are: the names it is asked among. */
  among: readonly string[]
  /** For "What else did they say?": the blocks the previous answer quoted (`record#block`), left out. */
  leaveOut: readonly string[]
}

/** What the previous answer quoted: whom, and which blocks. */
export type PreviousAnswer = { speakers: readonly string[]; blocks: readonly string[] }

export type QuestionContext = {
  /** The request's speaker filter. */
  speaker?: string | null
  /** The record the question is restricted to, by symbol. */
  record?: string | null
  /** The previous turn's question, as it was read. */
  previous?: Question | null
  /** What the previous turn's answer quoted, for a question that points at whom it quoted. */
  previousAnswer?: PreviousAnswer | null
}

/** The topic as text, for the retrievers. */
export const topicText = (question: Pick<Question, 'topic'>): string =>
  question.topic.map((t) => t.written).join(' ')

const answerTypeOf = (text: string, language: QuestionLanguage): AnswerType => {
  const q = language.questions
  if (q.duration?.test(text)) return 'duration'
  if (q.amount?.test(text)) return 'amount'
  if (q.number.test(text)) return 'number'
  if (q.time.test(text)) return 'time'
  if (q.person.test(text)) return 'person'
  return 'other'
}

const ordinalOf = (text: string): number | null => {
  const groups = POSITION.exec(text)?.groups
  const at = groups?.remarks ?? groups?.at
  if (at) return OPENING_POSITION.test(at) ? 1 : -1
  const word = /\b(first|second|third|fourth|last|final)\b/i.exec(text)?.[1]?.toLowerCase()
  return word ? (ORDINALS[word] ?? null) : null
}

const meetingFieldOf = (text: string): MeetingField | null => {
  for (const [field, pattern] of Object.entries(ENGLISH_QUESTIONS.meeting))
    if (pattern.test(text)) return field as MeetingField
  return null
}

/** The shortest part of a State's name its adjective may share, with the name's end dropped. */
const ADJECTIVE_STEM = 6

/**
 * Whether a word is the name of a State under review or its adjective: "Slovenia", "Slovenian",
 * "Mexican" (all but the name's last letter start it), "Slovene" (all but its last two, where six
 * letters remain: "Austr" would take "Australia" for "Austria").
 */
const namesState = (word: string, states: readonly string[]): boolean => {
  const lower = word.toLowerCase()
  return states.some((state) =>
    state
      .toLowerCase()
      .split(/\s+/)
      .some((name) => {
        if (name.length >= 4 && lower.startsWith(name.slice(0, -1))) return true
        const stem = name.slice(0, -2)
        return stem.length >= ADJECTIVE_STEM && lower.startsWith(stem)
      })
  )
}

/**
 * The speaker phrase of "What did Ms. Dzumhur ask …", when someone in the records answers to it,
 * or when it names a side in words of its own ("the Slovenian delegation"), naming no one else.
 */
const namedSpeaker = (corpus: Corpus, text: string, states: readonly string[]): string | null => {
  const found = ENGLISH_SPEAKERS.about.exec(text)?.groups?.speaker
  // "What was the reply on …": a phrase of function words alone names no one.
  const phrase =
    found && corpus.tokens(found).some((t) => !STOPWORDS.has(t.word)) ? found : undefined
  if (phrase && ENGLISH_SPEAKERS.group.test(phrase)) return null
  if (phrase && corpus.speakerBlocks(phrase).size > 0) return phrase
  const sides = [ENGLISH_SPEAKERS.delegation, ENGLISH_SPEAKERS.committee]
  if (phrase && sides.some((side) => side.test(phrase))) {
    // What the phrase says besides its side must be the State's name, if anything is a name.
    const rest = sides.reduce((p, side) => p.replace(new RegExp(side.source, 'gi'), ' '), phrase)
    const names = corpus.tokens(rest).map((t) => rest.slice(t.start, t.end))
    if (names.every((w) => !/^\p{Lu}/u.test(w) || namesState(w, states))) return phrase
  }
  return ENGLISH_SPEAKERS.member.exec(text)?.[1] ?? null
}

/**
 * The speaker a question in another language names, as the records spell them, and as written in
 * the question: a name inside it that is the same word as a speaker's ("Uruguay", "Eslovenia" →
 * Slovenia) and is neither said to ("a Eslovenia") nor spoken about ("con Croacia"), another State
 * before the State under review ("¿Qué recomendó Uruguay a Eslovenia …?" asks what Uruguay said).
 * The State under review is no speaker in a question asking who ("¿Qué países …?": others, to it).
 */
const foreignSpeaker = (
  corpus: Corpus,
  tokens: readonly Token[],
  text: string,
  language: QuestionLanguage,
  states: readonly string[],
  sameWord: (bare: string) => string | null
): { speaker: string; written: string; start: number } | null => {
  const named = tokens.flatMap((token) => {
    const written = text.slice(token.start, token.end)
    if (token.start === 0 || !/^\p{Lu}/u.test(written) || language.stopwords.has(token.word))
      return []
    const same = sameWord(bareWord(token, language))
    if (!same) return []
    const speaker = same.charAt(0).toUpperCase() + same.slice(1)
    return corpus.speakerBlocks(speaker).size > 0 ? [{ speaker, written, start: token.start }] : []
  })
  // A name said to or spoken about is no speaker ("… a Uruguay", "… con Croacia").
  const before = (n: (typeof named)[number]) => text.slice(0, n.start)
  const speaking = named.filter(
    (n) => !language.addressee?.test(before(n)) && !language.about?.test(before(n))
  )
  const others = speaking.filter((n) => !namesState(n.speaker, states))
  return others[0] ?? (language.questions.person.test(text) ? null : (speaking[0] ?? null))
}

/** A question's word as its language's reader looks it up: no possessive, no elided article. */
const bareWord = (token: Token, language: QuestionLanguage): string => {
  const word = token.word.replace(POSSESSIVE, '')
  return language.elision ? word.replace(language.elision, '') : word
}

/** The words that name a speaker: "Mr. Ceriani Cernadas" → ceriani, cernadas. */
const nameWords = (corpus: Corpus, speaker: string): string[] =>
  corpus
    .tokens(speaker)
    .map((t) => t.word)
    .filter((w) => !STOPWORDS.has(w) && w.length > 2)

/**
 * The question read with each State it names by its initials ("the UK", "the US") written out,
 * where they begin the initials of the words of one State's name among those who spoke in the
 * records ("United Kingdom of Great Britain and Northern Ireland"): it asks about that State, not
 * about a word. Only after "the", only for a State speaking alone, and never for a word the records
 * themselves use ("the ILO").
 */
const spelledOut = (corpus: Corpus, text: string, record: string | null): string => {
  const scope =
    record === null ? corpus.index.blocks : (corpus.index.recordBlocks.get(record) ?? [])
  // Written so in the records: their own acronym ("the ILO"), whatever it might abbreviate.
  const used = (initials: string) => {
    const written = new RegExp(`\\b${initials}\\b`, 'u')
    return [...scope].some((b) => b.text.includes(initials) && written.test(b.text))
  }
  return text.replace(/\b([Tt]he\s+)(\p{Lu}{2,5})\b/gu, (phrase, the: string, initials: string) => {
    if (used(initials)) return phrase
    const lower = initials.toLowerCase()
    const named = corpus.askers(record).filter((speaker) => {
      const words = nameWords(corpus, speaker)
      return (
        !speaker.includes(',') &&
        [...corpus.speakerBlocks(speaker)].some((b) => b.roles.includes('other_state')) &&
        words.length >= initials.length &&
        words
          .map((w) => w[0])
          .join('')
          .startsWith(lower)
      )
    })
    return named.length === 1 && named[0] ? `${the}${named[0]}` : phrase
  })
}

/**
 * The members of the Committee (or the States, in a review) each of whose name words the question
 * uses, longest name first, less any whose words lie within another's: "Mr. Ceriani Cernadas" in
 * "What did the delegation reply to Mr. Ceriani Cernadas?", Iran, Pakistan and Costa Rica in
 * "Iran, Pakistan and Costa Rica raised hate speech. What did the delegation say?".
 */
const askingMembers = (
  corpus: Corpus,
  tokens: readonly Token[],
  record: string | null
): string[] => {
  const words = new Set(tokens.map((t) => t.word.replace(POSSESSIVE, '')))
  const named = corpus
    .askers(record)
    .map((speaker) => ({ speaker, names: nameWords(corpus, speaker) }))
    .filter(({ names }) => names.length > 0 && names.every((w) => words.has(w)))
    .sort((a, b) => b.names.length - a.names.length)
  return named
    .filter(
      (a) =>
        !named.some(
          (b) => b.names.length > a.names.length && a.names.every((w) => b.names.includes(w))
        )
    )
    .map((a) => a.speaker)
}

/** Which side a phrase names: the Committee's words, the delegation's, or the State under review. */
const sideOf = (
  phrase: string,
  states: readonly string[],
  language: QuestionLanguage
): Side | null => {
  if (language.sides.delegation.test(phrase)) return 'delegation'
  if (
    states.some((s) =>
      new RegExp(`\\b${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(phrase)
    )
  )
    return 'delegation'
  if (language.sides.committee.test(phrase)) return 'committee'
  return null
}

const fold = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

/** A word with its doubled letters single: "official" and "oficial" are spelt alike. */
const single = (word: string): string => word.replace(/(\p{L})\1/gu, '$1')

/**
 * The record word a foreign word is the same word as: itself when the records use it (a name, a
 * figure); the record word its ending turns into ("delegación" → "delegation"); or the record word
 * whose stem it shares most letters with from the start, doubled letters read as one
 * ("refugiados" → "refugees", "oficial" → "official"), when they share enough of them. A sound the
 * language puts before a word goes first ("Eslovenia" → "Slovenia"); a common word that looks
 * nothing like its English one is looked up ("mujeres" → "women").
 */
const cognate = (corpus: Corpus, word: string, language: QuestionLanguage): string | null => {
  const folded = fold(word)
  const forms = [
    ...new Set([folded, language.prothesis ? folded.replace(language.prothesis, '') : folded]),
  ]
  const used = (w: string) => (corpus.index.terms.df[corpus.stem(w)] ?? 0) > 0
  // The records' own spelling, unaccented, where it is the same word.
  for (const form of forms) if (used(form)) return form
  // As written ("traite", "traité"), else unaccented, as typed on an English keyboard ("ninos").
  const glossary = language.glossary ?? {}
  const glossed =
    glossary[word.toLowerCase()] ??
    Object.entries(glossary).find(([entry]) => fold(entry) === folded)?.[1]
  if (glossed && used(glossed)) return glossed
  if (used(word)) return word
  for (const form of forms)
    for (const [ending, english] of language.endings ?? []) {
      if (!form.endsWith(ending) || form.length - ending.length < 3) continue
      const turned = form.slice(0, form.length - ending.length) + english
      if (used(turned)) return turned
    }
  let best: { word: string; shared: number } | null = null
  for (const candidate of corpus.index.terms.vocabulary) {
    const stem = single(fold(corpus.stem(candidate)))
    for (const form of forms.map(single)) {
      let shared = 0
      while (shared < form.length && shared < stem.length && form[shared] === stem[shared]) shared++
      const enough = Math.max(4, corpus.policy.cognatePrefix * Math.min(form.length, stem.length))
      if (shared >= enough && (!best || shared > best.shared)) best = { word: candidate, shared }
    }
  }
  return best?.word ?? null
}

/**
 * The topic words of a question: what is left when function words, scaffolding and the `framing`
 * phrases (the speaker, "which of them") go.
 */
const topicOf = (
  corpus: Corpus,
  text: string,
  tokens: readonly Token[],
  language: QuestionLanguage,
  framing: readonly (string | null | undefined)[],
  states: readonly string[],
  sameWord: (bare: string) => string | null
): { topic: TopicWord[]; counts: TopicWord[]; unmatched: string[] } => {
  const spans = framing.flatMap((phrase) => {
    const at = phrase ? text.indexOf(phrase) : -1
    return phrase && at >= 0 ? [{ start: at, end: at + phrase.length }] : []
  })
  const inSpeaker = (t: Token) => spans.some((s) => t.start >= s.start && t.end <= s.end)
  const position = POSITION.exec(text)
  const inPosition = (t: Token) =>
    position !== null && t.start >= position.index && t.end <= position.index + position[0].length
  const topic: TopicWord[] = []
  const counts: TopicWord[] = []
  const unmatched: string[] = []
  const seen = new Set<string>()
  // What a counting question counts: its topic words from the opening on, until a word that is not.
  const counting = language.questions.counting?.exec(text)
  let countFrom = counting ? counting.index + counting[0].length : Infinity
  const take = (token: Token, word: TopicWord | null) => {
    if (token.start < countFrom) return
    if (word) counts.push(word)
    else if (counts.length > 0) countFrom = Infinity
  }
  let afterSide = false
  // "Mr" is always a title; one that is also a word is a title before a name, capitalised
  // ("Justice Ortiz") or one the records know: "the women's justice centres" has none.
  const titles = (at: number) => {
    const token = tokens[at]
    const next = tokens[at + 1]
    if (!token || !HONORIFIC_WORDS.has(token.word)) return false
    if (ABBREVIATED_TITLES.has(token.word)) return true
    if (!next) return false
    const written = text.slice(next.start, next.end)
    return /^\p{Lu}/u.test(written) || corpus.nameStems().has(corpus.stem(next.word))
  }
  for (const [at, token] of tokens.entries()) {
    // "Mr. Charef's question": the name, not its possessive.
    const word = token.word.replace(POSSESSIVE, '')
    const skipped =
      language.stopwords.has(word) ||
      SCAFFOLD.has(word) ||
      word in ORDINALS ||
      titles(at) ||
      inSpeaker(token) ||
      inPosition(token)
    if (skipped || seen.has(word)) {
      take(token, null)
      continue
    }
    // In another language the side ("la delegación", "la délégation slovène") is read as the
    // side, not as topic.
    const foreignSide =
      language !== ENGLISH &&
      (language.sides.committee.test(word) || language.sides.delegation.test(word))
    const followsSide = afterSide
    afterSide = foreignSide
    if (foreignSide) continue
    seen.add(word)
    const written = text.slice(token.start, token.end).replace(POSSESSIVE, '')
    // A capital inside the question marks a name; a digit, a figure: each matches only itself.
    const exact = (token.start > 0 && /^\p{Lu}\p{Ll}/u.test(written)) || /\d/.test(word)
    const bare = bareWord(token, language)
    const foreign = language !== ENGLISH && bare !== '' && !language.stopwords.has(bare)
    const same = foreign ? sameWord(bare) : null
    if (followsSide && namesState(same ?? fold(bare), states)) continue
    // "recomendó" is "recommended", scaffolding as it is in English, and so ends what is counted.
    if (same && SCAFFOLD.has(same)) {
      take(token, null)
      continue
    }
    const read =
      language === ENGLISH
        ? { written, word, exact }
        : same
          ? { written: same, word: same.toLowerCase(), exact }
          : null
    take(token, read)
    if (read) topic.push(read)
    else if (foreign) unmatched.push(written.replace(language.elision ?? /^$/, ''))
  }
  return { topic, counts, unmatched }
}

/**
 * Reads a question. A question that cannot stand alone (it opens with "and" or "what about", or
 * names no topic) follows up the previous turn: it keeps its own topic and takes the previous
 * turn's frame (what was asked of whom), or, naming no topic, takes the previous turn's topic.
 * Only the previous turn counts, so a chain of follow-ups never accumulates topics.
 */
export const readQuestion = (
  corpus: Corpus,
  written: string,
  context: QuestionContext = {}
): Question => {
  const text = spelledOut(corpus, written, context.record ?? null)
  const tokens = corpus.tokens(text)
  const language = detectLanguage(tokens.map((t) => t.word))
  const english = language === ENGLISH
  // "Belarus raised prisons. How did the delegation respond?": the question is its last sentence,
  // what comes before it sets the scene.
  const [asked = text, ...scene] = splitSentences(text)
    .map((span) => text.slice(span.start, span.end))
    .reverse()
  // The States under review in the records asked about: another State named in a report is a speaker.
  const states = corpus.index.records.flatMap((r) =>
    r.state && (!context.record || r.symbol === context.record) ? [r.state] : []
  )
  // A foreign word's record word, looked up once: the speaker and the topic both read it.
  const cognates = new Map<string, string | null>()
  const sameWord = (bare: string): string | null => {
    if (!cognates.has(bare)) cognates.set(bare, cognate(corpus, bare, language))
    return cognates.get(bare) ?? null
  }
  const foreign = english ? null : foreignSpeaker(corpus, tokens, text, language, states, sameWord)
  const named = english ? namedSpeaker(corpus, asked, states) : (foreign?.speaker ?? null)
  // Another language's question names its side in its own words; failing those, the State under
  // review by its name ("Qu'a expliqué la Slovénie …").
  const side = english
    ? named
      ? sideOf(named, states, language)
      : null
    : (sideOf(text, [], language) ?? (named ? sideOf(named, states, language) : null))
  // A side ("the Committee", "the delegation") filters by role; a person or State by name. A
  // question about the dialogue map is about the member who asked ("… reply to Mr. Charef?").
  const askers = english ? askingMembers(corpus, tokens, context.record ?? null) : []
  const [asker = null] = askers
  const speaker =
    context.speaker ??
    (ENGLISH_QUESTIONS.dialogue.test(text) && asker ? asker : named && !side ? named : null)
  const meeting = english ? meetingFieldOf(text) : null
  // "Which of them raised …?" after an answer that quoted several States.
  const anaphor = english && context.previous ? ENGLISH_SPEAKERS.anaphor.exec(text) : null
  const besides = anaphor ? ENGLISH_SPEAKERS.besides.exec(text) : null
  const read = topicOf(
    corpus,
    text,
    tokens,
    language,
    [
      foreign?.written ?? named,
      anaphor?.[0],
      besides?.[0],
      english ? ENGLISH_SPEAKERS.addressee.exec(text)?.[0] : undefined,
      ENGLISH_QUESTIONS.raising.exec(text)?.[0],
      // "How many recommendations on …" counts them: the word is what is asked for there.
      english && !ENGLISH_QUESTIONS.counting.test(text)
        ? ENGLISH_QUESTIONS.recommending.exec(text)?.[0]
        : undefined,
      named && !side ? ENGLISH_QUESTIONS.setting.exec(text)?.[0] : undefined,
      // "On what date …", "In what year …" say what kind of answer, not what about.
      english ? ENGLISH_QUESTIONS.time.exec(text)?.[0] : undefined,
    ],
    states,
    sameWord
  )
  const q = language.questions
  const dialogue = english && ENGLISH_QUESTIONS.dialogue.test(text)
  // "Iran raised hate speech. What did the delegation say?": what the State said to what was raised.
  const answersScene =
    english && side === 'delegation' && scene.some((s) => ENGLISH_QUESTIONS.asking.test(s))
  const replying = !meeting && !dialogue && (q.reply.test(text) || answersScene)
  // "How did the delegation respond to Belarus on prisons?": the reply is on prisons, and need
  // not name Belarus; the name tells whose question it was.
  const askedBy = replying ? askers : []
  // Nor is any other asker it names, even in part ("Iran" for the Islamic Republic of Iran).
  const askerWords = new Set(
    (replying ? corpus.askers(context.record ?? null) : []).flatMap((a) => nameWords(corpus, a))
  )
  // What another speaker said is said to the State under review: its name says nothing of what
  // about ("What did the UK recommend to Slovenia?").
  const toState = (t: TopicWord) => named !== null && !side && namesState(t.word, states)
  const answerType = answerTypeOf(text, language)
  // "How many recommendations …" counts them: a count is said of them, not in any of them; "What
  // did the UK raise and recommend?" asks for what it said too.
  const recommendations =
    q.recommendation.test(text) &&
    answerType !== 'number' &&
    !q.reply.test(text) &&
    !(english && (ENGLISH_QUESTIONS.asking.test(text) || ENGLISH_QUESTIONS.saying.test(text)))
  // Asking for recommendations, in any language, the word names what is asked for, not what about.
  const framing = (t: TopicWord) => recommendations && ENGLISH_QUESTIONS.recommendation.test(t.word)
  const spoken = read.topic.filter((t) => !toState(t) && !framing(t))
  const rest = spoken.filter((t) => !askerWords.has(t.word))
  const topic = rest.length > 0 ? rest : spoken
  const { unmatched } = read
  const intent: Intent = meeting
    ? 'meeting'
    : dialogue
      ? 'dialogue'
      : replying
        ? 'reply'
        : q.broad.test(text) || side !== null
          ? 'broad'
          : speaker && topic.length === 0
            ? 'speaker'
            : 'factual'
  const own: Question = {
    text: written,
    language: language.code,
    tokens,
    intent,
    meeting,
    answerType,
    speaker,
    side: intent === 'reply' ? 'delegation' : side,
    ordinal: ordinalOf(text),
    topic,
    counts: read.counts.filter((t) => topic.includes(t)),
    unmatched,
    record: context.record ?? null,
    followsUp: null,
    unanswered: dialogue && ENGLISH_QUESTIONS.unanswered.test(text),
    asksWhoAsked: english && answerType === 'person' && ENGLISH_QUESTIONS.asking.test(text),
    recommendations,
    refersToSpeakers: anaphor !== null,
    askers: rest.length > 0 ? askedBy : [],
    among: [],
    leaveOut: [],
  }
  const previous = context.previous
  if (!previous || !leans(own)) return own
  const quoted = context.previousAnswer
  // A reply to them ("What did the delegation reply to them?") is looked for as any reply is.
  if (own.refersToSpeakers && quoted && quoted.speakers.length > 0 && intent !== 'reply') {
    // Among those the previous answer quoted: on this question's topic, on the previous one's,
    // or ("What else did they say?") on anything but what it quoted.
    const whatElse = besides !== null && topic.length === 0
    return {
      ...own,
      topic: topic.length > 0 || whatElse ? topic : previous.topic,
      counts: topic.length > 0 || whatElse ? own.counts : previous.counts,
      intent: whatElse
        ? 'speaker'
        : intent === 'factual' && quoted.speakers.length > 1
          ? 'broad'
          : intent,
      among: quoted.speakers,
      leaveOut: besides ? quoted.blocks : [],
      followsUp: previous.text,
    }
  }
  // After "What did Ms. Dzumhur ask about …?", "How did the delegation respond?" is a reply to
  // her question: she is whose question it was, not whose words may answer.
  const who =
    intent === 'reply'
      ? {
          speaker: own.speaker,
          askers: own.askers.length > 0 ? own.askers : previous.speaker ? [previous.speaker] : [],
        }
      : { speaker: own.speaker ?? previous.speaker }
  if (topic.length > 0) {
    // "And what about children?": its own topic, the previous turn's frame; "Did it recommend
    // anything on that?" its own topic and the previous one's.
    const both = pointsBack(own.text)
    const kept = both ? previous.topic.filter((t) => !topic.some((o) => o.word === t.word)) : []
    return {
      ...own,
      ...who,
      topic: [...contrasted(corpus, topic, previous.topic, [...topic, ...kept]), ...kept],
      intent: intent === 'factual' ? previous.intent : intent,
      side: own.side ?? previous.side,
      answerType: own.answerType === 'other' ? previous.answerType : own.answerType,
      // "How many of them …" counts what the previous turn counted.
      counts: ENGLISH_QUESTIONS.partitive.test(own.text) ? previous.counts : own.counts,
      followsUp: previous.text,
    }
  }
  // "What did the delegation reply?": its own frame, the previous turn's topic.
  const framed = intent === 'reply' || intent === 'broad'
  return {
    ...own,
    ...who,
    intent: framed ? intent : previous.intent === 'meeting' ? 'factual' : previous.intent,
    topic: previous.topic,
    counts: previous.counts,
    side: own.side ?? previous.side,
    followsUp: previous.text,
  }
}

/**
 * A follow-up's own words, each with the previous turn's words it replaces: a word of that turn,
 * left out of this one's topic, that sits as near it in vector space as a synonym would. "And at
 * the southern border?" after "… at the northern border?" asks about the one the record may not
 * mention, not about the one it does.
 */
const contrasted = (
  corpus: Corpus,
  own: readonly TopicWord[],
  before: readonly TopicWord[],
  topic: readonly TopicWord[]
): TopicWord[] => {
  const { vectors, policy } = corpus
  const dropped = before.filter((p) => !topic.some((t) => t.word === p.word))
  return own.map((t) => {
    const rank = vectors.rankOf(t.word)
    const unlike = dropped.filter((p) => {
      const other = vectors.rankOf(p.word)
      return (
        rank !== undefined &&
        other !== undefined &&
        vectors.similarity(rank, other) >= policy.synonymSimilarity
      )
    })
    return unlike.length > 0 ? { ...t, unlike: unlike.map((p) => corpus.stem(p.word)) } : t
  })
}

/**
 * Whether a question points back at what the previous turn was about: "… on that?", "… joining
 * that treaty?" (a thing, not the record itself: "this meeting" is the one on record), "How many
 * of them …", "… hoping it gets passed?".
 */
const pointsBack = (text: string): boolean => {
  if (ENGLISH_QUESTIONS.demonstrativeObject.test(text) || ENGLISH_QUESTIONS.partitive.test(text))
    return true
  // Past an opener ("And what did it …"), the pronoun that is the subject is whom it is about.
  const opener = ENGLISH_QUESTIONS.followUp.exec(text)?.[0].length ?? 0
  const subject = ENGLISH_QUESTIONS.pronounSubject.exec(text.slice(opener))
  const after = subject ? text.slice(opener + subject.index + subject[0].length) : text
  if (ENGLISH_QUESTIONS.thingPronoun.test(after)) return true
  const noun = ENGLISH_QUESTIONS.demonstrativePhrase.exec(text)?.[1]
  return noun !== undefined && !STOPWORDS.has(noun) && !SCAFFOLD.has(noun)
}

/** Whether a question leans on the turn before it. */
const leans = (question: Question): boolean => {
  if (question.intent === 'meeting') return false
  if (question.refersToSpeakers) return true
  if (ENGLISH_QUESTIONS.followUp.test(question.text)) return true
  if (ENGLISH_QUESTIONS.pronounSubject.test(question.text)) return true
  if (pointsBack(question.text)) return true
  // A question that names a speaker ("What did Ms. Dzumhur ask?") stands alone.
  if (question.topic.length === 0) return question.speaker === null || question.side !== null
  // "What did they say about it?": a pronoun standing for the previous topic, and little else.
  return question.topic.length <= 1 && question.tokens.some((t) => ANAPHORS.has(t.word))
}
