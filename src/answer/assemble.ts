// Extractive answers: the kind of answer a question asks for, assembled from verbatim sentences of the blocks that address it, or an honest abstention.
import { writtenDate } from '../language/english.ts'
import type { Block, RecordInfo } from '../records/block.ts'
import { citationFor, shortCitation } from '../records/block.ts'
import type { AnswerType, Question } from '../question/question.ts'
import { readQuestion } from '../question/question.ts'
import { recordBySymbol } from '../index/search-index.ts'
import type { Corpus } from '../retrieve/corpus.ts'
import type { QueryTerm } from '../retrieve/coverage.ts'
import { unknownNames } from '../retrieve/coverage.ts'
import type { RankedBlock } from '../retrieve/search.ts'
import { onSide, search, termsOf } from '../retrieve/search.ts'
import { excerptOf, mergeExcerpts, sideOfBlock, standingExcerpt } from './excerpt.ts'
import type { Quoted } from './format.ts'
import { formatAbstention, formatAlso, formatClosest, formatQuotes, listed } from './format.ts'
import type { Judged, JudgedSentence } from './judge.ts'
import { judge } from './judge.ts'
import { withListNeighbours } from './lists.ts'
import type { AskResponse, Retrieved } from './schema.ts'
import { CLOSEST } from './schema.ts'
import { SIDES, SIDE_HEADINGS } from './sides.ts'
import { mappedReplies } from '../dialogue/answer.ts'
import { dialogueKey } from '../dialogue/map.ts'
import type { DialogueMap } from '../dialogue/schema.ts'
import { normalizeForMatch } from '../text/normalize.ts'
import { ASKING_ROLES } from '../records/roles.ts'
import { DELEGATION_HEAD, PROCEDURAL_EVENTS } from '../records/conventions.ts'

/** What retrieval found for a question, ready for an answer to be assembled from. */
export type Retrieval = {
  question: Question
  terms: QueryTerm[]
  ranked: RankedBlock[]
  retrieved: Retrieved[]
}

/** An answer as assembly makes it, before the response adds the question and what was retrieved. */
export type AnswerBody = Pick<
  AskResponse,
  'kind' | 'answer' | 'abstained' | 'excerpts' | 'citations' | 'alsoMentioned' | 'closest'
>

/** The sentences of a judged block that bear on the topic, at most `limit`, best first; at least its best one. */
const bearing = (
  corpus: Corpus,
  judged: Judged,
  limit = corpus.policy.sentencesPerParagraph
): JudgedSentence[] => {
  const floor = corpus.policy.bearing
  const sorted = [...judged.sentences].sort((a, b) => b.relevance - a.relevance)
  const bearing = sorted.filter((s) => s.coverage >= floor)
  return (bearing.length > 0 ? bearing : sorted.slice(0, 1))
    .slice(0, limit)
    .sort((a, b) => a.at - b.at)
}

const quote = (corpus: Corpus, judged: Judged, sentences: readonly JudgedSentence[]): Quoted[] =>
  mergeExcerpts(
    judged.block,
    sentences.map((s) => standingExcerpt(corpus, judged.block, s.at, s.relevance))
  ).map((excerpt) => ({
    excerpt,
    block: judged.block,
  }))

/** Whether a record (by symbol) is a summary record or a report. */
const kindOf = (corpus: Corpus, record: string): RecordInfo['recordKind'] | undefined =>
  recordBySymbol(corpus.index, record)?.recordKind

/** "According to the summary record:", or "the report" when every quote is from a report. */
const accordingTo = (corpus: Corpus, quotes: readonly Quoted[]): string => {
  const kinds = new Set(quotes.map((q) => kindOf(corpus, q.block.record)))
  const source =
    kinds.size === 1 && kinds.has('report')
      ? 'the report'
      : [...kinds].every((k) => k !== 'report')
        ? 'the summary record'
        : 'the records'
  return `According to ${source}:`
}

const byOrder = (a: { block: Block }, b: { block: Block }) =>
  a.block.record.localeCompare(b.block.record) || a.block.order - b.block.order

