// The answer prompt: system and user templates from prompts/, and the numbered sources they are given.
import { ChatPromptTemplate } from '@langchain/core/prompts'
import { readFile } from 'node:fs/promises'
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
 * The sources as the model reads them: one numbered paragraph a line, with record and speaker.
 * Values filled into a template are never parsed as template text, so a paragraph cannot add
 * variables or instructions to the prompt; it stays inside the sources block.
 */
export const formatSources = (blocks: Block[]): string =>
  blocks
    .map((b) => {
      const who = b.speaker
        ? `${b.speaker} (${b.roles.map((r) => ROLE_LABELS[r]).join(', ')})`
        : 'The record'
      return `[para ${b.label}] ${citationFor(b)}. ${who}: ${b.text.replace(/\s+/g, ' ')}`
    })
    .join('\n')
