// The answer prompt: system and user templates from prompts/, and the numbered sources they are given.
import { ChatPromptTemplate } from '@langchain/core/prompts'
import { readFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { ROLE_LABELS, citationFor, type Block } from '../records/block.ts'

/** Reads `answer-system.md` and `answer-user.md` from `dir` into one chat prompt. */
export const loadAnswerPrompt = (dir: string): Promise<ChatPromptTemplate> =>
  loadPrompt(dir, 'answer')

/** Reads `translate-system.md` and `translate-user.md`: a question into English, for retrieval. */
export const loadTranslationPrompt = (dir: string): Promise<ChatPromptTemplate> =>
  loadPrompt(dir, 'translate')

const loadPrompt = async (dir: string, name: string): Promise<ChatPromptTemplate> => {
  const [system, user] = await Promise.all(
    [`${name}-system.md`, `${name}-user.md`].map((file) => readFile(join(dir, file), 'utf8'))
  )
  // The system text is fixed: braces in it are literal, never template variables.
  return ChatPromptTemplate.fromMessages([
    ['system', (system ?? '').replace(/[{}]/g, (brace) => brace + brace)],
    ['human', user ?? ''],
  ])
}

/**
 * What record text may not carry into the prompt: the markers' brackets, and a "[para N]" that
 * would pass for a source of its own. They are written with look-alike brackets; the excerpts
 * users see are sliced from the record, never from this text.
 */
const FORGEABLE = /<{2,}|>{2,}|\[\s*(?=paras?\b)/gi

const neutralise = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(FORGEABLE, (match) =>
      match.startsWith('<')
        ? '‹'.repeat(match.length)
        : match.startsWith('>')
          ? '›'.repeat(match.length)
          : '('
    )

/**
 * The sources as the model reads them: one numbered paragraph a line, with record and speaker.
 * Values filled into a template are never parsed as template text, so a paragraph cannot add
 * variables to the prompt; its brackets are neutralised, and the sources block is closed by a
 * marker drawn afresh for each request, so that record text can neither close the block nor pass
 * for a source.
 */
export const formatSources = (blocks: Block[]): string =>
  blocks
    .map((b) => {
      const who = b.speaker
        ? `${neutralise(b.speaker)} (${b.roles.map((r) => ROLE_LABELS[r]).join(', ')})`
        : 'The record'
      return `[para ${b.label}] ${citationFor(b)}. ${who}: ${neutralise(b.text)}`
    })
    .join('\n')

/** A marker for one request's sources block: record text cannot know it in advance. */
export const sourcesMarker = (): string => randomUUID()