const answered = (
  kind: AnswerBody['kind'],
  text: string,
  quotes: readonly Quoted[],
  also: readonly Block[] = []
): AnswerBody => ({
  kind,
  answer: [text, formatAlso(also)].filter(Boolean).join('\n'),
  abstained: false,
  excerpts: quotes.map((q) => q.excerpt),
  citations: [...new Set(quotes.map((q) => citationFor(q.block)))],
  alsoMentioned: also.map((b) => citationFor(b)),
  closest: [],
})

/** Blocks as the user reads them: "para. 12" when one record is in scope, else with its symbol. */
const citeIn = (records: readonly string[], blocks: readonly Block[]): string =>
  blocks.map((b) => (records.length === 1 ? shortCitation(b) : citationFor(b))).join(', ')

/** An abstention that names the paragraphs that came closest. */
const abstention = (
  question: Question,
  reason: string,
  records: readonly string[],
  judged: readonly Judged[]
): AnswerBody => {
  const closest = [...judged]
    .sort((a, b) => b.relevance - a.relevance)
    .slice(0, CLOSEST)
    .map((j) => j.block)
  const pointer =
    closest.length > 0 ? ` The closest paragraphs are ${citeIn(records, closest)}.` : ''
  return {
    kind: 'abstained',
    answer: formatAbstention(question.text, `${reason}${pointer}`, records),
    abstained: true,
    excerpts: [],
    citations: [],
    alsoMentioned: [],
    closest: closest.map((b) => citationFor(b)),
  }
}

/** Blocks in scope that use a topic word itself, beyond those quoted: "also mentioned in …". */
const mentioning = (
  corpus: Corpus,
  question: Question,
  terms: readonly QueryTerm[],
  quoted: ReadonlySet<Block>,
  ranked: readonly RankedBlock[]
): Block[] =>
  ranked
    .map((r) => r.block)
    .filter(
      (b) =>
        !quoted.has(b) &&
        b.kind === 'paragraph' &&
        (!question.record || b.record === question.record)
    )
    .filter((b) => terms.some((t) => !t.exact && corpus.blockWords(b).stems.has(t.stem)))
    .sort((a, b) => a.record.localeCompare(b.record) || a.order - b.order)
    .slice(0, 10)

/** What a broad answer quotes: those who asked, for "Who asked about …", else the most relevant. */
const broadChoice = (corpus: Corpus, retrieval: Retrieval, relevant: Judged[]): Judged[] => {
  // "Who asked about …" is answered by those who put questions, where any of them addresses it.
  const askers = retrieval.question.asksWhoAsked
    ? relevant.filter((j) => j.block.roles.some((r) => ASKING_ROLES.includes(r)))
    : []
  return (askers.length > 0 ? askers : relevant).slice(0, corpus.policy.broadMax)
}

/**
 * The sentences, each with the one after it: a summary carries a point on in the sentence that
 * follows ("… the status of persons erased from the register." then "Thirteen thousand persons
 * had had their status restored …"), which need not repeat the topic's words.
 */
const withNextSentence = (
  judged: Judged,
  sentences: readonly JudgedSentence[]
): JudgedSentence[] => {
  const at = new Set(sentences.flatMap((s) => [s.at, s.at + 1]))
  return judged.sentences.filter((s) => at.has(s.at))
}

/**
 * A reply quotes its paragraph whole: the paragraph is the delegation's answer, and its facts are
 * seldom all in the sentences that share the question's words ("… article 297 of the Criminal
 * Code …" two sentences after "The delegation explained …").
 */
const quoteReply = (corpus: Corpus, judged: Judged): Quoted[] =>
  quote(corpus, judged, judged.sentences)

