// The questions a question asks: "When was Slovenia reviewed, and when was the report adopted?" asks two.
import { ENGLISH_QUESTIONS } from '../language/english.ts'

/** The fewest words a part must have to be a question of its own ("Who asked, and why?" is one). */
const PART_WORDS = 3

/**
 * The questions a question asks: two where, past a comma, "and" opens a second of its own ("…, and
 * when was the report adopted?", "…, and under which rule?"); one otherwise, a list's last item
 * included ("… water, health, and how schools were funded?").
 */
export const questionParts = (text: string): string[] => {
  const at = ENGLISH_QUESTIONS.secondQuestion.exec(text)
  if (!at) return [text]
  const first = `${text.slice(0, at.index).trim()}?`
  const second = text.slice(at.index + at[0].length).trim()
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length
  if (words(first) < PART_WORDS || words(second) < PART_WORDS) return [text]
  return [first, second.charAt(0).toUpperCase() + second.slice(1)]
}
