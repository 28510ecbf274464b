/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The browser side of the chat page and the paragraph page: streaming answers, citation chips, the panel.
// Record text only ever reaches the page through textContent, never as HTML.

import type {
  AskResponse as Done,
  Excerpt,
  QuestionEvent,
  SentenceVerdict as Verdict,
} from '../../answer/schema.ts'
import { SIDE_HEADINGS } from '../../answer/sides.ts'
import { citationFor, shortCitation } from '../../records/citation.ts'
import { ROLE_LABELS } from '../../records/roles.ts'
import type { ParagraphResponse as Paragraph } from '../../server/schema.ts'

type Problem = { title: string; detail: string }
/** Turns the client sends back with each question; the server keeps no conversation. */
const HISTORY_TURNS = 3

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string } = {},
  ...children: Node[]
) => {
  const node = document.createElement(tag)
  if (props.class) node.className = props.class
  if (props.text !== undefined) node.textContent = props.text
  node.append(...children)
  return node
}
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null

const citationOf = (e: Excerpt) => citationFor({ record: e.record, label: e.label, id: e.block })

/** Copies text, falling back to a selection where the Clipboard API is refused. */
const copy = async (text: string): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = el('textarea', { text })
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}

/** Parses a Server-Sent Events body into {event, data} pairs as they arrive. */
async function* readEvents(
  body: ReadableStream<Uint8Array>
): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n')
    let boundary = buffer.indexOf('\n\n')
    while (boundary >= 0) {
      const chunk = buffer.slice(0, boundary)
      buffer = buffer.slice(boundary + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of chunk.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
      }
      yield { event, data: data.join('\n') }
      boundary = buffer.indexOf('\n\n')
    }
  }
}

const setupChat = () => {
  const form = byId<HTMLFormElement>('ask')
  const input = byId<HTMLTextAreaElement>('question')
  const speaker = byId<HTMLSelectElement>('speaker')
  const record = byId<HTMLSelectElement>('record')
  const conversation = byId<HTMLOListElement>('conversation')
  const send = byId<HTMLButtonElement>('send')
  if (!form || !input || !speaker || !record || !conversation || !send) return
  const history: { question: string; record?: string }[] = []
  const panel = setupPanel()

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      form.requestSubmit()
    }
  })

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const question = input.value.trim()
    if (!question || send.disabled) return
    input.value = ''
    send.disabled = true
    // Each turn says what it was asked under: a follow-up's previous question, the filters.
    const filters = [
      record.value ? `Record: ${record.value}` : null,
      speaker.value ? `Speaker: ${speaker.value}` : null,
    ].filter((f): f is string => f !== null)
    const context = el('p', { class: 'context', text: filters.join(' · ') })
    context.hidden = filters.length === 0
    conversation.append(el('li', { class: 'turn user' }, el('p', { text: question }), context))
    const answer = el('li', { class: 'turn assistant' })
    answer.setAttribute('aria-busy', 'true')
    const status = el('p', { class: 'status', text: 'Searching the record…' })
    const excerpts = el('ol', { class: 'excerpts' })
    const prose = el('p', { class: 'prose' })
    const also = el('p', { class: 'also' })
    prose.hidden = true
    also.hidden = true
    answer.append(status, prose, excerpts, also)
    conversation.append(answer)
    answer.scrollIntoView({ block: 'start' })
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({
          question,
          history: history.slice(-HISTORY_TURNS),
          ...(speaker.value ? { speaker: speaker.value } : {}),
          ...(record.value ? { record: record.value } : {}),
        }),
      })
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => null)) as Problem | null
        throw new Error(problem?.detail ?? `the server answered ${response.status}`)
      }
      let finished = false
      for await (const { event: name, data } of readEvents(response.body)) {
        if (name === 'question') {
          const read = JSON.parse(data) as QuestionEvent
          if (read.followsUp) {
            context.textContent = [`Follow-up on: ${read.followsUp}`, ...filters].join(' · ')
            context.hidden = false
          }
          status.textContent = 'Reading the retrieved paragraphs…'
        } else if (name === 'excerpt') {
          appendExcerpt(excerpts, JSON.parse(data) as Excerpt, panel)
          answer.scrollIntoView({ block: 'start' })
        } else if (name === 'token') {
          status.textContent = 'The model is writing; its citations are checked when it is done…'
          prose.hidden = false
          prose.textContent += (JSON.parse(data) as { text: string }).text
        } else if (name === 'done') {
          const done = JSON.parse(data) as Done
          finished = true
          // The user's own question is what the next turn follows up, never a rewritten one, in
          // the record its answer cited when it cited one.
          const cited = [...new Set(done.excerpts.map((e) => e.record))]
          history.push(
            cited.length === 1 && cited[0] ? { question, record: cited[0] } : { question }
          )
          // A generative answer's excerpts arrive with its verdict; a fallback's with the reason.
          if (done.verification || done.fallback) {
            prose.replaceChildren(...(done.verification?.sentences ?? []).map(renderVerdict))
            prose.hidden = done.mode !== 'generative' || done.abstained
            excerpts.replaceChildren()
            for (const e of done.excerpts) appendExcerpt(excerpts, e, panel)
          }
          if (done.alsoMentioned.length > 0) {
            also.textContent = `Also mentioned in ${done.alsoMentioned.join('; ')}.`
            also.hidden = false
          }
          if (done.fallback) {
            status.textContent = `The model’s answer could not be used (${done.fallback}). The record’s own sentences:`
          } else if (done.abstained) {
            answer.classList.add('abstained')
            status.textContent = done.answer.split('\n')[0] ?? done.answer
          } else if (done.kind === 'meeting') {
            status.textContent = done.answer
          } else {
            status.textContent =
              done.kind === 'broad'
                ? 'Every paragraph on it, by side, in record order:'
                : done.kind === 'reply'
                  ? 'The reply, and the question it answers:'
                  : 'What the record says:'
          }
          answer.scrollIntoView({ block: 'start' })
        } else if (name === 'error') {
          throw new Error((JSON.parse(data) as Problem).detail)
        }
      }
      if (!finished) throw new Error('the answer stopped before it was complete')
    } catch (error) {
      const alert = el('p', {
        class: 'error',
        text: `Something went wrong: ${(error as Error).message}`,
      })
      alert.setAttribute('role', 'alert')
      status.replaceWith(alert)
    } finally {
      answer.removeAttribute('aria-busy')
      send.disabled = false
      input.focus()
    }
  })
}