/** Every paragraph that addresses the topic, grouped by side, in record order. */
const broadAnswer = (corpus: Corpus, retrieval: Retrieval, quoting: Judged[]): AnswerBody => {
  const chosen = [...quoting].sort(byOrder)
  const quoted = new Set(chosen.map((j) => j.block))
  const groups = SIDES.flatMap((side) => {
    const quotes = chosen
      .filter((j) => sideOfBlock(j.block) === side)
      // A broad answer gives every sentence of a paragraph that bears on the topic, and the
      // sentence that carries each on.
      .flatMap((j) => quote(corpus, j, withNextSentence(j, bearing(corpus, j, Infinity))))
    return quotes.length > 0 ? [{ side, quotes }] : []
  })
  const text = groups.map((g) => formatQuotes(SIDE_HEADINGS[g.side], g.quotes)).join('\n\n')
  return answered(
    'broad',
    text,
    groups.flatMap((g) => g.quotes),
    mentioning(corpus, retrieval.question, retrieval.terms, quoted, retrieval.ranked)
  )
}

/** The sentence that states the fact first, then whatever else the record says on it. */
const factualAnswer = (
  corpus: Corpus,
  question: Question,
  relevant: Judged[]
): AnswerBody | null => {
  const candidates = relevant.flatMap((j) => j.sentences.map((s) => ({ judged: j, sentence: s })))
  // The lead states what is asked and itself addresses the question, not just its paragraph.
  const fitting = candidates.filter(
    (c) => c.sentence.fits && c.sentence.relevance >= corpus.policy.relevance
  )
  if (fitting.length === 0) return null
  // The lead is the best sentence of the most relevant blocks that states what is asked.
  const lead = fitting.sort(
    (a, b) =>
      b.sentence.relevance + b.judged.relevance - (a.sentence.relevance + a.judged.relevance)
  )[0]
  if (!lead) return null
  // Whatever else the record says on it: other blocks nearly as relevant as the lead's.
  const floor = lead.judged.relevance * corpus.policy.alsoShare
  const others = relevant
    .filter((j) => j !== lead.judged && j.relevance >= floor)
    .slice(0, corpus.policy.factualMore)
    .sort(byOrder)
  // An open question ("What has Slovenia done to …?") takes the lead's further sentences that
  // address it too; a figure, a date or a name is one sentence. The lead's own span comes first.
  const further =
    question.answerType === 'other'
      ? bearing(corpus, lead.judged).filter(
          (s) => s.at !== lead.sentence.at && s.relevance >= corpus.policy.relevance
        )
      : []
  const leading = quote(corpus, lead.judged, [
    lead.sentence,
    ...further.slice(0, corpus.policy.sentencesPerParagraph - 1),
  ])
  const start = corpus.sentences(lead.judged.block)[lead.sentence.at]?.start ?? 0
  const holdsLead = (q: Quoted) => q.excerpt.start <= start && start < q.excerpt.end
  const quotes = [
    ...leading.filter(holdsLead),
    ...leading.filter((q) => !holdsLead(q)),
    ...others.flatMap((j) => quote(corpus, j, bearing(corpus, j).slice(0, 1))),
  ]
  const text = formatQuotes(accordingTo(corpus, quotes), quotes.slice(0, 1))
  const more = quotes.length > 1 ? `\n${formatQuotes('Also on this:', quotes.slice(1))}` : ''
  return answered('factual', text + more, quotes)
}

/**
 * The delegation's paragraphs in `records` that `admits` and that address the sentence of a
 * question's paragraph bearing most on what was asked, with the one that carries it on, read as a
 * question of its own: retrieved and judged as any question's blocks are, best first.
 */
