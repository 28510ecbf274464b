import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/answer/schema.ts'
import { AskRequestSchema } from '../../src/answer/schema.ts'
import { excerptOf, mergeExcerpts, standingExcerpt } from '../../src/answer/excerpt.ts'
import { composePipeline } from '../../src/compose.ts'
import { DEFAULT_POLICY } from '../../src/policy.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import type { Pipeline } from '../../src/pipeline/pipeline.ts'
import { PROJECT_ROOT, loadConfig } from '../../src/config.ts'
import { ensureIndex } from '../../src/index/load.ts'
import { loadVectors } from '../../src/index/vectors.ts'
import { openRealIndex } from '../fixtures/real-index.ts'
import { SHARED_UPR } from '../fixtures/shared-documents.ts'

let index: SearchIndex
let pipeline: Pipeline
beforeAll(async () => {
  index = (await openRealIndex()).index
  pipeline = composePipeline(index)
})

const answer = (question: string) => pipeline.ask(AskRequestSchema.parse({ question }))

/** Every excerpt is verbatim at its offsets, and the answer's text quotes it as it is. */
const expectGrounded = (response: AskResponse) => {
  for (const e of response.excerpts) {
    expect(index.byKey.get(`${e.record}#${e.block}`)?.text.slice(e.start, e.end)).toBe(e.text)
    expect(response.answer).toContain(`“${e.text}”`)
  }
}

describe('broad answers', () => {
  it('quote the sentence that carries a point on, though it does not repeat the topic’s words', async () => {
    const response = await answer(
      'What did the delegation say about consular assistance to Mexicans in the United States?'
    )
    const para47 = response.excerpts.filter((e) => e.paragraph === 47).map((e) => e.text)
    expect(para47.join(' ')).toContain('consular assistance to Mexicans')
    expect(para47.join(' ')).toContain('legal advice had been provided in 5,991 cases')
    expectGrounded(response)
  })

  it('quote every paragraph on the topic, grouped by side and in record order, each with its speaker', async () => {
    const response = await answer('What did the Committee ask about discrimination?')
    expect(response.kind).toBe('broad')
    const paragraphs = response.excerpts.map((e) => e.paragraph)
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => (a ?? 0) - (b ?? 0)))
    expect(new Set(paragraphs).size).toBeGreaterThanOrEqual(2)
    expect(response.excerpts.every((e) => e.side === 'committee')).toBe(true)
    expect(response.answer).toMatch(/^What the Committee asked or said:\n- Ms\. Diallo \(Chair/)
    expectGrounded(response)
  })

  it('quote further paragraphs down to the broad threshold once one paragraph answers, never above the answering one', async () => {
    const withBroad = (broadRelevance: number) =>
      composePipeline(index, { policy: { ...DEFAULT_POLICY, broadRelevance } })
    const ask = (p: Pipeline, question: string) => p.ask(AskRequestSchema.parse({ question }))
    const question = 'What did the delegation say about the northern border?'
    const strict = await ask(withBroad(DEFAULT_POLICY.relevance), question)
    const loose = await ask(withBroad(0.02), question)
    expect(loose.citations.length).toBeGreaterThan(strict.citations.length)
    for (const c of strict.citations) expect(loose.citations).toContain(c)
    expect(await ask(withBroad(1), question)).toEqual(strict)
    expectGrounded(loose)
  })

  it('quote every sentence of a paragraph that bears on the topic, however few a factual answer takes', async () => {
    const oneEach = composePipeline(index, {
      policy: { ...DEFAULT_POLICY, sentencesPerParagraph: 1 },
    })
    const response = await oneEach.ask(
      AskRequestSchema.parse({ question: 'What did the delegation say about refugees?' })
    )
    expect(response.kind).toBe('broad')
    const sentences = new Map<string, number>()
    for (const e of response.excerpts)
      sentences.set(
        e.block,
        (sentences.get(e.block) ?? 0) + (e.text.match(/\.(?:\s|$)/g) ?? []).length
      )
    expect(Math.max(...sentences.values())).toBeGreaterThan(1)
    expectGrounded(response)
  })

  it('answer "Who asked about …" from those who put questions, naming the rest', async () => {
    const response = await answer(
      'Who asked about the mobile phone application for Mexicans in the United States?'
    )
    expect(response.kind).toBe('broad')
    expect(response.excerpts.length).toBeGreaterThan(0)
    expect(response.excerpts.every((e) => e.side === 'committee')).toBe(true)
    expect(response.alsoMentioned).toContain('CMW/C/SR.593, para. 47')
  })

  it('name further paragraphs that mention the topic without quoting them', async () => {
    const response = await answer('Summarise what the delegation said about refugees')
    expect(response.excerpts.every((e) => e.side === 'delegation')).toBe(true)
    for (const also of response.alsoMentioned) expect(response.citations).not.toContain(also)
    if (response.alsoMentioned.length > 0)
      expect(response.answer).toMatch(/\nAlso mentioned in CMW\/C\/SR\.593, paras? \d/)
  })
})

