// Numbered lists in a broad answer: the items beside a quoted one that continue its subject ("115.6" … "115.13").
import type { Question } from '../question/question.ts'
import type { Block } from '../records/block.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import type { QueryTerm } from '../retrieve/coverage.ts'
import { admittedFor } from '../retrieve/search.ts'
import type { Judged } from './judge.ts'
import { judge } from './judge.ts'

/** How far from a quoted item of a list its neighbours are judged, each way. */
const LIST_REACH = 3

/** The item `step` places along from a numbered list's item ("115.7" → "115.8"), if the record has it. */
export const listItem = (corpus: Corpus, block: Block, step: number): Block | undefined => {
  const match = /^(\d+)\.(\d+)$/.exec(block.label ?? '')
  if (!match) return undefined
  return corpus.index.byKey.get(`${block.record}#${match[1]}.${Number(match[2]) + step}`)
}

/**
 * The chosen blocks and, after them, the items of a numbered list on either side of a chosen item
 * (up to three each way, and no more of them than `broadMax`) in an unbroken run of items relevant
 * to at least `listRelevance`: a report lists the recommendations on one subject together, and one
 * that abbreviates the subject ("Ratify it") or leaves out the figure asked about still belongs to
 * the list. The items are judged on the chosen blocks' scale (their share of the question absent).
 */
export const withListNeighbours = async (
  corpus: Corpus,
  question: Question,
  terms: readonly QueryTerm[],
  chosen: readonly Judged[]
): Promise<Judged[]> => {
  const taken = new Set(chosen.map((j) => j.block))
  // Under the question's filters (a speaker, a side, a record, those a follow-up points at), only
  // the items they admit: another State's recommendation beside the asked one's is not theirs.
  const admitted = admittedFor(corpus, question)
  // Each chosen item's neighbours, each way, nearest first.
  const runs = chosen.map(({ block }) =>
    [-1, 1].map((direction) =>
      Array.from({ length: LIST_REACH }, (_, k) => listItem(corpus, block, direction * (k + 1)))
    )
  )
  const candidates = [
    ...new Set(
      runs.flat(2).filter((b): b is Block => !!b && !taken.has(b) && (!admitted || admitted.has(b)))
    ),
  ]
  const [first] = chosen
  if (!first || candidates.length === 0) return [...chosen]
  const judged = await judge(
    corpus,
    question,
    terms,
    candidates.map((block) => ({ block, score: 0 })),
    { limit: candidates.length, absentAs: first.absent }
  )
  const passing = new Map(
    judged.filter((j) => j.relevance >= corpus.policy.listRelevance).map((j) => [j.block, j])
  )
  const joined: Judged[] = []
  for (const run of runs.flat())
    for (const next of run) {
      // A run goes on through items already quoted, and past those the filter leaves out.
      if (next && (taken.has(next) || (admitted && !admitted.has(next)))) continue
      const found = next && passing.get(next)
      if (!found) break
      taken.add(found.block)
      joined.push(found)
    }
  return [...chosen, ...joined.slice(0, corpus.policy.broadMax)]
}