const repliesToWording = async (
  corpus: Corpus,
  question: Judged,
  records: readonly string[],
  admits: (reply: Block) => boolean
): Promise<{ asked: JudgedSentence[]; replies: Judged[] }> => {
  const [sentence] = bearing(corpus, question).sort((a, b) => b.relevance - a.relevance)
  if (!sentence) return { asked: [], replies: [] }
  const asked = withNextSentence(question, [sentence])
  const text = asked.map((s) => s.text).join(' ')
  // Asked of the delegation alone, whoever the sentence names.
  const wordedIn = (record: string): Question => ({
    ...readQuestion(corpus, text, { record }),
    side: 'delegation',
    speaker: null,
    among: [],
    leaveOut: [],
  })
  const ranked = (
    await Promise.all(
      records.map((record) => search(corpus, wordedIn(record), { k: corpus.policy.judged }))
    )
  )
    .flat()
    .filter((r) => r.block.kind === 'paragraph' && admits(r.block))
  const worded = wordedIn(question.block.record)
  const judged = await judge(corpus, worded, termsOf(corpus, worded), ranked, {
    limit: ranked.length,
  })
  const replies = judged
    .filter((j) => j.relevance >= corpus.policy.relevance)
    .sort((a, b) => b.relevance - a.relevance)
  return { asked, replies }
}

/**
 * What the other side said in reply: the delegation's paragraphs that address the topic after
 * the question was put (in a report of States' statements, wherever they stand), with the
 * question they answer; or, where none does, that no reply is recorded.
 */
