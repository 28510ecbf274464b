// Follow-up questions: "And what about children?" is read together with the turn before it.
import { SCAFFOLD } from '../retrieve/query.ts'
import { STOPWORDS, tokenize } from '../text/tokenize.ts'

/** A previous turn as the client sends it back: the question as the server resolved it. */
export type Turn = { question: string }

export type Resolution = {
  /** The question to answer: the user's own, or it with the previous turn's topic words added. */
  question: string
  /** The previous question it leaned on, or null when it stands alone. */
  basedOn: string | null
}

// Openers and pronouns that point back at the previous turn.
const OPENER =
  /^\s*(?:and|but|also|so|then|what\s+about|how\s+about|what\s+else|and\s+what|and\s+how)\b/i
const ANAPHORA = /\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b/i

const contentWords = (text: string): string[] =>
  tokenize(text)
    .map((t) => t.word)
    .filter((w) => !STOPWORDS.has(w) && !SCAFFOLD.has(w))

/**
 * Reads a question in the light of the conversation so far. A question that opens with "and",
 * "what about" …, or that is short and points back with a pronoun, or that names almost no topic
 * ("What did the delegation answer?"), takes the previous turn's topic words.
 */
export const resolveFollowUp = (question: string, history: Turn[]): Resolution => {
  const previous = history.at(-1)?.question
  if (!previous) return { question, basedOn: null }
  const own = contentWords(question)
  const leans =
    OPENER.test(question) || own.length <= 1 || (ANAPHORA.test(question) && own.length <= 3)
  if (!leans) return { question, basedOn: null }
  // A few words carry the topic; more would let a long chain of follow-ups drift.
  const carried = [...new Set(contentWords(previous).filter((w) => !own.includes(w)))].slice(0, 8)
  return carried.length === 0
    ? { question, basedOn: null }
    : { question: `${question} (${carried.join(' ')})`, basedOn: previous }
}
