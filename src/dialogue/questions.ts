// The questions in the Committee's turns: each sentence that asks the State for something, standing on its own, with its topic.
import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import { standingExcerpt } from '../answer/excerpt.ts'
import { POSSESSIVE, SCAFFOLD, STOPWORDS } from '../language/english.ts'
import type { TermStats } from '../index/lexical.ts'
import type { Block } from '../records/block.ts'
import { ASKING_ROLES } from '../records/roles.ts'
import { ROLE_LABELS } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import type { QueryTerm } from '../retrieve/coverage.ts'
import { queryTerm } from '../retrieve/coverage.ts'
import { isRequest } from '../text/requests.ts'

export type AskedQuestion = {
  id: string
  block: Block
  start: number
  end: number
  terms: QueryTerm[]
  /** The question's embedding, for its similarity to reply sentences. */
  vector: number[]
}

/**
 * The content words of a passage, as terms weighted by `stats`; names and figures exact. Words of
 * `leaveOut` (the speaker's name and titles, in their own attribution) are no part of it.
 */
export const termsOfPassage = (
  corpus: Corpus,
  text: string,
  stats: TermStats,
  leaveOut: ReadonlySet<string> = new Set()
): QueryTerm[] => {
  const seen = new Set<string>(leaveOut)
  const terms: QueryTerm[] = []
  for (const token of corpus.tokens(text)) {
    // "the Government’s position": the word, not its possessive.
    const word = token.word.replace(POSSESSIVE, '')
    if (STOPWORDS.has(word) || SCAFFOLD.has(word) || seen.has(word)) continue
    seen.add(word)
    const written = text.slice(token.start, token.end).replace(POSSESSIVE, '')
    const exact = (token.start > 0 && /^\p{Lu}\p{Ll}/u.test(written)) || /\d/.test(word)
    terms.push(queryTerm(corpus, written, exact, stats))
  }
  return terms
}

/** The words of a speaker's name and titles, which their attribution repeats. */
const speakerWords = (corpus: Corpus, block: Block): Set<string> =>
  new Set(
    corpus
      .tokens([block.speaker ?? '', ...block.roles.map((r) => ROLE_LABELS[r])].join(' '))
      .map((t) => t.word)
  )

/**
 * Every question asked in a record's blocks, in record order, its words weighted by `stats` and
 * embedded by `embeddings` (the dialogue's own: a word every paragraph of it uses, such as the
 * State's name, says little).
 */
export const questionsIn = async (
  corpus: Corpus,
  blocks: readonly Block[],
  stats: TermStats,
  embeddings: EmbeddingsInterface
): Promise<AskedQuestion[]> => {
  const asked = blocks
    .filter((b) => b.kind === 'paragraph' && b.roles.some((r) => ASKING_ROLES.includes(r)))
    .flatMap((block) => {
      const spans: { id: string; start: number; end: number }[] = []
      corpus.sentences(block).forEach((sentence, at) => {
        if (!isRequest(sentence.text)) return
        // "Were any statistics available on its use?" is asked with the sentence it leans on;
        // where that sentence asks too, the two are one question, not two that repeat it.
        const { start, end } = standingExcerpt(corpus, block, at, 1)
        const before = spans.at(-1)
        if (before && start < before.end) before.end = Math.max(before.end, end)
        else spans.push({ id: `${block.record}#${block.id}.${at + 1}`, start, end })
      })
      return spans.map(({ id, start, end }) => ({
        id,
        block,
        start,
        end,
        terms: termsOfPassage(
          corpus,
          block.text.slice(start, end),
          stats,
          speakerWords(corpus, block)
        ),
      }))
    })
  const vectors = await embeddings.embedDocuments(
    asked.map((q) => q.block.text.slice(q.start, q.end))
  )
  return asked.map((q, i) => ({ ...q, vector: vectors[i] ?? [] }))
}
