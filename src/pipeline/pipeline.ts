// The one orchestrator: request → one Question → retrieval → answer assembly (extractive or generative) → response. Server, chat stream, CLI and evals all call it.
import type { Retrieval } from '../answer/assemble.ts'
import { assemble } from '../answer/assemble.ts'
import type { AskQuery, AskResponse } from '../answer/schema.ts'
import { MAX_HISTORY } from '../answer/schema.ts'
import { InvalidRequestError } from '../errors.ts'
import type { Generator } from '../generate/generate.ts'
import { generateAnswer, translateQuestion } from '../generate/generate.ts'
import { findRecord, recordFilter } from '../index/search-index.ts'
import { dialogueAnswer } from '../dialogue/answer.ts'
import { Dialogues } from '../dialogue/map.ts'
import type { DialogueMap, DialogueScope } from '../dialogue/schema.ts'
import type { PreviousAnswer, Question } from '../question/question.ts'
import { questionParts } from '../question/question-parts.ts'
import { readQuestion } from '../question/question.ts'
import { joinAnswers } from '../answer/join.ts'
import { speakersOf } from '../records/speakers.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import type { RankedBlock, RetrieverName } from '../retrieve/search.ts'
import { search, termsOf } from '../retrieve/search.ts'

export type PipelineOptions = {
  /** The chat model for generative answers; without one, answers are extractive. */
  generator?: Generator | null
  /** Longest a generative answer may take before the extractive one is given instead. */
  generationTimeoutMs?: number
}

/** A question as a request states it, before it is read. */
export type QuestionRequest = Pick<AskQuery, 'question' | 'speaker' | 'record'> &
  Partial<Pick<AskQuery, 'history'>>

export type Pipeline = {
  readonly corpus: Corpus
  readonly generative: boolean
  /** Reads a request's question, with its conversation and filters; throws for a filter nothing matches. */
  read(request: QuestionRequest): Question
  retrieve(question: Question, k?: number): Promise<Retrieval>
  /**
   * Answers a request; `onToken` receives a generative answer's text as the model writes it, and
   * `signal` aborts the model call when whoever asked has gone.
   */
  ask(
    request: AskQuery,
    onToken?: (token: string) => Promise<void>,
    signal?: AbortSignal
  ): Promise<AskResponse>
  /** Ranks blocks for a request's question with one retriever, and answers nothing. */
  search(request: QuestionRequest & { mode?: RetrieverName; k?: number }): Promise<RankedBlock[]>
  /**
   * The dialogue map of a record, by symbol or slug: its own questions, or with `scope`
   * "dialogue" those of every record of its dialogue; worked out once per index.
   */
  dialogue(record: string, scope?: DialogueScope): Promise<DialogueMap>
}

