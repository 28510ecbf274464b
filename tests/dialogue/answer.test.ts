import { beforeAll, describe, expect, it } from 'vitest'
import { AskRequestSchema } from '../../src/answer/schema.ts'
import { composePipeline } from '../../src/compose.ts'
import type { Pipeline } from '../../src/pipeline/pipeline.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let pipeline: Pipeline
beforeAll(async () => {
  pipeline = composePipeline((await openRealIndex()).index)
})

const answer = (question: string) => pipeline.ask(AskRequestSchema.parse({ question }))

describe('questions about the dialogue map, in chat and /api/ask', () => {
  it('answers "Did the delegation answer Ms. X’s question about …?" with both sides cited', async () => {
    const response = await answer(
      "Did the delegation answer Ms. Dzumhur's question about trafficking?"
    )
    expect(response.kind).toBe('dialogue')
    expect(response.answer).toMatch(/^Ms\. Dzumhur asked \(CMW\/C\/SR\.593, para\. 5\):/)
    expect(response.excerpts[0]).toMatchObject({ speaker: 'Ms. Dzumhur', side: 'committee' })
    expect(response.excerpts[0]?.text).toContain('trafficking')
    expect(response.excerpts.slice(1).every((e) => e.side === 'delegation')).toBe(true)
  })

  it('lists the questions left without a reply, each with the honest "no reply recorded"', async () => {
    const response = await answer('Which questions did Mexico not answer?')
    expect(response.answer).toMatch(/^\d+ questions have no reply recorded in CMW\/C\/SR\.593:/)
    expect(response.answer).toMatch(
      /No reply is recorded in CMW\/C\/SR\.593 \(the question: para\. \d+\)\.\nThe delegation's paragraphs closest to it: para\. \d+, para\. \d+, para\. \d+\./
    )
    expect(response.excerpts.every((e) => e.side === 'committee')).toBe(true)
    const map = await pipeline.dialogue('CMW/C/SR.593')
    expect(response.answer).toContain(`${map.counts.no_reply} questions have no reply recorded`)
  })

  it('answers "What did the delegation reply to Mr. Y?" with that member’s questions only', async () => {
    const response = await answer('What did the delegation reply to Mr. Charef?')
    const asked = response.excerpts.filter((e) => e.side === 'committee')
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every((e) => e.speaker === 'Mr. Charef')).toBe(true)
  })

  it('says so when the map holds no such question', async () => {
    const response = await answer("Did the delegation answer Ms. Dzumhur's question about whaling?")
    expect(response).toMatchObject({ abstained: true, excerpts: [] })
    expect(response.answer).toBe(
      'No question by Ms. Dzumhur on “whaling” is recorded in CMW/C/SR.593.'
    )
  })
})
