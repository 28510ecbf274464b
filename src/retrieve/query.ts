// Question analysis: whose words are asked for, what kind of answer is wanted, and whether it is an exchange.
import type { SearchIndex } from '../index/search-index.ts'
import { STOPWORDS, tokenize } from '../text/tokenize.ts'
import { speakerBlocks } from './speaker.ts'

export type AnswerType = 'number' | 'duration' | 'time' | 'person' | 'other'

export type QueryAnalysis = {
  /** A speaker or role the question is about ("What did Ms. Dzumhur ask?"), or null. */
  speaker: string | null
  /** The question without the speaker phrase, for judging what it is about. */
  topic: string
  /** The topic's content words only: what the retrievers should look for. */
  focus: string
  answerType: AnswerType
  /** "first" → 1, "second" → 2, "last" → -1: which of several like events is meant, or null. */
  ordinal: number | null
  /** Asks for a question and its reply ("… and what did the delegation reply?"). */
  exchange: boolean
}

// Question scaffolding that carries no topic: "How many …", "What did the Committee ask …, and what
// did the delegation reply?". In a summary record every paragraph is someone asking or answering.
export const SCAFFOLD: ReadonlySet<string> = new Set(
  `many much number did ask asked say said tell told happen happened want wanted know reply replied
  respond responded response answer answered raise raised question questions committee delegation
  time`.split(/\s+/)
)

const SPEECH_VERB = String.raw`(?:ask|asks|asked|say|says|said|want|wants|wanted|raise|raised|mention|mentioned|note|noted|request|requested|propose|proposed|suggest|suggested|wonder|wondered|stress|stressed|think|reply|replied|answer|answered|respond|responded|tell|told|recommend|recommended|welcome|welcomed|express|expressed|highlight|highlighted|emphasi[sz]e|emphasi[sz]ed|like|wish|wished|hope|hoped|report|reported|explain|explained)`
const ABOUT_SPEAKER = new RegExp(
  String.raw`^\s*(?:what|which\s+\w+|how)\s+(?:did|does|do|has|have|had|was|were|is)\s+(?<speaker>.+?)\s+${SPEECH_VERB}\b`,
  'i'
)
// "Which Committee member asked …", "Which rapporteur …": the answer is one of them.
const MEMBER = /^\s*(?:which|what)\s+(?:committee\s+)?(member|rapporteur|country\s+rapporteur)s?\b/i
const ASKING = /\b(?:ask|asks|asked|question|questions|raise|raised)\b/i
const REPLYING = /\b(?:repl\w*|respon\w*|answer\w*)\b/i

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: -1,
  final: -1,
}

// "Her closing remarks", "his opening statement", "at the end of the meeting": a position in the
// meeting, not a topic.
const POSITION =
  /\b(?:(?<remarks>opening|introductory|initial|closing|concluding|final|last)\s+(?:remarks|statements?|comments|words|observations)|at\s+the\s+(?<at>start|beginning|outset|end|close)\s+of\s+the\s+(?:meeting|dialogue|session))\b/i
const OPENING = /^(?:opening|introductory|initial|start|beginning|outset)$/i

const ordinalOf = (question: string): number | null => {
  const groups = POSITION.exec(question)?.groups
  const at = groups?.remarks ?? groups?.at
  if (at) return OPENING.test(at) ? 1 : -1
  const word = /\b(first|second|third|fourth|last|final)\b/i.exec(question)?.[1]?.toLowerCase()
  return word ? (ORDINALS[word] ?? null) : null
}

const answerTypeOf = (question: string): AnswerType => {
  if (/^\s*(?:how\s+long|for\s+how\s+long|for\s+what\s+period)\b/i.test(question)) return 'duration'
  if (
    /^\s*(?:how\s+(?:many|much|far|often)|by\s+how\s+much|what\s+(?:share|percentage|proportion|number|capacity|amount))\b/i.test(
      question
    )
  ) {
    return 'number'
  }
  if (
    /^\s*(?:when|since\s+when|at\s+what\s+time|what\s+time\s+(?:did|was|were|does|is)|in\s+what\s+year|what\s+year|on\s+what\s+date)\b/i.test(
      question
    )
  ) {
    return 'time'
  }
  if (
    /^\s*(?:who|whom|which\s+(?:committee\s+)?(?:member|members|speaker|delegate|rapporteur))\b/i.test(
      question
    )
  ) {
    return 'person'
  }
  return 'other'
}

/** Analyses a question against the speakers of the index. */
export const analyseQuery = (index: SearchIndex, question: string): QueryAnalysis => {
  const exchange = ASKING.test(question) && REPLYING.test(question)
  const answerType = answerTypeOf(question)
  const phrase = ABOUT_SPEAKER.exec(question)?.groups?.speaker
  const named =
    phrase && speakerBlocks(index.blocks, phrase).size > 0
      ? phrase
      : (MEMBER.exec(question)?.[1] ?? null)
  // In an exchange the named member asks and the delegation replies: no filter, but the name is
  // still not what the question is about.
  const speaker = exchange ? null : named
  const topic = (named ? question.replace(named, ' ') : question).replace(POSITION, ' ')
  const focus = tokenize(topic)
    .map(({ word }) => word)
    .filter((word) => !STOPWORDS.has(word) && !SCAFFOLD.has(word) && !(word in ORDINALS))
    .join(' ')
  return {
    speaker,
    topic,
    focus: focus || topic,
    answerType,
    ordinal: ordinalOf(question),
    exchange,
  }
}
