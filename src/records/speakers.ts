// Speakers and roles: who opens each turn, in which role and for which State, followed through the record; and its roster.
import type { Subject } from './attribution.ts'
import { openingOf, possessiveOpening } from './attribution.ts'
import type { BlockKind, Masthead, Role, RosterEntry } from './block.ts'
import {
  CHAIR_TITLE,
  COMMITTEE_OFFICER_TITLE,
  COUNTRY_RAPPORTEUR_TITLE,
  DELEGATION_OF_STATE,
  NARRATION_OPENINGS,
  NARRATION_PREDICATES,
  SECRETARIAT_TITLE,
  TOOK_THE_CHAIR,
} from './conventions.ts'
import { stateUnderReview } from './masthead.ts'
import { isStateName, stateDisplayName } from './states.ts'
import { splitSentences } from '../text/sentences.ts'

/** Who speaks in a block. `speaker` is null for narration. */
export type Speaking = {
  speaker: string | null
  roles: Role[]
  state: string | null
  title: string | null
}

const NARRATION: Speaking = { speaker: null, roles: ['other'], state: null, title: null }

/** "Ms. Diallo", "Ms Diallo" and "Ms. DIALLO" are the same person. */
export const canonicalName = (name: string): string =>
  name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim()

/** A parenthesis or aside after a name, read as what it says of the speaker. */
type Title =
  | { kind: 'chair' | 'rapporteur' | 'officer' | 'secretariat'; title: string }
  | { kind: 'state'; state: string }

