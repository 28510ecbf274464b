import { describe, expect, it } from 'vitest'
import type { DialogueMap, DialogueQuestion } from '../../src/dialogue/schema.ts'
import {
  coverage,
  dialogueCsv,
  dialogueMarkdown,
  filterQuestions,
  title,
} from '../../src/dialogue/view.ts'

const question = (over: Partial<DialogueQuestion>): DialogueQuestion => ({
  record: 'CEDAW/C/SR.2001',
  block: '4',
  paragraph: 4,
  label: '4',
  citation: 'CEDAW/C/SR.2001, para. 4',
  speaker: 'Ms. Rana',
  role: 'committee_member',
  id: 'CEDAW/C/SR.2001#4.1',
  excerpt: { text: 'She asked how many shelters were open.', start: 0, end: 38 },
  topic: ['shelters'],
  status: 'no_reply',
  replies: [],
  closest: [],
  ...over,
})

const MAP: DialogueMap = {
  record: 'CEDAW/C/SR.2001',
  scope: 'record',
  records: ['CEDAW/C/SR.2001', 'CEDAW/C/SR.2002'],
  counts: { questions: 2, answered: 1, partly: 0, no_reply: 1 },
  questions: [
    question({
      closest: [
        {
          record: 'CEDAW/C/SR.2002',
          block: '8',
          paragraph: 8,
          label: '8',
          citation: 'CEDAW/C/SR.2002, para. 8',
          speaker: 'A representative of Utopia',
          role: 'state_delegation',
        },
      ],
    }),
    question({
      id: 'CEDAW/C/SR.2001#5.1',
      block: '5',
      paragraph: 5,
      label: '5',
      citation: 'CEDAW/C/SR.2001, para. 5',
      speaker: 'Mr. Bauer',
      excerpt: {
        text: 'He wondered whether the quota law, "as amended", applied.',
        start: 0,
        end: 57,
      },
      status: 'answered',
      replies: [
        {
          record: 'CEDAW/C/SR.2002',
          block: '9',
          paragraph: 9,
          label: '9',
          citation: 'CEDAW/C/SR.2002, para. 9',
          speaker: 'A representative of Utopia',
          role: 'state_delegation',
          score: 0.7,
          excerpt: { text: 'The quota law applied to all | lists.', start: 0, end: 37 },
        },
      ],
    }),
  ],
}

describe('filterQuestions', () => {
  it('narrows by member, by status and by every topic word, in questions and replies', () => {
    expect(filterQuestions(MAP, { member: 'bauer' }).map((q) => q.speaker)).toEqual(['Mr. Bauer'])
    expect(filterQuestions(MAP, { status: 'no_reply' }).map((q) => q.id)).toEqual([
      'CEDAW/C/SR.2001#4.1',
    ])
    expect(filterQuestions(MAP, { q: 'quota lists' })).toHaveLength(1)
    expect(filterQuestions(MAP, { q: 'quota shelters' })).toHaveLength(0)
    expect(filterQuestions(MAP, {})).toHaveLength(2)
  })

  it('refuses a member who asked nothing in the map, naming those who did', () => {
    expect(() => filterQuestions(MAP, { member: 'Nobody' })).toThrow(
      /no member who asked a question in .* matches "Nobody"; those who did: .*Mr\. Bauer/
    )
  })
})

describe('what a map covers', () => {
  it('names one record, two, or a list of them', () => {
    expect(coverage({ ...MAP, records: ['A'] })).toBe('in A')
    expect(coverage(MAP)).toBe('in CEDAW/C/SR.2001 and CEDAW/C/SR.2002')
    expect(coverage({ ...MAP, records: ['A', 'B', 'C'] })).toBe('in A, B and C')
  })

  it('is titled by its record, or by the dialogue of its records', () => {
    expect(title(MAP)).toBe('CEDAW/C/SR.2001')
    expect(title({ ...MAP, scope: 'dialogue' })).toBe(
      'the dialogue of CEDAW/C/SR.2001 and CEDAW/C/SR.2002'
    )
  })
})

describe('exports', () => {
  it('writes CSV as RFC 4180: quoted fields, doubled quotes, CRLF rows', () => {
    const csv = dialogueCsv(MAP.questions)
    const rows = csv.split('\r\n')
    expect(rows).toHaveLength(4)
    expect(rows[2]).toBe(
      '"He wondered whether the quota law, ""as amended"", applied.","Mr. Bauer","CEDAW/C/SR.2001, para. 5","answered","CEDAW/C/SR.2002, para. 9","The quota law applied to all | lists.",""'
    )
  })

  it('writes Markdown with the counts, the records covered, how replies are found, and escaped cells', () => {
    const md = dialogueMarkdown(MAP, MAP.questions)
    expect(md).toContain('read the delegation’s paragraphs before citing “no reply recorded”')
    expect(md).toContain(
      '2 questions in CEDAW/C/SR.2001 and CEDAW/C/SR.2002: 1 answered, 0 partly answered, 1 with no reply recorded.'
    )
    // With no reply, where to read for one.
    expect(md).toContain('| no reply recorded |  |  | CEDAW/C/SR.2002, para. 8 |')
    expect(md).toContain('all \\| lists.')
  })
})
