// One answer in the mode a request asks for: extractive, or generative when a chat model is there.
import type { Retrieval } from '../answer/answer.ts'
import { answerFrom } from '../answer/answer.ts'
import type { AskQuery, AskResponse } from '../answer/schema.ts'
import type { SearchIndex } from '../index/search-index.ts'
import type { GenerateOptions, Generator } from './generate.ts'
import { generateAnswer } from './generate.ts'

/**
 * Generative when a model is configured and the request does not ask for `extractive`; a request
 * for `generative` without a model gets the extractive answer and the reason.
 */
export const answerInMode = async (
  index: SearchIndex,
  generator: Generator | null,
  query: Pick<AskQuery, 'mode'>,
  retrieval: Retrieval,
  options: GenerateOptions = {}
): Promise<AskResponse> => {
  if (generator && query.mode !== 'extractive') {
    return generateAnswer(generator, index, retrieval, options)
  }
  const extractive = await answerFrom(index, retrieval)
  return query.mode === 'generative' && !generator
    ? { ...extractive, fallback: 'no chat model is configured (RAPPORTEUR_LLM)' }
    : extractive
}