describe('factual answers', () => {
  it('give a figure for a place or a people only from a sentence that names them', async () => {
    const ask = (where: string) =>
      answer(`How many calls a day did the information centre for Mexicans in ${where} receive?`)
    const canada = await ask('Canada')
    expect(canada.kind).toBe('factual')
    expect(canada.excerpts[0]?.text).toContain('778 calls per day')
    // The record names Guatemala elsewhere, never with the centre's calls.
    const guatemala = await ask('Guatemala')
    expect(guatemala.abstained).toBe(true)
    expect(guatemala.answer).toContain('No paragraph on it gives a figure.')
  })

  it('take the lead paragraph’s further sentences on an open question, one sentence for a figure', async () => {
    const open = await answer('What help do refugees get to find work?')
    expect(open.kind).toBe('factual')
    const lead = open.excerpts.filter((e) => e.paragraph === open.excerpts[0]?.paragraph)
    // More than one sentence of it, consecutive ones as one passage.
    expect(lead.map((e) => e.text).join(' ')).toMatch(/\.\s+\S/)
    const figure = await answer(
      'How many migrant integration centres are there at the northern border?'
    )
    expect(figure.excerpts.filter((e) => e.paragraph === 19)).toHaveLength(1)
    expectGrounded(open)
  })

  it('give a figure for "how many X" only from a sentence that names X, and otherwise abstain', async () => {
    const counted = await answer('How many unaccompanied children were granted refugee status?')
    expect(counted.abstained).toBe(false)
    expect(counted.excerpts[0]?.text).toContain('41,610 unaccompanied children')
    // The record gives the figure for children, not for Venezuelan nationals.
    const other = await answer('How many Venezuelan nationals were granted refugee status?')
    expect(other.abstained).toBe(true)
    expect(other.answer).toContain('No paragraph on it gives a figure')
  })

  it('never give a figure from a sentence that asks for it, and abstain when only the question holds one', async () => {
    // Para. 3 asks for "the number of unaccompanied minors who had temporary permits … between 2018 and 2023".
    const response = await answer(
      'How many unaccompanied minors had temporary permits on humanitarian grounds?'
    )
    expect(response.abstained).toBe(true)
    expect(response.answer).toContain('No paragraph on it gives a figure')
  })

  it('lead with the sentence that answers, before the further ones of its paragraph', async () => {
    const response = await answer('What has been done on access to education for migrant children?')
    const [lead, ...rest] = response.excerpts
    const sameParagraph = rest.filter((e) => e.paragraph === lead?.paragraph)
    for (const e of sameParagraph) expect(lead?.score).toBeGreaterThanOrEqual(e.score)
    expectGrounded(response)
  })
})