const titleOf = (text: string | null, knownState: string | null): Title | null => {
  if (!text) return null
  // "Secretary of the Committee (Office of the United Nations High Commissioner for Human Rights)": the post is what comes first.
  const post = text.replace(/\s*\(.*$/, '').trim()
  if (CHAIR_TITLE.test(post)) return { kind: 'chair', title: post }
  if (COUNTRY_RAPPORTEUR_TITLE.test(post)) return { kind: 'rapporteur', title: post }
  if (COMMITTEE_OFFICER_TITLE.test(post)) return { kind: 'officer', title: post }
  if (SECRETARIAT_TITLE.test(text)) return { kind: 'secretariat', title: post }
  if (
    isStateName(post) ||
    (knownState !== null && canonicalName(post) === canonicalName(knownState))
  )
    return { kind: 'state', state: stateDisplayName(post) }
  return null
}

/** The record-wide facts a turn's roles are resolved against, updated as the record is read. */
type Context = {
  meta: Masthead
  presiding: string | null
  /** The State whose dialogue is under way: the dialogue heading's, or the delegation that joined. */
  state: string | null
  lastDelegation: string | null
  people: Map<string, Speaking>
  rapporteurs: Set<string>
}

const roster = (context: Context, name: string): Speaking | undefined =>
  context.people.get(canonicalName(name))

/**
 * A paragraph that opens with someone's possessive and says no more than one sentence ("Ms.
 * Takeda's question was taken up by the delegation first.") narrates the meeting; one that goes
 * on ("Mr. Tamang's complaint had been examined by the court. The delegation would …") is the
 * speaker's own account, and continues the turn.
 */
const narratesAbout = (text: string): boolean =>
  possessiveOpening(text) !== null && splitSentences(text).length === 1

/** Whether a name is someone the record already knows as a participant. */
const knows = (context: Context, name: string): boolean =>
  roster(context, name) !== undefined ||
  context.rapporteurs.has(canonicalName(name)) ||
  [context.meta.chair, context.meta.temporaryChair, ...context.meta.laterChairs].some(
    (n) => n !== null && canonicalName(n) === canonicalName(name)
  )

const isChair = (context: Context, name: string): boolean =>
  context.presiding !== null && canonicalName(context.presiding) === canonicalName(name)

const memberRoles = (context: Context, name: string, rapporteur: boolean): Role[] => {
  const known = roster(context, name)
  const isRapporteur =
    rapporteur ||
    context.rapporteurs.has(canonicalName(name)) ||
    (known?.roles.includes('country_rapporteur') ?? false)
  return isRapporteur ? ['country_rapporteur', 'committee_member'] : ['committee_member']
}

const resolve = (
  subject: Subject,
  parenthesis: string | null,
  aside: string | null,
  context: Context
): Speaking => {
  // An aside names a title only when it reads like one ("Vice-Chair"), not a clause ("referring to …").
  const asideTitle =
    aside && /^\p{Lu}/u.test(aside) && aside.split(/\s+/).length <= 8 ? aside : null
  const title = titleOf(parenthesis, context.state) ?? titleOf(asideTitle, context.state)
  const titleText = title && title.kind !== 'state' ? title.title : null
  switch (subject.kind) {
    case 'chair': {
      const name =
        (subject.qualifier && /temporary/i.test(subject.qualifier)
          ? context.meta.temporaryChair
          : null) ??
        context.presiding ??
        context.meta.chair ??
        `The ${subject.qualifier ? `${subject.qualifier} ` : ''}Chair`
      const known = roster(context, name)
      const secretariat = known?.roles.includes('secretariat') ?? false
      const rapporteur = title?.kind === 'rapporteur'
      const roles: Role[] = secretariat
        ? ['chair', 'secretariat']
        : ['chair', ...memberRoles(context, name, rapporteur)]
      return { speaker: name, roles, state: null, title: titleText ?? known?.title ?? null }
    }
    case 'person': {
      const name = subject.name
      const known = roster(context, name)
      if (title?.kind === 'state')
        return { speaker: name, roles: ['state_delegation'], state: title.state, title: null }
      if (title?.kind === 'secretariat')
        return { speaker: name, roles: ['secretariat'], state: null, title: title.title }
      if (!title && known) return { ...known, speaker: name }
      if (!title && parenthesis && !aside) {
        // A name followed by something in parentheses that is no title: the State a delegate speaks for.
        return { speaker: name, roles: ['state_delegation'], state: parenthesis, title: null }
      }
      const roles = memberRoles(context, name, title?.kind === 'rapporteur')
      return {
        speaker: name,
        roles: isChair(context, name) || title?.kind === 'chair' ? ['chair', ...roles] : roles,
        state: null,
        title: titleText ?? known?.title ?? null,
      }
    }
    case 'delegation': {
      const state =
        (subject.state ? stateDisplayName(subject.state) : null) ??
        context.state ??
        context.lastDelegation ??
        context.meta.state
      const labels = {
        representative: 'A representative',
        member: 'A member of the delegation',
        head: 'The head of the delegation',
        delegation: 'The delegation',
      }
      const label = labels[subject.form]
      const speaker = state ? `${label} of ${state}` : label
      return { speaker, roles: ['state_delegation'], state, title: null }
    }
    case 'secretariat':
      return {
        speaker: subject.post,
        roles: ['secretariat'],
        state: null,
        title: subject.post.replace(/^(?:The|A)\s+/, ''),
      }
    case 'state': {
      const state = stateDisplayName(subject.state)
      const reviewed = context.meta.state ?? context.state
      const own = reviewed !== null && canonicalName(reviewed) === canonicalName(state)
      return {
        speaker: state,
        roles: [own ? 'state_delegation' : 'other_state'],
        state,
        title: null,
      }
    }
  }
}

/** A block as speaker attribution sees it. */
export type AttributedInput = { kind: BlockKind; text: string; label: string | null }
export type Attributed = Speaking & { turnStart: boolean }

// In a record where people speak, a State's name opening a paragraph is the topic, not a speaker;
// in a report of States' statements (Universal Periodic Review) it is the speaker.
const PERSON_TURNS_FOR_PEOPLE = 3

/** Each speaker of a block's speaker line: the States that made a recommendation together are listed. */
export const speakersOf = (speaker: string): string[] =>
  speaker
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * The parenthesised groups a text ends with, first to last, each read with the parentheses inside
 * it: "… (Iran (Islamic Republic of)) (Peru);" ends with "Iran (Islamic Republic of)" and "Peru".
 */
const closingGroups = (text: string): string[] => {
  const groups: string[] = []
  let rest = text.replace(/[\s;.]+$/, '')
  while (rest.endsWith(')')) {
    let depth = 0
    let open = -1
    for (let i = rest.length - 1; i >= 0; i--) {
      if (rest[i] === ')') depth += 1
      else if (rest[i] === '(' && --depth === 0) {
        open = i
        break
      }
    }
    if (open < 0) break
    groups.unshift(rest.slice(open + 1, -1))
    rest = rest.slice(0, open).trimEnd()
  }
  return groups
}

/** Splits at each `separator` outside parentheses: "Venezuela (Bolivarian Republic of), Peru". */
const topLevelItems = (text: string, separator = ','): string[] => {
  const items: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '(') depth += 1
    else if (c === ')') depth -= 1
    else if (c === separator && depth === 0) {
      items.push(text.slice(from, i))
      from = i + 1
    }
  }
  return [...items, text.slice(from)].map((item) => item.trim()).filter(Boolean)
}

/** One listed item's States: a State's name ("Bosnia and Herzegovina"), or States joined by "and". */
const statesOfItem = (item: string): string[] | null => {
  if (isStateName(item)) return [item]
  const parts = item.split(/\s+and\s+/).map((p) => p.trim())
  return parts.length > 1 && parts.every(isStateName) ? parts : null
}

/**
 * Recommendations end with the States that made them: "… (Indonesia);", "… (Algeria) (Cabo Verde).";
 * a group before them that names no State ("… (ICRMW) (Peru);") is the recommendation's own.
 */
