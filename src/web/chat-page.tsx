// The chat page: the records loaded, the conversation, the question form and the paragraph panel.
import type { RecordInfo } from '../records/block.ts'
import { ROLE_LABELS, type Role } from '../records/block.ts'
import { Layout } from './layout.tsx'
import { dialoguePath } from './dialogue-page.tsx'
import { recordLine } from './record-line.ts'

export type SpeakerOption = { value: string; label: string }

/** The speaker filter's choices: every role, then every named speaker. */
export const speakerOptions = (speakers: { speaker: string; roles: Role[] }[]): SpeakerOption[] => {
  const roles = [...new Set(speakers.flatMap((s) => s.roles))].filter((r) => r !== 'other')
  return [
    ...roles.map((r) => ({ value: ROLE_LABELS[r], label: `Role: ${ROLE_LABELS[r]}` })),
    ...speakers.map((s) => ({ value: s.speaker, label: s.speaker })),
  ]
}

const RecordSummary = ({ record }: { record: RecordInfo }) => (
  <li>
    <strong>{record.symbol}</strong> · {recordLine(record)} · {record.paragraphs} paragraphs ·{' '}
    <a href={dialoguePath(record)}>dialogue map</a>
  </li>
)

export const ChatPage = ({
  records,
  speakers,
}: {
  records: RecordInfo[]
  speakers: SpeakerOption[]
}) => (
  <Layout title="Rapporteur">
    <header class="masthead">
      <h1>Rapporteur</h1>
      <p class="tagline">
        Questions answered from UN summary records, every excerpt verbatim and cited.
      </p>
      <ul class="records" aria-label="Records loaded">
        {records.map((record) => (
          <RecordSummary record={record} />
        ))}
      </ul>
    </header>
    <div class="workspace">
      <main class="chat">
        <ol
          id="conversation"
          class="conversation"
          aria-label="Conversation"
          aria-live="polite"
          aria-relevant="additions text"
        />
        <form id="ask" class="ask" autocomplete="off">
          <label for="question" class="visually-hidden">
            Your question
          </label>
          <textarea
            id="question"
            name="question"
            rows={2}
            maxlength={1000}
            required
            placeholder="Ask about the meeting, e.g. How many migrant integration centres are there at the northern border?"
          />
          <div class="ask-row">
            <label for="record">Record</label>
            <select id="record" name="record">
              <option value="">All records</option>
              {records.map((r) => (
                <option value={r.symbol}>{r.symbol}</option>
              ))}
            </select>
            <label for="speaker">Speaker</label>
            <select id="speaker" name="speaker">
              <option value="">Anyone</option>
              {speakers.map((s) => (
                <option value={s.value}>{s.label}</option>
              ))}
            </select>
            <button type="submit" id="send">
              Ask
            </button>
          </div>
          <p class="hint">
            Enter sends, Shift+Enter adds a line. Follow-ups such as “And what about children?”
            build on the last answer.
          </p>
        </form>
      </main>
      <aside id="panel" class="panel" aria-label="Cited paragraph" hidden>
        <div class="panel-head">
          <h2 id="panel-title" tabindex={-1} />
          <button type="button" id="panel-close" aria-label="Close the paragraph">
            ×
          </button>
        </div>
        <p id="panel-speaker" class="speaker" />
        <p id="panel-text" class="paragraph-text" />
        <div class="panel-actions">
          <button type="button" id="panel-previous">
            ← Previous
          </button>
          <button type="button" id="panel-next">
            Next →
          </button>
          <button type="button" id="panel-copy">
            Copy citation
          </button>
          <a id="panel-link" href="#">
            Permalink
          </a>
        </div>
        <p id="panel-status" class="status" role="status" />
      </aside>
    </div>
  </Layout>
)