describe('excerpts that stand on their own', () => {
  it('reach back to the sentence a leaning one depends on, still verbatim at its offsets', () => {
    const block = index.blocks.find((b) => b.text.includes('Furthermore, it had ruled'))
    if (!block) throw new Error('no such paragraph')
    const sentences = pipeline.corpus.sentences(block)
    const at = sentences.findIndex((s) => s.text.startsWith('Furthermore, it had ruled'))
    expect(at).toBeGreaterThan(0)
    const excerpt = standingExcerpt(pipeline.corpus, block, at, 1)
    expect(excerpt.start).toBe(sentences[at - 1]?.start)
    expect(excerpt.text.endsWith(sentences[at]?.text ?? '')).toBe(true)
    expect(block.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text)
  })

  it.each([
    ['reach back when the opening phrase refers back', 'Based on the findings of that study', true],
    ['reach back over a connective', 'Nevertheless, it brought challenges', true],
    [
      'reach back for the subject after an opening word',
      'Altogether, they had a daily capacity',
      true,
    ],
    [
      'reach back for what a short sentence’s pronoun stands for',
      'Were any statistics available on its use',
      true,
    ],
    [
      'leave alone a long sentence that names what its pronoun stands for',
      'Her Government, which was in constant communication with its Canadian counterpart',
      false,
    ],
    ['leave alone an expletive "there"', 'There had been reports that Mexican workers', false],
    [
      'leave alone an expletive "it"',
      'It would be interesting to learn whether the Mexican authorities',
      false,
    ],
  ])('%s: "%s …"', (_, opening, reaches) => {
    const block = index.blocks.find((b) => b.text.includes(opening))
    if (!block) throw new Error(`no paragraph with "${opening}"`)
    const sentences = pipeline.corpus.sentences(block)
    const at = sentences.findIndex((s) => s.text.startsWith(opening))
    expect(at).toBeGreaterThan(0)
    const excerpt = standingExcerpt(pipeline.corpus, block, at, 1)
    expect(excerpt.start < (sentences[at]?.start ?? 0)).toBe(reaches)
    expect(block.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text)
  })

  it('run on to the next sentence when it qualifies the quoted one ("However, …")', () => {
    const block = index.blocks.find((b) => b.text.includes('However, it was true that'))
    if (!block) throw new Error('no such paragraph')
    const sentences = pipeline.corpus.sentences(block)
    const at = sentences.findIndex((s) => s.text.startsWith('However, it was true that')) - 1
    expect(at).toBeGreaterThanOrEqual(0)
    const excerpt = standingExcerpt(pipeline.corpus, block, at, 1)
    expect(excerpt.end).toBe(sentences[at + 1]?.end)
    expect(block.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text)
  })

  it('merge overlapping spans of one paragraph into one, its text sliced afresh from the block', () => {
    const block = index.blocks.find((b) => b.paragraph === 46)
    if (!block) throw new Error('no paragraph 46')
    const cut = block.text.indexOf('. ') + 2
    const merged = mergeExcerpts(block, [
      excerptOf(block, 0, cut, 0.4),
      excerptOf(block, cut - 2, block.text.length, 0.7),
    ])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ start: 0, end: block.text.length, score: 0.7 })
    expect(merged[0]?.text).toBe(block.text)
  })

  it('merge consecutive sentences into one passage, and keep apart those a sentence lies between', () => {
    const block = index.blocks.find((b) => b.paragraph === 19)
    if (!block) throw new Error('no paragraph 19')
    const [first, second, third] = pipeline.corpus.sentences(block)
    if (!first || !second || !third) throw new Error('paragraph 19 has fewer than three sentences')
    const span = (s: { start: number; end: number }) => excerptOf(block, s.start, s.end, 0.5)
    const next = mergeExcerpts(block, [span(first), span(second)])
    expect(next).toHaveLength(1)
    expect(next[0]?.text).toBe(block.text.slice(first.start, second.end))
    expect(mergeExcerpts(block, [span(first), span(third)])).toHaveLength(2)
  })

  it('leave a sentence that stands alone as it is', () => {
    const block = index.blocks.find((b) => b.paragraph === 19)
    if (!block) throw new Error('no paragraph 19')
    const sentences = pipeline.corpus.sentences(block)
    const excerpt = standingExcerpt(pipeline.corpus, block, 0, 1)
    expect(excerpt.text).toBe(sentences[0]?.text)
  })
})

