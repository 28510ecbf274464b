// The dialogue page: each question put to the State, beside its replies or "no reply recorded", with filters and exports.
import type { DialogueFilter } from '../dialogue/view.ts'
import { LINKING_CAVEAT, STATUS_LABELS, coverage, title } from '../dialogue/view.ts'
import type { DialogueMap, DialogueQuestion } from '../dialogue/schema.ts'
import { REPLY_STATUSES } from '../dialogue/schema.ts'
import type { RecordInfo } from '../records/block.ts'
import { slugFor } from '../records/block.ts'
import { Layout } from './layout.tsx'

export const dialoguePath = (record: Pick<RecordInfo, 'slug'>): string =>
  `/records/${record.slug}/dialogue`

const paragraphHref = (ref: { record: string; block: string }) =>
  `/records/${slugFor(ref.record)}/paragraphs/${encodeURIComponent(ref.block)}`

/** A passage's permalink, the passage highlighted. */
const passageHref = (
  ref: { record: string; block: string },
  excerpt: { start: number; end: number }
) => `${paragraphHref(ref)}?start=${excerpt.start}&end=${excerpt.end}`

/** One side's passage: who said it, its citation linked to the passage, and the words. */
const Passage = ({
  who,
  of,
}: {
  who: string
  of: {
    record: string
    block: string
    citation: string
    excerpt: { text: string; start: number; end: number }
  }
}) => (
  <>
    <p class="speaker">
      <bdi>{who}</bdi> ·{' '}
      <a href={passageHref(of, of.excerpt)}>
        <bdi>{of.citation}</bdi>
      </a>
    </p>
    <blockquote>
      <bdi>{of.excerpt.text}</bdi>
    </blockquote>
  </>
)

const Question = ({ question }: { question: DialogueQuestion }) => (
  <li class={`dialogue-entry ${question.status}`}>
    <div class="asked">
      <Passage who={question.speaker ?? 'The Committee'} of={question} />
    </div>
    <div class="replied">
      <p class="status">{STATUS_LABELS[question.status]}</p>
      {question.closest.length > 0 && (
        <p class="closest">
          Closest delegation paragraphs:{' '}
          {question.closest.map((c, i) => (
            <>
              {i > 0 && ', '}
              <a href={paragraphHref(c)}>
                <bdi>{c.citation}</bdi>
              </a>
            </>
          ))}
        </p>
      )}
      {question.replies.map((reply) => (
        <div class="reply">
          <Passage who={reply.speaker ?? 'The delegation'} of={reply} />
        </div>
      ))}
    </div>
  </li>
)

export const DialoguePage = ({
  record,
  map,
  questions,
  filter,
  members,
}: {
  record: RecordInfo
  map: DialogueMap
  questions: DialogueQuestion[]
  filter: DialogueFilter
  members: string[]
}) => {
  const exportQuery = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string')
  )
  const exportHref = (format: string) => {
    const query = new URLSearchParams(exportQuery)
    query.set('format', format)
    return `/api/records/${record.slug}/dialogue?${query.toString()}`
  }
  return (
    <Layout title={`Dialogue map · ${title(map)} · Rapporteur`}>
      <main class="dialogue">
        <p>
          <a href="/">← Rapporteur</a>
        </p>
        <h1>
          Dialogue map: <bdi>{title(map)}</bdi>
        </h1>
        <p class="meta">
          {map.counts.questions} questions {coverage(map)}: {map.counts.answered} answered,{' '}
          {map.counts.partly} partly answered, {map.counts.no_reply} with no reply recorded.{' '}
          {LINKING_CAVEAT}
        </p>
        <form class="filters" method="get">
          {map.records.length > 1 && (
            <label>
              Questions of{' '}
              <select name="scope">
                <option value="record" selected={map.scope === 'record'}>
                  {map.record}
                </option>
                <option value="dialogue" selected={map.scope === 'dialogue'}>
                  the whole dialogue
                </option>
              </select>
            </label>
          )}
          <label>
            Asked by{' '}
            <select name="member">
              <option value="">anyone</option>
              {members.map((m) => (
                <option value={m} selected={filter.member === m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status{' '}
            <select name="status">
              <option value="">any</option>
              {REPLY_STATUSES.map((s) => (
                <option value={s} selected={filter.status === s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Words <input type="search" name="q" value={filter.q ?? ''} />
          </label>
          <button type="submit">Show</button>
          <a href={exportHref('md')}>Markdown</a>
          <a href={exportHref('csv')}>CSV</a>
        </form>
        <p class="shown">
          {questions.length} of {map.counts.questions} shown
        </p>
        <ol class="dialogue-list">
          {questions.map((q) => (
            <Question question={q} />
          ))}
        </ol>
      </main>
    </Layout>
  )
}