export const createPipeline = (
  corpus: Corpus,
  { generator = null, generationTimeoutMs = 60_000 }: PipelineOptions = {}
): Pipeline => {
  const { index } = corpus
  const dialogues = new Dialogues(corpus)

  const read = (
    { question, speaker, record, history = [] }: QuestionRequest,
    previousAnswer: PreviousAnswer | null = null
  ): Question => {
    if (speaker && corpus.speakerBlocks(speaker).size === 0) {
      throw new InvalidRequestError(
        `no speaker or role in the indexed records matches "${speaker}"`
      )
    }
    const context = {
      speaker: speaker ?? null,
      record: record === undefined ? null : recordFilter(index, record),
    }
    // Each earlier turn is read as it was then: only the last one bears on this question.
    const previous = history.reduce<Question | null>(
      (before, turn) => readQuestion(corpus, turn.question, { ...context, previous: before }),
      null
    )
    const own = readQuestion(corpus, question, { ...context, previous, previousAnswer })
    // A follow-up stays in the record the answer it follows cited, unless the request names one.
    const last = history.at(-1)?.record
    if (own.followsUp === null || context.record !== null || last === undefined) return own
    return readQuestion(corpus, question, {
      ...context,
      record: recordFilter(index, last),
      previous,
      previousAnswer,
    })
  }

  const retrieve = async (question: Question, k = 5): Promise<Retrieval> => {
    const ranked = await search(corpus, question, { k: Math.max(k, corpus.policy.judged) })
    return {
      question,
      terms: termsOf(corpus, question),
      ranked,
      retrieved: ranked.slice(0, k).map(({ block, score }) => ({
        record: block.record,
        block: block.id,
        paragraph: block.paragraph,
        label: block.label,
        score: Math.round(score * 1000) / 1000,
      })),
    }
  }

  /**
   * A question in another language, with a chat model that may be used, is read as the model
   * rewrites it in English; it keeps its own text and language, so that it is answered in it.
   */
  const understood = async (request: AskQuery): Promise<Question> => {
    const question = await resolved(request)
    if (question.language === 'en' || !generator || request.mode === 'extractive') return question
    const english = await translateQuestion(generator, request.question, question.language, {
      timeoutMs: generationTimeoutMs,
    })
    if (!english) return question
    return {
      ...read({ ...request, question: english }),
      text: question.text,
      language: question.language,
    }
  }

  /**
   * A question that points at whom the previous answer quoted ("Which of them raised …?") is read
   * with that answer, worked out again as it was given: the server keeps no conversation.
   */
  const resolved = async (request: AskQuery): Promise<Question> => {
    const question = read(request)
    const last = request.history.at(-1)
    if (!question.refersToSpeakers || !last) return question
    const turn = {
      ...request,
      question: last.question,
      record: last.record ?? request.record,
      history: request.history.slice(0, -1),
    }
    const before = await ask({ ...turn, mode: 'extractive' })
    if (before.abstained) return question
    // The answer to "Which States raised …?" names those who asked, not the State that replied.
    const askers = read(turn).answerType === 'person'
    const quoted = before.excerpts.filter((e) => !askers || e.side !== 'delegation')
    return read(request, {
      speakers: [...new Set(quoted.flatMap((e) => (e.speaker ? speakersOf(e.speaker) : [])))],
      blocks: before.excerpts.map((e) => `${e.record}#${e.block}`),
    })
  }

  /** The dialogue maps of the records a question is asked of. */
  const mapsFor = (question: Question): Promise<DialogueMap[]> =>
    Promise.all(
      (question.record ? [question.record] : index.records.map((r) => r.symbol)).map((r) =>
        dialogues.of(r)
      )
    )

  /**
   * A question that asks two things ("When was Slovenia reviewed, and when was the report
   * adopted?") is answered as two, the second read as following the first, and the answers joined.
   */
  const askParts = async (
    request: AskQuery,
    [first, ...rest]: readonly [string, ...string[]]
  ): Promise<AskResponse> => {
    const answers: [AskResponse, ...AskResponse[]] = [await ask({ ...request, question: first })]
    let history = request.history
    let before = first
    for (const part of rest) {
      // The part before is the turn this one follows, with the record its answer cited.
      const cited = [...new Set((answers.at(-1)?.excerpts ?? []).map((e) => e.record))]
      const record = request.record ?? (cited.length === 1 ? cited[0] : undefined)
      history = [...history, { question: before, ...(record ? { record } : {}) }].slice(
        -MAX_HISTORY
      )
      answers.push(await ask({ ...request, question: part, history }))
      before = part
    }
    return joinAnswers(request.question, answers)
  }

  const ask = async (
    request: AskQuery,
    onToken?: (token: string) => Promise<void>,
    signal?: AbortSignal
  ): Promise<AskResponse> => {
    // A model is given the question whole, and answers both things in its own words.
    const parts = !generator || request.mode === 'extractive' ? questionParts(request.question) : []
    const [first, ...rest] = parts
    if (first !== undefined && rest.length > 0) return askParts(request, [first, ...rest])
    const question = await understood(request)
    const retrieval = await retrieve(question, request.k)
    const body =
      question.intent === 'dialogue'
        ? dialogueAnswer(corpus, question, await mapsFor(question))
        : await assemble(corpus, retrieval, {
            // A reply the words miss may be one the dialogue map links.
            maps: question.intent === 'reply' ? await mapsFor(question) : [],
          })
    const extractive: AskResponse = {
      question: request.question,
      mode: 'extractive',
      ...body,
      followsUp: question.followsUp,
      retrieved: retrieval.retrieved,
    }
    // The masthead and the dialogue map are answered as they stand, never rewritten by a model.
    const generated = body.kind !== 'meeting' && body.kind !== 'dialogue'
    if (generator && request.mode !== 'extractive' && generated) {
      return generateAnswer(generator, corpus, retrieval, extractive, {
        timeoutMs: generationTimeoutMs,
        ...(onToken ? { onToken } : {}),
        ...(signal ? { signal } : {}),
      })
    }
    return request.mode === 'generative' && !generator
      ? { ...extractive, fallback: 'no chat model is configured (RAPPORTEUR_LLM)' }
      : extractive
  }

  return {
    corpus,
    generative: generator !== null,
    read,
    retrieve,
    ask,
    search: async ({ mode = 'hybrid', k = 10, ...request }) =>
      search(corpus, read(request), { mode, k }),
    dialogue: (record, scope = 'record') => dialogues.in(findRecord(index, record).symbol, scope),
  }
}