const replyAnswer = async (
  corpus: Corpus,
  retrieval: Retrieval,
  judged: Judged[],
  relevant: Judged[],
  records: readonly string[],
  maps: readonly DialogueMap[]
): Promise<AnswerBody | null> => {
  // In a summary record the Committee asks and the State replies; in a report of a review, other
  // States recommend and the State under review replies: the reply is the delegation's.
  const answering = 'delegation'
  const { askers } = retrieval.question
  const said = relevant.filter((j) => onSide(j.block, answering))
  // A reply follows the question in a summary record, or lies in another record of its dialogue
  // (the meeting that continues it, the report that answers questions sent in advance); in a
  // report of States' statements the State's replies may stand anywhere in it. Another review of
  // the same State is another dialogue.
  const dialogueOf = (record: string) => {
    const info = recordBySymbol(corpus.index, record)
    return info ? dialogueKey(info) : record
  }
  const follows = (asked: Block | undefined, reply: Block) =>
    !asked ||
    (reply.record !== asked.record
      ? dialogueOf(reply.record) === dialogueOf(asked.record)
      : asked.roles.includes('other_state') || reply.order > asked.order)
  const after = (asked: Judged | undefined) => said.filter((j) => follows(asked?.block, j.block))
  // A named asker's question is theirs, however closely it matches; otherwise the earliest one
  // that a reply follows, or the closest question put before a reply.
  // Only in the records asked about: Pakistan speaks in every review of Slovenia.
  const theirs =
    askers.length > 0
      ? new Set(
          askers.flatMap((a) =>
            [...corpus.speakerBlocks(a)].filter((b) => records.includes(b.record))
          )
        )
      : null
  const byRelevance = (a: Judged, b: Judged) => b.relevance - a.relevance
  const put = judged.filter((j) => !onSide(j.block, answering))
  const judgedTheirs = put.filter((j) => theirs?.has(j.block))
  // Their paragraphs the ranking left out are judged too: what they raised is decided from all
  // they said, on the same scale.
  const ownJudged =
    theirs && judgedTheirs.length === 0
      ? (
          await judge(
            corpus,
            retrieval.question,
            retrieval.terms,
            [...theirs].map((block) => ({ block, score: 0 })),
            { limit: theirs.size, absentAs: judged[0]?.absent }
          )
        ).filter((j) => j.relevance >= corpus.policy.relevance)
      : judgedTheirs
  const asking = theirs
    ? ownJudged.sort(byRelevance)
    : relevant.filter((j) => !onSide(j.block, answering)).sort(byOrder)
  // A named asker none of whose paragraphs is on the topic asked nothing this answers, unless the
  // reply itself names them: "The delegation addressed questions by Norway about overcrowding …"
  // answers questions put in writing, before the meeting.
  if (theirs && asking.length === 0) {
    const naming = said.filter((j) => askers.some((a) => j.block.text.includes(a))).sort(byOrder)
    if (naming.length > 0) {
      const quotes = naming.slice(0, corpus.policy.broadMax).flatMap((j) => quoteReply(corpus, j))
      return answered('reply', formatQuotes('The reply:', quotes), quotes)
    }
    // A report summarises each State's statement and may leave the point out: what the
    // delegation said on the topic is the reply there is, said as such. A summary record gives
    // every member's questions, so there a member who asked nothing on it asked nothing.
    const summarised = (record: string) => kindOf(corpus, record) === 'report'
    if (said.length === 0 || !said.every((j) => summarised(j.block.record))) return null
    const quotes = said
      .slice(0, corpus.policy.broadMax)
      .sort(byOrder)
      .flatMap((j) => quoteReply(corpus, j))
    return answered(
      'reply',
      formatQuotes(
        `No paragraph of ${listed(askers, 'or')} on it is recorded; what the delegation said on it:`,
        quotes
      ),
      quotes
    )
  }
  const first = theirs
    ? asking[0]
    : (asking.find((q) => after(q).length > 0) ??
      [...put].sort(byRelevance).find((q) => after(q).length > 0) ??
      asking[0])
  const found = after(first)
  // Replies that share too few words with the question to be found may be linked by the map.
  const mapped =
    found.length === 0 && first ? mappedReplies(corpus, maps, first.block, retrieval.terms) : []
  if (first && mapped.length > 0) {
    const question = quote(corpus, first, bearing(corpus, first).slice(0, 1))
    return answered(
      'reply',
      [
        formatQuotes('The reply, as the dialogue map links it:', mapped),
        formatQuotes('The question it answers:', question),
      ].join('\n\n'),
      [...mapped, ...question]
    )
  }
  // Or by the question as the record words it, which a reply in the record's words shares more of
  // than the user's question does ("decriminalization of defamation", not "libel as a crime").
  const worded =
    found.length > 0 || !first
      ? null
      : await repliesToWording(
          corpus,
          first,
          corpus.index.records
            .filter((r) => dialogueKey(r) === dialogueOf(first.block.record))
            .map((r) => r.symbol),
          (b) => follows(first.block, b)
        )
  const replies = worded?.replies ?? found
  if (replies.length === 0) {
    if (!first) return null
    const where = records.length === 1 ? (records[0] ?? first.block.record) : first.block.record
    // The question asked, not the paragraph's other questions.
    const quoted = quote(corpus, first, bearing(corpus, first).slice(0, 1))
    // The delegation's paragraphs after it that came closest, below the threshold: a reply in
    // other words than the question's is for the user to look for there.
    const nearest = judged
      .filter(
        (j) =>
          j.block.kind === 'paragraph' &&
          onSide(j.block, answering) &&
          follows(first.block, j.block)
      )
      .sort(byRelevance)
      .slice(0, CLOSEST)
      .map((j) => j.block)
    const pointer = formatClosest(citeIn(records, nearest))
    return {
      ...answered(
        'reply',
        `No reply is recorded in ${where} (the question: ${shortCitation(first.block)}).\n${formatQuotes('The question:', quoted)}${pointer}`,
        quoted,
        // What the delegation said on it before the question was put.
        said.map((j) => j.block).sort((a, b) => a.order - b.order)
      ),
      closest: nearest.map((b) => citationFor(b)),
    }
  }
  const chosen = replies.slice(0, corpus.policy.broadMax).sort(byOrder)
  const quotes = chosen.flatMap((j) => quoteReply(corpus, j))
  const question = first
    ? quote(corpus, first, worded?.asked ?? bearing(corpus, first).slice(0, 1))
    : []
  const text = [
    formatQuotes('The reply:', quotes),
    ...(question.length > 0 ? [formatQuotes('The question it answers:', question)] : []),
  ].join('\n\n')
  return answered('reply', text, [...quotes, ...question])
}

/**
 * "What did Ms. Dzumhur ask?": the opening of each of the speaker's paragraphs, its first
 * sentences as one span (a State's statement in a review often names its point in the second).
 */