/** One sentence of a model's answer: struck through, with the reason, when it did not verify. */
const renderVerdict = ({ text, verdict, reason }: Verdict) => {
  if (verdict === 'supported' || verdict === 'no_claim') return el('span', { text: `${text} ` })
  const span = el(
    'span',
    { class: 'unsupported' },
    el('del', { text }),
    el('span', { class: 'reason', text: ` (not verified: ${reason ?? verdict}) ` })
  )
  span.title = `Removed from the answer: ${reason ?? verdict}`
  return span
}

/**
 * Adds an excerpt to an answer's list, under its side's heading when the side changes (a broad
 * answer groups the Committee's, the delegation's and others' paragraphs).
 */
const appendExcerpt = (list: HTMLOListElement, excerpt: Excerpt, panel: Panel) => {
  const last = list.lastElementChild as HTMLElement | null
  if (last?.dataset.side !== excerpt.side) {
    const heading = el('li', { class: 'side', text: SIDE_HEADINGS[excerpt.side] })
    heading.dataset.side = excerpt.side
    list.append(heading)
  }
  const item = renderExcerpt(excerpt, panel)
  item.dataset.side = excerpt.side
  list.append(item)
}

/** Whether the page holds several records, so that a chip must name its record. */
const severalRecords = (): boolean =>
  document.querySelectorAll('#record option:not([value=""])').length > 1

