import { beforeAll, describe, expect, it } from 'vitest'
import { Dialogues, dialogueKey, exchangesOf } from '../../src/dialogue/map.ts'
import type { DialogueMap } from '../../src/dialogue/schema.ts'
import { DialogueMapSchema } from '../../src/dialogue/schema.ts'
import type { SearchIndex } from '../../src/index/search-index.ts'
import type { Block } from '../../src/records/block.ts'
import type { Role } from '../../src/records/roles.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openDialogueIndex } from '../fixtures/dialogue-index.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

// Two meetings of one dialogue (CRC/C/SR.9001 and its continuation, SR.9002), beside the CMW record.
let index: SearchIndex
let dialogues: Dialogues
let first: DialogueMap
beforeAll(async () => {
  index = await openDialogueIndex()
  dialogues = new Dialogues(new Corpus(index))
  first = await dialogues.of('CRC/C/SR.9001')
})

const byText = (map: DialogueMap, words: string) => {
  const found = map.questions.find((q) => q.excerpt.text.includes(words))
  if (!found) throw new Error(`no question with "${words}"`)
  return found
}

describe('exchangesOf', () => {
  const block = (
    order: number,
    role: Role,
    kind: Block['kind'] = 'paragraph',
    text = 'A paragraph.'
  ): Block => ({
    id: String(order),
    record: 'CED/C/SR.7001',
    kind,
    paragraph: kind === 'paragraph' ? order : null,
    label: kind === 'paragraph' ? String(order) : null,
    order,
    text,
    speaker: role === 'other' ? null : 'Someone',
    role,
    roles: [role],
    state: null,
    turnStart: true,
  })

  it('starts an exchange where a paragraph that asks follows a reply, whoever asks', () => {
    const blocks = [
      block(1, 'other'),
      block(2, 'committee_member'),
      block(3, 'country_rapporteur'),
      block(4, 'state_delegation'),
      block(5, 'other', 'procedural'),
      block(6, 'state_delegation'),
      block(7, 'other_state'),
      block(8, 'state_delegation'),
      block(9, 'chair', 'paragraph', 'The Chair gave the floor to the delegation.'),
      block(10, 'state_delegation'),
      block(11, 'chair', 'paragraph', 'The Chair asked whether a law was planned?'),
    ]
    const exchanges = exchangesOf(blocks)
    // The Chair giving the floor opens no turn of questions; the Chair asking does.
    expect(blocks.map((b) => exchanges.get(b))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2])
  })

  it('keeps a delegation that speaks first in the first exchange', () => {
    const blocks = [block(1, 'state_delegation'), block(2, 'committee_member')]
    const exchanges = exchangesOf(blocks)
    expect(blocks.map((b) => exchanges.get(b))).toEqual([0, 1])
  })
})

