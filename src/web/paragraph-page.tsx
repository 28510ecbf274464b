// A paragraph's own page, for sharing and bookmarking: citation, speaker, text and neighbours.
import { speakerLabel } from '../answer/format.ts'
import type { Block, RecordInfo } from '../records/block.ts'
import { citationFor, shortCitation } from '../records/block.ts'
import { Layout } from './layout.tsx'
import { recordLine } from './record-line.ts'

/** The page path of a block: `/records/<slug>/paragraphs/<id>`. */
export const paragraphPath = (record: Pick<RecordInfo, 'slug'>, id: string): string =>
  `/records/${record.slug}/paragraphs/${encodeURIComponent(id)}`

export const ParagraphPage = ({
  record,
  block,
  previous,
  next,
  highlight = null,
}: {
  record: RecordInfo
  block: Block
  previous: Block | null
  next: Block | null
  /** The passage an answer quoted, marked in the text. */
  highlight?: { start: number; end: number } | null
}) => (
  <Layout title={`${citationFor(block)} · Rapporteur`}>
    <main class="permalink">
      <p>
        <a href="/">← Rapporteur</a>
      </p>
      <article data-citation={citationFor(block)}>
        <h1>{citationFor(block)}</h1>
        <p class="meta">{recordLine(record)}</p>
        <p class="speaker">{speakerLabel(block)}</p>
        <p class="paragraph-text">
          {highlight ? (
            <>
              {block.text.slice(0, highlight.start)}
              <mark>{block.text.slice(highlight.start, highlight.end)}</mark>
              {block.text.slice(highlight.end)}
            </>
          ) : (
            block.text
          )}
        </p>
        <div class="panel-actions">
          {previous ? (
            <a href={paragraphPath(record, previous.id)} rel="prev">
              ← {shortCitation(previous)}
            </a>
          ) : null}
          {next ? (
            <a href={paragraphPath(record, next.id)} rel="next">
              {shortCitation(next)} →
            </a>
          ) : null}
          <button type="button" class="copy-citation" data-citation={citationFor(block)}>
            Copy citation
          </button>
        </div>
        <p class="status" role="status" />
      </article>
    </main>
  </Layout>
)

export const ErrorPage = ({
  status,
  title,
  detail,
}: {
  status: number
  title: string
  detail: string
}) => (
  <Layout title={`${title} · Rapporteur`}>
    <main class="permalink">
      <p>
        <a href="/">← Rapporteur</a>
      </p>
      <h1>
        {status} {title}
      </h1>
      <p>{detail}</p>
    </main>
  </Layout>
)