describe('replies', () => {
  it('quote the reply’s paragraph whole, its facts beyond the sentences sharing the question’s words', async () => {
    const response = await answer(
      'How did Mexico respond to the question on the detention of migrant children?'
    )
    expect(response.kind).toBe('reply')
    const quoted = response.excerpts.filter((e) => e.paragraph === 17)
    expect(quoted).toHaveLength(1)
    const [whole] = quoted
    expect(whole?.text).toBe(index.byKey.get(`${whole?.record}#${whole?.block}`)?.text.trim())
    for (const fact of [
      'Federal Public Defender Institute',
      '36 hours',
      'two Venezuelan nationals',
    ])
      expect(whole?.text).toContain(fact)
    expectGrounded(response)
  })
})

describe('questions about the meeting itself', () => {
  it.each([
    ['Where was the meeting held?', /Palais Wilson, Geneva/],
    ['Who chaired the meeting?', /chaired/],
  ])('answers "%s" from the masthead, cited to the cover page', async (question, pattern) => {
    const response = await answer(question)
    expect(response).toMatchObject({ kind: 'meeting', abstained: false, excerpts: [] })
    expect(response.answer).toMatch(pattern)
    expect(response.citations).toEqual(['CMW/C/SR.593, cover page'])
  })

  it.each([
    ['When was this record distributed?', /^Distributed on \d{1,2} \w+ \d{4}\./],
    ['What is the original language of the record?', /^Original: English\./],
  ])('answers "%s" from the cover page', async (question, pattern) => {
    const response = await answer(question)
    expect(response).toMatchObject({ kind: 'meeting', abstained: false })
    expect(response.answer).toMatch(pattern)
    expect(response.citations).toEqual(['CMW/C/SR.593, cover page'])
  })

  it('quotes the agenda items from the record’s own headings, where it prints every one', async () => {
    const response = await answer('What was on the agenda?')
    expect(response.kind).toBe('meeting')
    expect(response.citations).toEqual(['CMW/C/SR.593, heading-1'])
    expect(response.excerpts[0]?.text).toMatch(
      /^Consideration of reports submitted by States Parties/
    )
    expectGrounded(response)
  })

  it('quotes the report under consideration from the record’s own heading, which the user can open', async () => {
    const response = await answer('Which report did the Committee consider?')
    expect(response.kind).toBe('meeting')
    expect(response.citations).toEqual(['CMW/C/SR.593, heading-2'])
    expect(response.excerpts[0]?.text).toMatch(/^Fourth periodic report of Mexico \(continued\)/)
    expectGrounded(response)
  })

  it('says when the meeting ended from the record’s own procedural line, never a suspension', async () => {
    const response = await answer('When did the meeting end?')
    expect(response.kind).toBe('meeting')
    expect(response.excerpts.map((e) => e.text)).toEqual(['The meeting rose at 1.05 p.m.'])
    expect(response.citations).toEqual(['CMW/C/SR.593, procedural-4'])
  })

  it('names the country rapporteurs where the record first calls them so, cited there', async () => {
    const response = await answer('Who were the country rapporteurs?')
    expect(response.kind).toBe('meeting')
    const rapporteurs = index.records[0]?.roster.filter((r) =>
      r.roles.includes('country_rapporteur')
    )
    expect(response.excerpts.map((e) => e.speaker)).toEqual(rapporteurs?.map((r) => r.speaker))
    expect(response.excerpts.every((e) => /Rapporteur/.test(e.text))).toBe(true)
    expect(response.citations.some((c) => c.endsWith('cover page'))).toBe(false)
    expectGrounded(response)
  })
})

