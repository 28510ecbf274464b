// Whether a sentence asks for something rather than states it: a question, or a reported request.
import { ENGLISH_REQUESTS } from '../language/english.ts'

/** A sentence asks when it ends in "?" or reports a request ("She would like to know …"). */
export const isRequest = (sentence: string): boolean =>
  /\?\s*[”"’)]*\s*$/.test(sentence) || ENGLISH_REQUESTS.some((r) => r.test(sentence))