const renderExcerpt = (excerpt: Excerpt, panel: Panel) => {
  const who = excerpt.speaker ? `${excerpt.speaker} (${ROLE_LABELS[excerpt.role]})` : 'The record'
  const where = severalRecords()
    ? citationOf(excerpt)
    : shortCitation({ label: excerpt.label, id: excerpt.block })
  const chip = el('button', {
    class: 'chip',
    text: `${where} · ${excerpt.speaker ?? 'record'}`,
  })
  chip.type = 'button'
  chip.setAttribute('aria-label', `Open ${citationOf(excerpt)}, ${who}`)
  chip.addEventListener('click', () =>
    panel.open(encodeURIComponent(excerpt.record), excerpt.block, excerpt, chip)
  )
  const copyButton = el('button', { class: 'copy', text: 'Copy citation' })
  copyButton.type = 'button'
  copyButton.addEventListener('click', async () => {
    copyButton.textContent = (await copy(citationOf(excerpt))) ? 'Copied' : 'Copy failed'
  })
  return el(
    'li',
    { class: 'excerpt' },
    el('p', { class: 'speaker', text: who }),
    el('blockquote', { text: excerpt.text }),
    el('div', { class: 'excerpt-actions' }, chip, copyButton)
  )
}

type Panel = {
  open: (
    record: string,
    block: string,
    highlight: { start: number; end: number } | null,
    opener?: HTMLElement
  ) => Promise<void>
}

const setupPanel = (): Panel => {
  const panel = byId('panel')
  const title = byId('panel-title')
  const who = byId('panel-speaker')
  const text = byId('panel-text')
  const previous = byId<HTMLButtonElement>('panel-previous')
  const next = byId<HTMLButtonElement>('panel-next')
  const copyButton = byId<HTMLButtonElement>('panel-copy')
  const link = byId<HTMLAnchorElement>('panel-link')
  const status = byId('panel-status')
  const close = byId<HTMLButtonElement>('panel-close')
  let current: Paragraph | null = null
  let returnFocus: HTMLElement | null = null

  const open: Panel['open'] = async (record, block, highlight, opener) => {
    if (!panel || !title || !who || !text || !previous || !next || !link || !status) return
    if (opener) returnFocus = opener
    const response = await fetch(`/api/records/${record}/paragraphs/${encodeURIComponent(block)}`)
    if (!response.ok) {
      status.textContent = `Could not open the paragraph: ${((await response.json()) as Problem).detail}`
      return
    }
    current = (await response.json()) as Paragraph
    const { block: b } = current
    title.textContent = current.citation
    who.textContent = b.speaker
      ? `${b.speaker} (${b.roles.map((r) => ROLE_LABELS[r]).join(', ')})`
      : 'The record (no speaker)'
    text.replaceChildren()
    if (highlight) {
      const mark = el('mark', { text: b.text.slice(highlight.start, highlight.end) })
      text.append(b.text.slice(0, highlight.start), mark, b.text.slice(highlight.end))
    } else {
      text.textContent = b.text
    }
    previous.disabled = current.previous === null
    next.disabled = current.next === null
    // The permalink keeps the highlighted passage.
    const range = highlight ? `?start=${highlight.start}&end=${highlight.end}` : ''
    link.href = `/records/${current.record.slug}/paragraphs/${encodeURIComponent(b.id)}${range}`
    status.textContent = ''
    panel.hidden = false
    title.focus()
    text.querySelector('mark')?.scrollIntoView({ block: 'nearest' })
  }

  previous?.addEventListener(
    'click',
    () => current?.previous && open(current.record.slug, current.previous, null)
  )
  next?.addEventListener(
    'click',
    () => current?.next && open(current.record.slug, current.next, null)
  )
  copyButton?.addEventListener('click', async () => {
    if (current && status)
      status.textContent = (await copy(current.citation))
        ? `Copied “${current.citation}”`
        : 'Copy failed'
  })
  const hide = () => {
    if (!panel) return
    panel.hidden = true
    returnFocus?.focus()
  }
  close?.addEventListener('click', hide)
  panel?.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide()
  })
  return { open }
}

/** The paragraph page's copy button. */
const setupPermalink = () => {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-citation')) {
    button.addEventListener('click', async () => {
      const status = button.closest('article')?.querySelector('.status')
      const citation = button.dataset.citation ?? ''
      if (status)
        status.textContent = (await copy(citation)) ? `Copied “${citation}”` : 'Copy failed'
    })
  }
}

setupChat()
setupPermalink()