describe('other languages, without a chat model', () => {
  it('answers from what a question shares with the record when that is enough', async () => {
    const response = await answer('¿Cuántos centros de integración hay en la frontera norte?')
    expect(response.abstained).toBe(false)
    expect(response.excerpts[0]?.paragraph).toBe(19)
  })

  it('says plainly that a question could not be matched, with no list of missing words', async () => {
    const response = await answer('¿Qué dijo la delegación sobre los murciélagos?')
    expect(response.abstained).toBe(true)
    expect(response.answer).toContain('none of its words could be matched')
    expect(response.answer).not.toContain('“murciélagos”')
  })
})

describe('two reports of reviews of one State, and a summary record', () => {
  let reviews: Pipeline
  beforeAll(async () => {
    // Beside the repository's record, whose words weigh the others' (in this library the asker's
    // question in A/HRC/43/15 ranks below Pakistan's in A/HRC/28/15).
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-reviews-'))
    await cp(join(PROJECT_ROOT, 'records'), join(dir, 'records'), { recursive: true })
    for (const file of ['a-hrc-28-15.pdf', 'a-hrc-43-15.pdf'])
      await cp(join(SHARED_UPR, file), join(dir, 'records', file))
    const vectors = await loadVectors(loadConfig().vectorsPath)
    const { index } = await ensureIndex(join(dir, 'index'), {
      recordsDir: join(dir, 'records'),
      vectors,
    })
    reviews = composePipeline(index)
  })

  it('quote a named asker’s question from the report asked about, though they spoke in the other too', async () => {
    const response = await reviews.ask(
      AskRequestSchema.parse({
        question:
          'Iran, Pakistan and Costa Rica all raised hate speech. What did the delegation say back during the dialogue?',
        record: 'A/HRC/43/15',
      })
    )
    expect(response.kind).toBe('reply')
    expect(response.excerpts.length).toBeGreaterThan(0)
    expect(new Set(response.excerpts.map((e) => e.record))).toEqual(new Set(['A/HRC/43/15']))
  })

  it('take a reply from the review the question was put in, not from the other review', async () => {
    const response = await reviews.ask(
      AskRequestSchema.parse({
        question: 'Pakistan raised hate speech. How did the delegation respond?',
      })
    )
    expect(response.kind).toBe('reply')
    const asked = response.excerpts.filter((e) => e.side !== 'delegation')
    const replied = response.excerpts.filter((e) => e.side === 'delegation')
    expect(asked.length).toBeGreaterThan(0)
    expect(replied.length).toBeGreaterThan(0)
    const records = new Set(asked.map((e) => e.record))
    expect(replied.every((e) => records.has(e.record))).toBe(true)
  })
})

describe('a reply in the words of the question as the record puts it', () => {
  let replies: Pipeline
  beforeAll(async () => {
    // A member's call, not a request the dialogue map reads as a question, and a concern that
    // nothing answers.
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-replies-'))
    await cp(join(PROJECT_ROOT, 'records'), join(dir, 'records'), { recursive: true })
    await cp(join(PROJECT_ROOT, 'tests/fixtures/replies'), join(dir, 'records'), {
      recursive: true,
    })
    const vectors = await loadVectors(loadConfig().vectorsPath)
    const { index } = await ensureIndex(join(dir, 'index'), {
      recordsDir: join(dir, 'records'),
      vectors,
    })
    replies = composePipeline(index)
  })

  const ask = (question: string) =>
    replies.ask(AskRequestSchema.parse({ question, record: 'CCPR/C/SR.9100' }))

  it('quote the reply that shares the record’s words for the question, not the user’s', async () => {
    const response = await ask(
      'How did the delegation respond to the concern that the accession bill had stalled in the Senate?'
    )
    expect(response.kind).toBe('reply')
    const replied = response.excerpts.filter((e) => e.side === 'delegation')
    expect(replied).toHaveLength(1)
    expect(replied[0]?.text).toContain('the Government would ratify the Optional Protocol')
    // The question is quoted as far as the reply was found by it: the call that follows the concern.
    expect(response.answer).toContain(
      'He called on the State party to ratify the Optional Protocol'
    )
  })

  it('still record no reply where nothing answers the question in the record’s words either', async () => {
    const response = await ask(
      'How did the delegation respond to the closure of the radio station in the north?'
    )
    expect(response.answer).toMatch(/^No reply is recorded in CCPR\/C\/SR\.9100/)
    expect(response.excerpts.every((e) => e.side !== 'delegation')).toBe(true)
  })
})

