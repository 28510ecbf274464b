import { describe, expect, it } from 'vitest'
import type { DialogueMap, DialogueQuestion } from '../../src/dialogue/schema.ts'
import {
  evaluateDialogue,
  goldRecords,
  linkF1,
  parseDialogueGold,
} from '../../src/evals/dialogue.ts'
import { EvalSetError } from '../../src/evals/set.ts'

const ref = (label: string) => ({
  record: 'CED/C/SR.500',
  block: label,
  paragraph: Number(label),
  label,
  citation: `CED/C/SR.500, para. ${label}`,
})

const asked = (
  label: string,
  text: string,
  status: DialogueQuestion['status'],
  replies: string[]
) => ({
  ...ref(label),
  speaker: 'Ms. Vidal',
  role: 'committee_member' as const,
  id: `CED/C/SR.500#${label}.1`,
  excerpt: { text, start: 0, end: text.length },
  topic: [],
  status,
  replies: replies.map((r) => ({
    ...ref(r),
    speaker: 'A representative of Arcadia',
    role: 'state_delegation' as const,
    score: 0.5,
    excerpt: { text: 'x', start: 0, end: 1 },
  })),
  closest: [],
})

const MAP: DialogueMap = {
  record: 'CED/C/SR.500',
  scope: 'record',
  records: ['CED/C/SR.500'],
  counts: { questions: 3, answered: 1, partly: 0, no_reply: 2 },
  questions: [
    asked('2', 'She asked how many searches the commission had opened.', 'answered', ['8', '9']),
    {
      ...asked('3', 'She wondered whether families were informed.', 'no_reply', []),
      // The true reply, para. 10, is not linked but is among the closest.
      closest: [
        { ...ref('11'), speaker: 'A representative of Arcadia', role: 'state_delegation' },
        { ...ref('10'), speaker: 'A representative of Arcadia', role: 'state_delegation' },
      ],
    },
    asked('4', 'Were DNA banks in place?', 'no_reply', []),
  ],
}

const GOLD = [
  {
    id: 'g1',
    record: 'CED/C/SR.500',
    paragraph: '2',
    quote: 'how many searches the commission',
    asked_by: 'Ms. Vidal',
    replies: [{ record: 'CED/C/SR.500', paragraph: '8' }],
    status: 'answered',
  },
  {
    id: 'g2',
    record: 'CED/C/SR.500',
    paragraph: '3',
    quote: 'whether families were informed',
    asked_by: 'Ms. Vidal',
    replies: [{ record: 'CED/C/SR.500', paragraph: '10' }],
    status: 'partly',
  },
  {
    id: 'g3',
    record: 'CED/C/SR.500',
    paragraph: '6',
    quote: 'an unseen question',
    asked_by: 'Ms. Vidal',
    replies: [],
    status: 'no_reply',
  },
]
  .map((g) => JSON.stringify(g))
  .join('\n')

describe('evaluateDialogue', () => {
  it('scores questions found, links, "no reply recorded" and statuses against the gold map', async () => {
    const gold = parseDialogueGold(GOLD, 'gold.jsonl')
    const m = await evaluateDialogue(async () => MAP, gold, 'gold.jsonl')
    expect(m).toMatchObject({
      questions: 3,
      question_recall: 2 / 3,
      question_precision: 2 / 3,
      link_precision: 1 / 2,
      link_recall: 1 / 2,
      no_reply_precision: 0,
      no_reply_recall: 0,
      status_accuracy: 1 / 3,
      closest_recall: 1,
      missed: 1,
    })
    expect(linkF1(m)).toBeCloseTo(0.5)
    expect(goldRecords(gold)).toEqual(['CED/C/SR.500'])
  })

  it('rejects a gold line with an unknown status, naming the line', () => {
    expect(() => parseDialogueGold(GOLD.replace('"partly"', '"maybe"'), 'gold.jsonl')).toThrow(
      new EvalSetError(
        "gold.jsonl:2: status: Invalid enum value. Expected 'answered' | 'partly' | 'no_reply', received 'maybe'"
      )
    )
  })
})
