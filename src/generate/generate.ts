// Generative answers: the model writes from numbered sources, every sentence is verified, the unverified removed.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import type { ChatPromptTemplate } from '@langchain/core/prompts'
import type { Retrieval } from '../answer/assemble.ts'
import { excerptOf } from '../answer/excerpt.ts'
import type { AskResponse, Excerpt } from '../answer/schema.ts'
import type { Block } from '../records/block.ts'
import { citationFor } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import { coverage, queryTerm } from '../retrieve/coverage.ts'
import { STOPWORDS } from '../language/english.ts'
import type { LanguageCode } from '../language/language.ts'
import { languageName } from '../language/language.ts'
import { formatSources, sourcesMarker } from './prompt.ts'
import { quotationsIn, verifyAnswer, withoutCitations } from './verify.ts'

/** A chat model and the prompt it answers, built by the composition root. */
export type Generator = {
  name: string
  model: BaseChatModel
  prompt: ChatPromptTemplate
  /** Rewrites a question in another language into English; without it, such a question is read as written. */
  translation?: ChatPromptTemplate
  /**
   * The model's server says why a stream ended (OpenAI's `finish_reason`, Ollama's `done`): a
   * stream that ends without saying so broke off, however cleanly the connection closed.
   */
  endsWithReason?: boolean
}

export type GenerateOptions = {
  /** Longest the model may take, start to last token. */
  timeoutMs?: number
  /** Paragraphs given to the model as sources. */
  maxSources?: number
  /** Called with each piece of text as the model streams it. */
  onToken?: (token: string) => void | Promise<void>
  /** Aborts the model call: the client has gone. */
  signal?: AbortSignal
}

/**
 * The question in English, for retrieval, by the model; null when the model fails, runs out of
 * time or answers with something that is no question, so that the question is read as written.
 */
export const translateQuestion = async (
  generator: Generator,
  question: string,
  language: LanguageCode,
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {}
): Promise<string | null> => {
  if (!generator.translation) return null
  try {
    const message = await generator.translation
      .pipe(generator.model)
      .invoke(
        { question, language: languageName(language) },
        { signal: AbortSignal.timeout(timeoutMs) }
      )
    const text = (typeof message.content === 'string' ? message.content : '').trim()
    // One line of reasonable length, or it is not the translation asked for.
    return text && !text.includes('\n') && text.length <= 2 * question.length + 40 ? text : null
  } catch {
    return null
  }
}

/**
 * Answers with the model's prose. Sentences whose citations do not verify are removed; when none
 * verifies, or the model fails or runs out of time, the extractive answer is given with the reason.
 */
export const generateAnswer = async (
  generator: Generator,
  corpus: Corpus,
  retrieval: Retrieval,
  extractive: AskResponse,
  { timeoutMs = 60_000, maxSources = 6, onToken, signal }: GenerateOptions = {}
): Promise<AskResponse> => {
  // Sources are numbered paragraphs of one record, so that "[para N]" names exactly one of them.
  const record = retrieval.ranked[0]?.block.record
  const given = retrieval.ranked
    .map((r) => r.block)
    .filter((b) => b.label !== null && b.record === record)
    .slice(0, maxSources)
  const fallBack = (reason: string, generated?: string): AskResponse => ({
    ...extractive,
    fallback: reason,
    ...(generated === undefined ? {} : { generated }),
  })
  if (given.length === 0) return fallBack('no numbered paragraph was retrieved to give the model')
  let text = ''
  try {
    const stream = await generator.prompt.pipe(generator.model).stream(
      {
        question: retrieval.question.text,
        record,
        sources: formatSources(given),
        marker: sourcesMarker(),
        language: languageName(retrieval.question.language),
      },
      {
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      }
    )
    let finished = false
    for await (const chunk of stream) {
      const piece = typeof chunk.content === 'string' ? chunk.content : ''
      text += piece
      const meta = chunk.response_metadata as { finish_reason?: unknown; done?: unknown }
      if (meta.finish_reason != null || meta.done === true) finished = true
      if (piece && onToken) await onToken(piece)
    }
    if (generator.endsWithReason && !finished)
      return fallBack('the model’s stream ended before its answer was finished', text || undefined)
  } catch (error) {
    const why = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed'
    return fallBack(`the model ${why}: ${(error as Error).message}`, text || undefined)
  }
  const sources = new Map(given.map((b) => [b.label as string, b]))
  const verification = verifyAnswer(corpus, text, sources, {
    language: retrieval.question.language,
  })
  const kept = verification.sentences.filter(
    (s) => s.verdict === 'supported' || s.verdict === 'no_claim'
  )
  const supported = kept.filter((s) => s.verdict === 'supported')
  if (supported.length === 0 && kept.length > 0 && kept.length === verification.sentences.length) {
    // The model says the record does not answer, and claims nothing else.
    return {
      ...extractive,
      mode: 'generative',
      kind: 'abstained',
      answer: kept.map((s) => s.text).join(' '),
      abstained: true,
      excerpts: [],
      citations: [],
      alsoMentioned: [],
      generated: text,
      verification,
    }
  }
  if (supported.length === 0) {
    return {
      ...fallBack('no sentence of the model’s answer could be verified', text),
      verification,
    }
  }
  const excerpts = dedupe(
    supported.flatMap((s) => supportFor(s.text, s.citations, sources, corpus))
  )
  return {
    ...extractive,
    mode: 'generative',
    kind: extractive.kind === 'abstained' ? 'factual' : extractive.kind,
    answer: kept.map((s) => s.text).join(' '),
    abstained: false,
    closest: [],
    excerpts,
    citations: [
      ...new Set(
        supported.flatMap((s) => s.citations.map((n) => citationFor(sources.get(n) as Block)))
      ),
    ],
    generated: text,
    verification,
  }
}

/**
 * The verbatim passages a supported sentence stands on: its quotations where it has them, else
 * the sentence of each cited paragraph that best covers what it says.
 */
const supportFor = (
  sentence: string,
  citations: string[],
  sources: Map<string, Block>,
  corpus: Corpus
): Excerpt[] => {
  const quoted = quotationsIn(sentence, sources)
  if (quoted.length > 0)
    return quoted.map(({ block, start, end }) => excerptOf(block, start, end, 1))
  const terms = corpus
    .tokens(withoutCitations(sentence))
    .filter((t) => !STOPWORDS.has(t.word))
    .map((t) => queryTerm(corpus, t.word, false))
  return citations.flatMap((n) => {
    const block = sources.get(n)
    if (!block) return []
    const scored = corpus.sentences(block).map((s) => ({
      ...s,
      score: coverage(terms, s.words, corpus),
    }))
    const best = scored.reduce<(typeof scored)[number] | undefined>(
      (a, b) => (a && a.score >= b.score ? a : b),
      undefined
    )
    return best ? [excerptOf(block, best.start, best.end, best.score)] : []
  })
}

const dedupe = (excerpts: Excerpt[]): Excerpt[] => {
  const seen = new Set<string>()
  return excerpts.filter((e) => {
    const key = `${e.record}#${e.block}@${e.start}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
}