describe('a report of a review', () => {
  let report: Pipeline
  let reportIndex: SearchIndex
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapporteur-report-'))
    await cp(join(SHARED_UPR, 'a-hrc-28-15.pdf'), join(dir, 'records', 'a-hrc-28-15.pdf'))
    const vectors = await loadVectors(loadConfig().vectorsPath)
    const { index } = await ensureIndex(join(dir, 'index'), {
      recordsDir: join(dir, 'records'),
      vectors,
    })
    reportIndex = index
    report = composePipeline(index)
  })

  const labels = (response: AskResponse) => response.excerpts.map((e) => e.label)

  it('reads an acronym as the name the report defines it by: "Ratify ICRMW" is the Migrant Workers Convention', async () => {
    const response = await report.ask(
      AskRequestSchema.parse({
        question:
          'Which countries recommended that Slovenia ratify the Migrant Workers Convention?',
      })
    )
    expect(labels(response)).toEqual(
      expect.arrayContaining(['115.6', '115.7', '115.8', '115.9', '115.10', '115.13'])
    )
    expect(response.answer).toContain('Bosnia and Herzegovina (Other State)')
  })

  it('quotes the items of a recommendations list that continue a run from a quoted item', async () => {
    const question = AskRequestSchema.parse({
      question:
        'Which States called on Slovenia to bring its Human Rights Ombudsman into line with the Paris Principles or to obtain A status?',
    })
    const listed = labels(await report.ask(question))
    const unlisted = labels(
      await composePipeline(reportIndex, {
        policy: { ...DEFAULT_POLICY, listRelevance: 1 },
      }).ask(question)
    )
    expect(unlisted).not.toContain('115.36')
    expect(listed).toEqual(expect.arrayContaining([...unlisted, '115.36']))
  })

  it('quote the reply that names a State whose question the report does not print', async () => {
    // Norway's questions were sent in writing; the report prints only the delegation's answer.
    const response = await report.ask(
      AskRequestSchema.parse({
        question: "How did Slovenia answer Norway's questions about prison overcrowding?",
      })
    )
    expect(response.abstained).toBe(false)
    expect(response.excerpts[0]?.paragraph).toBe(15)
    expect(response.answer).toContain('questions by Norway about overcrowding')
  })

  it('quote what the delegation said on a point, saying so, when the asker named raised no such point in the report', async () => {
    const response = await report.ask(
      AskRequestSchema.parse({
        question: 'Chile raised prison overcrowding. How did Slovenia respond?',
      })
    )
    expect(response.kind).toBe('reply')
    expect(response.answer).toMatch(/^No paragraph of Chile on it is recorded/)
    expect(response.excerpts.map((e) => e.paragraph)).toContain(15)
    expect(response.excerpts.every((e) => e.side === 'delegation')).toBe(true)
  })

  it('find the asker’s own paragraph on the point, however low the question ranks it', async () => {
    const response = await report.ask(
      AskRequestSchema.parse({
        question: 'Norway raised the rights of the Roma. How did Slovenia respond?',
      })
    )
    expect(response.answer).not.toMatch(/No paragraph of Norway/)
    expect(response.excerpts.some((e) => e.speaker === 'Norway')).toBe(true)
  })

  it('read "States" as the recommending States, not as the United States of America', async () => {
    const response = await report.ask(
      AskRequestSchema.parse({
        question: 'What did States recommend on domestic violence and violence against women?',
      })
    )
    expect(response.kind).toBe('broad')
    const speakers = new Set(response.excerpts.map((e) => e.speaker))
    expect(speakers.size).toBeGreaterThan(2)
  })
})