const recommendingStates = (text: string): string[] | null => {
  const statesOf = (clause: string) => {
    const names: string[] = []
    for (const group of closingGroups(clause).reverse()) {
      const states = topLevelItems(group).map(statesOfItem)
      if (states.length === 0 || states.some((s) => s === null)) break
      names.unshift(...states.flatMap((s) => s ?? []))
    }
    return names
  }
  // An item may join several States' recommendations: "… (Egypt); continue … (Peru); take … (Azerbaijan);".
  const clauses = topLevelItems(text, ';').map(statesOf)
  if ((clauses.at(-1) ?? []).length === 0) return null
  return [...new Set(clauses.flat())].map(stateDisplayName)
}

/**
 * Attributes every paragraph: one that opens with an attribution starts a turn, one without
 * continues the current turn, narration ends it. Headings end a turn too, except a heading that
 * is a State's name (advance questions grouped by State), which starts that State's turn.
 */
export const attributeSpeakers = (
  blocks: readonly AttributedInput[],
  meta: Masthead
): { speaking: Attributed[]; roster: RosterEntry[] } => {
  const people = blocks.filter(
    (b) =>
      b.kind === 'paragraph' && ['person', 'chair'].includes(openingOf(b.text)?.subject.kind ?? '')
  ).length
  const states = people < PERSON_TURNS_FOR_PEOPLE
  const context: Context = {
    meta,
    presiding: meta.temporaryChair ?? meta.chair,
    state: meta.state,
    lastDelegation: null,
    people: new Map(),
    rapporteurs: new Set(meta.countryRapporteurs.map(canonicalName)),
  }
  let turn: Speaking = NARRATION
  let headingTurn = false
  const speaking = blocks.map((block): Attributed => {
    const took = TOOK_THE_CHAIR.exec(block.text)?.groups?.who
    if (took)
      context.presiding = /^the\s/i.test(took) ? meta.chair : took.replace(/,.*$/, '').trim()
    const joined = DELEGATION_OF_STATE.exec(block.text)?.groups?.state
    if (joined && isStateName(joined)) context.state = stateDisplayName(joined)
    if (block.kind === 'heading') {
      context.state = stateUnderReview([block.text]) ?? context.state
      const name = block.text.replace(/[:.]$/, '').trim()
      headingTurn = states && isStateName(name)
      const state = stateDisplayName(name)
      turn = headingTurn ? resolve({ kind: 'state', state }, null, null, context) : NARRATION
      return { ...NARRATION, turnStart: false }
    }
    if (block.kind !== 'paragraph') return { ...NARRATION, turnStart: false }
    const narration = NARRATION_OPENINGS.test(block.text) || narratesAbout(block.text)
    const found = narration ? null : openingOf(block.text, { states })
    // An auxiliary after an unknown name ("Mr. Garang had been released") is a statement about them.
    const opening =
      found?.weak &&
      found.subject.kind === 'person' &&
      !found.parenthesis &&
      !knows(context, found.subject.name)
        ? null
        : found
    if (narration || (opening && NARRATION_PREDICATES.test(opening.predicate))) {
      turn = NARRATION
      return { ...NARRATION, turnStart: false }
    }
    if (opening) {
      turn = resolve(opening.subject, opening.parenthesis, opening.aside, context)
      if (turn.speaker && opening.subject.kind === 'person')
        context.people.set(canonicalName(turn.speaker), turn)
      if (turn.roles.includes('state_delegation')) context.lastDelegation = turn.state
      headingTurn = false
      return { ...turn, turnStart: true }
    }
    const recommended = states && block.label?.includes('.') ? recommendingStates(block.text) : null
    if (recommended) {
      const [first] = recommended
      const speaking = resolve({ kind: 'state', state: first ?? '' }, null, null, context)
      // A joint recommendation is made by all its States: none of them is its State alone.
      const state = recommended.length === 1 ? speaking.state : null
      return { ...speaking, speaker: recommended.join(', '), state, turnStart: true }
    }
    const start = headingTurn
    headingTurn = false
    return { ...turn, turnStart: start && turn.speaker !== null }
  })
  return { speaking, roster: rosterOf(speaking) }
}

/** Who spoke in the record, in the roles they spoke in, in order of first appearance. */
const rosterOf = (speaking: readonly Attributed[]): RosterEntry[] => {
  const entries = new Map<string, RosterEntry>()
  for (const s of speaking) {
    if (s.speaker === null) continue
    const key = `${s.speaker}|${s.roles.join(',')}`
    const entry = entries.get(key)
    if (entry) {
      entry.paragraphs++
      entry.title ??= s.title
    } else
      entries.set(key, {
        speaker: s.speaker,
        roles: s.roles,
        state: s.state,
        title: s.title,
        paragraphs: 1,
      })
  }
  return [...entries.values()]
}