describe('the dialogue map', () => {
  it('groups the meetings of one dialogue, "(continued)" and all, and keeps other records apart', () => {
    const [a, b, cmw] = ['CRC/C/SR.9001', 'CRC/C/SR.9002', 'CMW/C/SR.593'].map((s) => {
      const record = index.records.find((r) => r.symbol === s)
      if (!record) throw new Error(`${s} not indexed`)
      return dialogueKey(record)
    })
    expect(a).toBe(b)
    expect(cmw).not.toBe(a)
    expect(first.records).toEqual(['CRC/C/SR.9001', 'CRC/C/SR.9002'])
  })

  it('splits a member’s turn into its questions, each with its speaker and citation', () => {
    expect(first.questions.map((q) => [q.speaker, q.label])).toEqual([
      ['Mr. Lindqvist', '2'],
      ['Mr. Lindqvist', '3'],
      ['Ms. Haddad', '4'],
      ['Ms. Haddad', '4'],
      ['Ms. Haddad', '5'],
    ])
    expect(DialogueMapSchema.parse(first)).toEqual(first)
  })

  it('makes one question of a request and the request it leans on, so that no two repeat a sentence', async () => {
    const map = await dialogues.of('CMW/C/SR.593')
    const inPara38 = map.questions.filter((q) => q.label === '38')
    expect(inPara38).toHaveLength(1)
    expect(inPara38[0]?.excerpt.text).toMatch(/^It would be interesting to learn what measures/)
    for (const q of map.questions)
      for (const other of map.questions)
        if (q !== other && q.block === other.block)
          expect(q.excerpt.end <= other.excerpt.start || other.excerpt.end <= q.excerpt.start).toBe(
            true
          )
  })

  it('links a question to the reply in the same meeting, verbatim at its offsets', () => {
    const age = byText(first, 'minimum age of criminal responsibility')
    expect(age.status).toBe('answered')
    expect(age.replies.map((r) => r.citation)).toEqual(['CRC/C/SR.9001, para. 7'])
    for (const r of age.replies) {
      const block = index.byKey.get(`${r.record}#${r.block}`)
      expect(block?.text.slice(r.excerpt.start, r.excerpt.end)).toBe(r.excerpt.text)
    }
  })

  it('links a question to its reply in the next meeting of the dialogue', () => {
    const benefit = byText(first, 'child benefit')
    expect(benefit.replies.map((r) => r.record)).toContain('CRC/C/SR.9002')
  })

  it('marks a question nothing in the dialogue answers as "no reply recorded"', () => {
    const interpreters = byText(first, 'sign language interpreters')
    expect(interpreters).toMatchObject({ status: 'no_reply', replies: [] })
    expect(first.counts.no_reply).toBeGreaterThanOrEqual(1)
  })

  it('names, for a question with no reply, the delegation’s closest paragraphs after it, and none for one answered', () => {
    const interpreters = byText(first, 'sign language interpreters')
    expect(interpreters.closest.length).toBeGreaterThan(0)
    expect(interpreters.closest.length).toBeLessThanOrEqual(3)
    const asked = index.byKey.get(`${interpreters.record}#${interpreters.block}`)
    for (const c of interpreters.closest) {
      expect(c.role).toBe('state_delegation')
      const block = index.byKey.get(`${c.record}#${c.block}`)
      expect(c.record !== interpreters.record || (block?.order ?? 0) > (asked?.order ?? 0)).toBe(
        true
      )
    }
    for (const q of first.questions) if (q.status !== 'no_reply') expect(q.closest).toEqual([])
  })

  it('works the map out once', async () => {
    expect(await dialogues.of('CRC/C/SR.9001')).toBe(first)
    expect(await dialogues.in('CRC/C/SR.9001', 'record')).toBe(first)
  })

  it('gives the whole dialogue’s questions, each meeting’s in the order they were held, counted together', async () => {
    const second = await dialogues.of('CRC/C/SR.9002')
    expect(second.questions.map((q) => q.speaker)).toEqual(['Ms. Haddad'])
    const whole = await dialogues.in('CRC/C/SR.9002', 'dialogue')
    expect(whole).toMatchObject({
      record: 'CRC/C/SR.9002',
      scope: 'dialogue',
      records: ['CRC/C/SR.9001', 'CRC/C/SR.9002'],
    })
    expect(whole.questions).toEqual([...first.questions, ...second.questions])
    expect(whole.counts).toEqual({
      questions: first.counts.questions + 1,
      answered: first.counts.answered + second.counts.answered,
      partly: first.counts.partly + second.counts.partly,
      no_reply: first.counts.no_reply + second.counts.no_reply,
    })
    expect(DialogueMapSchema.parse(whole)).toEqual(whole)
  })

  it('depends on the records of its dialogue alone, not on what else the library holds', async () => {
    const alone = new Dialogues(new Corpus((await openRealIndex()).index))
    expect(await dialogues.of('CMW/C/SR.593')).toEqual(await alone.of('CMW/C/SR.593'))
  })
})