const speakerAnswer = (corpus: Corpus, question: Question, judged: Judged[]): AnswerBody | null => {
  const theirs = judged.filter((j) => j.block.kind === 'paragraph').sort(byOrder)
  // "Her closing remarks": the speaker's last paragraph; "the second time she spoke": her second.
  const at = question.ordinal
  const picked = at === null ? theirs : theirs.slice(at < 0 ? at : at - 1).slice(0, 1)
  const chosen = picked.slice(0, corpus.policy.broadMax)
  if (chosen.length === 0) return null
  const quotes = chosen.flatMap((j): Quoted[] => {
    const sentences = corpus.sentences(j.block)
    const first = sentences[0]
    const last = sentences[Math.min(sentences.length, corpus.policy.sentencesPerParagraph) - 1]
    if (!first || !last) return []
    return [{ block: j.block, excerpt: excerptOf(j.block, first.start, last.end, j.relevance) }]
  })
  return answered('speaker', formatQuotes(accordingTo(corpus, quotes), quotes), quotes)
}

const describeMeeting = (
  record: RecordInfo,
  field: NonNullable<Question['meeting']>
): string | null => {
  const meeting = record.meeting
    ? `The ${record.meeting}${record.session ? ` (${record.session.toLowerCase()})` : ''}`
    : 'The meeting'
  const date = record.date ? writtenDate(record.date) : null
  const when = [date, record.time ? `at ${record.time}` : null].filter(Boolean).join(' ')
  const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`)
  switch (field) {
    case 'place':
      return record.place
        ? sentence(`${meeting} was held at ${record.place}${when ? `, on ${when}` : ''}`)
        : null
    case 'date':
      return date
        ? sentence(`${meeting} was held on ${when}${record.place ? `, at ${record.place}` : ''}`)
        : null
    case 'chair':
      return record.chair
        ? sentence(
            `${record.chair} chaired ${meeting.replace(/^The /, 'the ')}${record.laterChairs.length > 0 ? `; later ${record.laterChairs.join(', ')}` : ''}`
          )
        : null
    case 'state':
      if (record.dialogue) return sentence(`Under consideration: ${record.dialogue}`)
      return record.state ? `The report of ${record.state} was under consideration.` : null
    case 'session':
      return record.session
        ? sentence(`${record.session}${record.body ? ` of the ${record.body}` : ''}`)
        : null
    case 'agenda':
      return record.agendaItems.length > 0
        ? `On the agenda: ${record.agendaItems.map((item) => `“${item}”`).join('; ')}.`
        : null
    case 'distributed':
      return record.distributed
        ? sentence(`Distributed on ${writtenDate(record.distributed)}`)
        : null
    case 'language':
      return record.originalLanguage
        ? sentence(
            `Original: ${record.originalLanguage}${record.language && record.language !== record.originalLanguage ? `; this version: ${record.language}` : ''}`
          )
        : null
    case 'rapporteurs':
    case 'end':
    case 'delegation':
      // Stated in the body, not on the cover: answered from where they are.
      return null
  }
}

/** The records a question is asked of: the one it names, or every record. */
const recordsInScope = (corpus: Corpus, question: Question): RecordInfo[] =>
  corpus.index.records.filter((r) => !question.record || r.symbol === question.record)

/** A record's blocks, in record order. */
const blocksOf = (corpus: Corpus, record: RecordInfo): Block[] => [
  ...(corpus.index.recordBlocks.get(record.symbol) ?? []),
]

/** A whole block as one quote: a heading, a procedural line. */
const wholeBlock = (block: Block): Quoted => ({
  block,
  excerpt: excerptOf(block, 0, block.text.length, 1),
})

/** The body's own words on the meeting, under `heading`; null when the body has none. */
const meetingQuotes = (heading: string, quotes: readonly Quoted[]): AnswerBody | null =>
  quotes.length > 0 ? answered('meeting', formatQuotes(heading, quotes), quotes) : null

/** When the meeting ended: the record's own procedural lines that say so ("The meeting rose at …"). */
const endAnswer = (corpus: Corpus, question: Question): AnswerBody | null => {
  const quotes = recordsInScope(corpus, question).flatMap((record) =>
    blocksOf(corpus, record)
      .filter((b) => b.kind === 'procedural' && PROCEDURAL_EVENTS.end.test(b.text))
      .map(wholeBlock)
  )
  return meetingQuotes(accordingTo(corpus, quotes), quotes)
}

/**
 * The headings that print each of `records`' items (`itemsOf`), or null when a record leaves one
 * unprinted: blocks the user can open, rather than the cover.
 */
const printedHeadings = (
  corpus: Corpus,
  records: readonly RecordInfo[],
  itemsOf: (record: RecordInfo) => readonly string[]
): Block[] | null => {
  const perRecord = records.map((record) => {
    const items = new Set(itemsOf(record).map(normalizeForMatch))
    const headings = blocksOf(corpus, record).filter(
      (b) => b.kind === 'heading' && items.has(normalizeForMatch(b.text))
    )
    const printed = new Set(headings.map((b) => normalizeForMatch(b.text)))
    return items.size > 0 && printed.size === items.size ? headings : null
  })
  return perRecord.length === 0 || perRecord.some((h) => h === null)
    ? null
    : perRecord.flatMap((h) => h ?? [])
}

/** The agenda items as the record's own headings print them, where every one of them is a heading. */
const agendaHeadings = (corpus: Corpus, question: Question): AnswerBody | null => {
  const headings = printedHeadings(
    corpus,
    recordsInScope(corpus, question).filter((r) => r.agendaItems.length > 0),
    (r) => r.agendaItems
  )
  return headings ? meetingQuotes('On the agenda:', headings.map(wholeBlock)) : null
}

/** The report under consideration as each record's own heading prints it. */
const dialogueHeadings = (corpus: Corpus, question: Question): AnswerBody | null => {
  const headings = printedHeadings(corpus, recordsInScope(corpus, question), (r) =>
    r.dialogue ? [r.dialogue] : []
  )
  return headings ? meetingQuotes('Under consideration:', headings.map(wholeBlock)) : null
}

/**
 * The country rapporteurs, each quoted where the record first names them as such ("Mr. Charef
 * (Country Rapporteur) said …"), so that the citation shows it.
 */
const rapporteursAnswer = (corpus: Corpus, question: Question): AnswerBody | null => {
  const quotes = recordsInScope(corpus, question).flatMap((record) =>
    record.roster
      .filter((entry) => entry.roles.includes('country_rapporteur'))
      .flatMap((entry) => {
        const block = blocksOf(corpus, record).find(
          (b) =>
            b.turnStart && b.speaker === entry.speaker && b.roles.includes('country_rapporteur')
        )
        return block ? [{ block, excerpt: standingExcerpt(corpus, block, 0, 1) }] : []
      })
  )
  return meetingQuotes(accordingTo(corpus, quotes), quotes)
}

/**
 * Who led the delegation, where the record says so ("The delegation of Slovenia was headed by …");
 * a record that names nobody is no answer, whoever its paragraphs mention.
 */
const delegationAnswer = (corpus: Corpus, question: Question): AnswerBody => {
  const records = recordsInScope(corpus, question)
  const quotes = records.flatMap((record) => {
    const stated = blocksOf(corpus, record).flatMap((block) =>
      corpus
        .sentences(block)
        .flatMap((s, at) =>
          DELEGATION_HEAD.test(s.text)
            ? [{ block, excerpt: standingExcerpt(corpus, block, at, 1) }]
            : []
        )
    )
    // A numbered paragraph, where one says it, rather than the annex that lists the delegation.
    const numbered = stated.filter((q) => q.block.kind === 'paragraph')
    return numbered.length > 0 ? numbered : stated
  })
  return (
    meetingQuotes(accordingTo(corpus, quotes), quotes) ??
    abstention(
      question,
      'No paragraph says who led the delegation.',
      records.map((r) => r.symbol),
      []
    )
  )
}

/** The meeting's own particulars, from the masthead of the record(s) in scope, cited to their cover. */
const meetingAnswer = (corpus: Corpus, question: Question): AnswerBody | null => {
  const field = question.meeting
  if (!field) return null
  if (field === 'rapporteurs') return rapporteursAnswer(corpus, question)
  if (field === 'end') return endAnswer(corpus, question)
  if (field === 'delegation') return delegationAnswer(corpus, question)
  const headings =
    field === 'agenda'
      ? agendaHeadings(corpus, question)
      : field === 'state'
        ? dialogueHeadings(corpus, question)
        : null
  if (headings) return headings
  const records = recordsInScope(corpus, question)
  const stated = records.flatMap((r) => {
    const text = describeMeeting(r, field)
    return text ? [{ record: r, text }] : []
  })
  if (stated.length === 0 || records.length > 5) return null
  return {
    kind: 'meeting',
    answer: stated.map((s) => `${s.text} (${s.record.symbol}, cover page)`).join('\n'),
    abstained: false,
    excerpts: [],
    citations: stated.map((s) => `${s.record.symbol}, cover page`),
    alsoMentioned: [],
    closest: [],
  }
}

/** What a paragraph must give for a question of each kind, as an abstention names it. */
const GIVES: Record<Exclude<AnswerType, 'other'>, string> = {
  number: 'a figure',
  amount: 'a sum of money',
  duration: 'a period',
  time: 'a date or time',
  person: 'a name',
}

/**
 * Assembles the answer a question asks for. One threshold on relevance decides: a block at or
 * above it addresses the question; when none does, or the question names something (a name, a
 * figure) that no paragraph contains, Rapporteur abstains and names the closest paragraphs.
 */
export const assemble = async (
  corpus: Corpus,
  retrieval: Retrieval,
  { maps = [] }: { maps?: readonly DialogueMap[] } = {}
): Promise<AnswerBody> => {
  const { question, terms, ranked } = retrieval
  const records = recordsInScope(corpus, question).map((r) => r.symbol)
  const judged = await judge(corpus, question, terms, ranked)
  if (question.unmatched.length > 0 && terms.length === 0) {
    return abstention(
      question,
      `The question reads as ${question.language === 'es' ? 'Spanish' : 'French'}, and none of its words could be matched to the record's; with a chat model configured (RAPPORTEUR_LLM) it would be translated first.`,
      records,
      []
    )
  }
  const missing = unknownNames(terms, corpus, question.record)
  if (missing.length > 0) {
    return abstention(
      question,
      `No paragraph mentions ${missing.map((t) => `“${t.word}”`).join(' or ')}.`,
      records,
      judged
    )
  }
  if (question.intent === 'meeting') {
    const meeting = meetingAnswer(corpus, question)
    if (meeting) return meeting
  }
  if (question.intent === 'speaker')
    return (
      speakerAnswer(corpus, question, judged) ??
      abstention(question, 'No paragraph of that speaker was found.', records, judged)
    )
  const relevant = judged
    .filter((j) => j.relevance >= corpus.policy.relevance)
    .sort((a, b) => b.relevance - a.relevance)
  const body =
    relevant.length === 0
      ? null
      : question.intent === 'broad'
        ? broadAnswer(
            corpus,
            retrieval,
            await withListNeighbours(
              corpus,
              retrieval.question,
              retrieval.terms,
              broadChoice(
                corpus,
                retrieval,
                judged
                  .filter(
                    (j) =>
                      j.relevance >= Math.min(corpus.policy.broadRelevance, corpus.policy.relevance)
                  )
                  .sort((a, b) => b.relevance - a.relevance)
              )
            )
          )
        : question.intent === 'reply'
          ? await replyAnswer(corpus, retrieval, judged, relevant, records, maps)
          : factualAnswer(corpus, question, relevant)
  if (body) return body
  const reason =
    relevant.length > 0 && question.answerType !== 'other'
      ? `No paragraph on it gives ${GIVES[question.answerType]}.`
      : 'No paragraph addresses it closely enough to quote.'
  return abstention(question, reason, records, judged)
}
