import { beforeAll, describe, expect, it } from 'vitest'
import type { Question } from '../../src/question/question.ts'
import { readQuestion, topicText } from '../../src/question/question.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openLibraryIndex } from '../fixtures/library-index.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let corpus: Corpus
beforeAll(async () => {
  corpus = new Corpus((await openRealIndex()).index)
})

const read = (text: string, previous?: string): Question =>
  readQuestion(corpus, text, previous ? { previous: readQuestion(corpus, previous) } : {})

describe('readQuestion', () => {
  it('finds the speaker a question is about, and leaves the topic', () => {
    expect(read('What did Ms. Dzumhur ask about trafficking?')).toMatchObject({
      speaker: 'Ms. Dzumhur',
      intent: 'broad',
      side: null,
    })
    expect(topicText(read('What did Ms. Dzumhur ask about trafficking?'))).toBe('trafficking')
  })

  it('reads "Mr" as a title always, and a title that is also a word only before a name: "justice" is a topic word', () => {
    expect(topicText(read("When were the women's justice centres first set up?"))).toMatch(
      /\bjustice\b/
    )
    expect(topicText(read('What did mr. charef ask about remittances?'))).toBe('remittances')
    expect(topicText(read('What did ms dzumhur ask about remittances?'))).toBe('remittances')
    expect(topicText(read('Summarise what was said on juvenile justice.'))).toMatch(/\bjustice\b/)
    expect(topicText(read('Did Justice Ortiz rule on detention?'))).not.toMatch(/justice/i)
  })

  it('reads "the situation of" as it reads "the issue of": no topic of its own', () => {
    expect(topicText(read('What did the delegation say about the situation of the Roma?'))).toBe(
      'Roma'
    )
  })

  it('reads "less" and "fewer" as it reads "more": words of quantity, no topic', () => {
    expect(topicText(read('Why did fewer people regularize their status?'))).toBe(
      'people regularize status'
    )
    expect(topicText(read('How much less are women paid than men?'))).not.toMatch(/\bless\b/)
  })

  it('leaves the words that ask for a date out of the topic', () => {
    const q = read('In what year did Mexico ratify the Convention?')
    expect(q.answerType).toBe('time')
    expect(topicText(q)).not.toMatch(/\byear\b/)
    expect(topicText(read('On what date was the Migration Act amended?'))).not.toMatch(/\bdate\b/)
  })

  it('reads "the Committee" and "the delegation" as sides of the dialogue, not as names', () => {
    expect(read('What did the Chair say about xenophobia?')).toMatchObject({
      side: 'committee',
      speaker: null,
    })
    expect(read('Summarise what the delegation said about refugees')).toMatchObject({
      side: 'delegation',
      intent: 'broad',
    })
  })

  it('reads a side named in words of its own, and whom it told, as no part of the topic', () => {
    const q = read('What did the Mexican delegation tell the Committee about remittances?')
    expect(q).toMatchObject({ side: 'delegation', speaker: null, intent: 'broad' })
    expect(topicText(q)).toBe('remittances')
    expect(read('What did the State party delegation say about detention?').side).toBe('delegation')
  })

  it('keeps in the topic what follows a verb of telling when no one is named', () => {
    expect(topicText(read('How were migrants informed of the procedure on asylum?'))).toMatch(
      /\bprocedure\b/
    )
  })

  it('reads a delegation of another State as no side, its name as topic', () => {
    const q = read('What did the delegation of Brazil say about the Convention?')
    expect(q.side).toBeNull()
    expect(topicText(q)).toMatch(/\bBrazil\b/)
  })

  it('names no speaker for a person the records do not know', () => {
    expect(read('What did Mr. Smith ask?').speaker).toBeNull()
  })

  it('names no speaker for a phrase of function words before a speech word', () => {
    // "the" is in many speakers' names ("the delegation of …"), and named none of them here.
    expect(read('What was the reply on the Ciudad Juárez fire?')).toMatchObject({
      intent: 'reply',
      speaker: null,
    })
  })

  it('reads a reply question as asking for the delegation’s answer', () => {
    expect(read('How did Mexico respond to questions on detention?')).toMatchObject({
      intent: 'reply',
      side: 'delegation',
    })
    expect(
      read(
        'What did the Committee ask about the CBP One application, and how did the delegation respond?'
      ).intent
    ).toBe('reply')
  })

  it('reads the last sentence as the question and what comes before as whose question it answers', () => {
    const q = read('Ms. Dzumhur raised trafficking. What did the delegation say?')
    expect(q).toMatchObject({ intent: 'reply', side: 'delegation', askers: ['Ms. Dzumhur'] })
    expect(topicText(q)).toBe('trafficking')
    const several = read('Ms. Dzumhur and Mr. Charef raised remittances. How did Mexico respond?')
    expect(several.askers).toEqual(expect.arrayContaining(['Ms. Dzumhur', 'Mr. Charef']))
    expect(several.askers).toHaveLength(2)
    expect(topicText(several)).toBe('remittances')
    // With no one raising anything before it, "what did the delegation say" asks for all it said.
    expect(read('Trafficking is a concern. What did the delegation say?').intent).toBe('broad')
  })

  it.each([
    ['Where was the meeting held?', 'place'],
    ['Who chaired the meeting?', 'chair'],
    ['Which report did the Committee consider?', 'state'],
    ['Which of Norland’s reports was under consideration?', 'state'],
    ['What was on the agenda?', 'agenda'],
    ['When was this record distributed?', 'distributed'],
    ['What is the original language of the document?', 'language'],
    ['Who were the country rapporteurs?', 'rapporteurs'],
    ['When did the meeting end?', 'end'],
    ['What time did the meeting rise?', 'end'],
  ])('reads "%s" as about the meeting itself (%s)', (question, field) => {
    expect(read(question)).toMatchObject({ intent: 'meeting', meeting: field })
  })

  it.each([
    'Give me an overview of what was done on trafficking.',
    'Can you give us a summary of the concerns about detention?',
    'What came up about remittances?',
    'Summarise everything said about consular protection.',
    '¿Qué explicó la delegación sobre las remesas?',
    '¿Qué países recomendaron ratificar el Convenio?',
    'Qu’a expliqué la délégation sur les centres de rétention ?',
    'Quels pays ont parlé de la traite ?',
  ])('reads "%s" as wanting everything said on its topic', (question) => {
    expect(read(question).intent).toBe('broad')
  })

  it('leaves indefinite pronouns ("everything", "anyone") out of the topic', () => {
    expect(topicText(read('Summarise everything said about consular protection.'))).toBe(
      'consular protection'
    )
    expect(topicText(read('Did anyone mention remittances since then?'))).toBe('remittances')
  })

  it('reads recommendations on a topic as the topic, and recommendations counted as what is counted', () => {
    expect(topicText(read('Did Norway make any recommendation about sign language?'))).not.toMatch(
      /recommendation/
    )
    expect(topicText(read('What recommendations on sign language were made?'))).toMatch(
      /^sign language/
    )
    expect(topicText(read('How many recommendations did Norland receive?'))).toMatch(
      /recommendations/
    )
    const counted = read('How many recommendations on sign language did Norland accept?')
    expect(counted.counts.map((t) => t.word)).toEqual(['recommendations'])
  })

  it('marks a question that asks what was recommended, not one that counts recommendations or asks what was said too', () => {
    expect(
      read('Which States recommended a national human rights institution?').recommendations
    ).toBe(true)
    expect(read('What recommendations on sign language were made?').recommendations).toBe(true)
    expect(read('How many recommendations did Norland receive?').recommendations).toBe(false)
    expect(read('What did Norway raise and recommend on sign language?').recommendations).toBe(
      false
    )
    expect(read('What did the delegation say about sign language?').recommendations).toBe(false)
    // A reply to a recommendation is the delegation's, and the recommendation what it is about.
    const reply = read('What was the delegation’s response to the recommendation on sign language?')
    expect(reply.recommendations).toBe(false)
    expect(topicText(reply)).toMatch(/recommendation/)
  })

  it('reads "did the delegation say anything back about …" as asking for its reply', () => {
    expect(read('Did the delegation say anything back about remittances?').intent).toBe('reply')
  })

  it('reads "which member asked" as the Committee speaking, and "which member withdrew" as what the record narrates', () => {
    expect(read('Which Committee member asked about remittances?').side).toBe('committee')
    expect(read('Which members of the Committee raised pesticides?').side).toBe('committee')
    expect(
      read('Which Committee member withdrew from the consideration of the report?').side
    ).toBeNull()
  })

  it.each([
    'What did the delegation say about the 2030 Agenda?',
    'What report did the national human rights institution publish on detention?',
  ])('reads "%s" as about the record’s content, not the meeting', (question) => {
    expect(read(question).meeting).toBeNull()
  })

  it.each([
    ['How many victims were registered?', 'number'],
    ['When did the meeting rise?', 'time'],
    ['Who asked about pesticides?', 'person'],
    ['How long can migrants be detained?', 'duration'],
    ['What is the Local Integration Programme?', 'other'],
    ['What was the annual budget of the programme?', 'amount'],
    ['How much money did the programme invest?', 'amount'],
    ['How much did the online platform cost?', 'amount'],
    ['How much less do women get paid than men?', 'number'],
    ['What is the unemployment rate among migrants?', 'number'],
  ])('reads "%s" as asking for a %s', (question, type) => {
    expect(read(question).answerType).toBe(type)
  })

  it.each([
    ['How many Venezuelan nationals were granted refugee status?', ['venezuelan', 'nationals']],
    ['How many migrant integration centres are there?', ['migrant', 'integration', 'centres']],
    ['How much did the platform cost?', []],
    ['What was the unemployment rate among migrant workers?', ['unemployment', 'rate']],
    ['What is the number of deportations from the United States?', ['deportations']],
    ['What did the Committee ask about children?', []],
  ])('reads what "%s" counts', (question, counted) => {
    expect(read(question).counts.map((t) => t.word)).toEqual(counted)
  })

  it('reads what a Spanish counting question counts, as the record words it shares', () => {
    expect(read('¿Cuántos refugiados hay en México?').counts.map((t) => t.word)).toEqual([
      'refugee',
    ])
  })

  it('reads ordinals and positions in the meeting, which are not topic', () => {
    expect(read('When was the meeting suspended for the second time?').ordinal).toBe(2)
    const closing = read('What did Mr. Charef say in his closing remarks?')
    expect(closing).toMatchObject({ speaker: 'Mr. Charef', ordinal: -1, intent: 'speaker' })
    expect(closing.topic).toEqual([])
  })

  it('reads "what did X recommend" as all X said, recommending being what every speaker of a review does', () => {
    const q = read('What did Mr. Kariyawasam recommend?')
    expect(q).toMatchObject({ speaker: 'Mr. Kariyawasam', intent: 'speaker' })
    expect(q.topic).toEqual([])
    expect(topicText(read('What did Mr. Kariyawasam recommend on remittances?'))).toBe(
      'remittances'
    )
  })

  it('marks the previous turn’s word a follow-up replaces, and only that one, as unlike its own', () => {
    const q = read(
      'And at the southern border?',
      'How many migrant integration centres are there at the northern border?'
    )
    expect(q.topic.map((t) => [t.word, t.unlike ?? []])).toEqual([
      ['southern', [corpus.stem('northern')]],
      ['border', []],
    ])
  })

  it('reads a thing pointed back at ("that law") as the previous turn’s topic, and "said that …" as no pointing', () => {
    const previous = 'Which members asked about the Migration Act?'
    const pointing = read('What did the delegation say about amending that law?', previous)
    expect(pointing.followsUp).toBe(previous)
    expect(topicText(pointing)).toMatch(/\bMigration\b/)
    const saying = read(
      'Did the delegation say that children were detained in holding centres?',
      previous
    )
    expect(saying.followsUp).toBeNull()
  })

  it('marks names and figures as matching only themselves', () => {
    const topic = read('How many Haitian nationals applied in 2024?').topic
    expect(topic.filter((t) => t.exact).map((t) => t.word)).toEqual(['haitian', '2024'])
  })
})

describe('readQuestion, other languages', () => {
  it('reads a Spanish question through the words it shares with the record', () => {
    const q = read('¿Cuántos refugiados hay en México?')
    expect(q).toMatchObject({ language: 'es', answerType: 'number' })
    expect(q.topic.map((t) => t.word)).toContain('refugee')
  })

  it('turns Latin endings into English ones, and reads the side in the question’s words', () => {
    const q = read('¿Qué dijo la delegación sobre la detención de migrantes?')
    expect(q).toMatchObject({ language: 'es', side: 'delegation', intent: 'broad' })
    expect(q.topic.map((t) => t.word)).toEqual(expect.arrayContaining(['detention']))
  })

  it('reads past a Spanish "e" before "s" and a consonant, and doubled letters as one', () => {
    const q = read('¿Qué dijo la delegación sobre la estrategia y los oficiales?')
    expect(q.topic.map((t) => t.word)).toEqual(['strategy', 'officials'])
  })

  it('looks up a common word that looks nothing like its English one', () => {
    expect(read('¿Qué dijo la delegación sobre las mujeres y la vivienda?').topic).toEqual([
      expect.objectContaining({ word: 'women' }),
      expect.objectContaining({ word: 'housing' }),
    ])
    expect(
      read('Qu’a dit la délégation sur les enfants, contre la traite ?').topic.map((t) => t.word)
    ).toEqual(['children', 'trafficking'])
  })

  it('looks a word up unaccented, as typed on an English keyboard', () => {
    expect(read('¿Qué dijo la delegación sobre los ninos?').topic.map((t) => t.word)).toEqual([
      'children',
    ])
  })

  it('splits French elisions and keeps what matches nothing apart', () => {
    const q = read('Qu’a dit la délégation sur les centres d’intégration et les envois de fonds ?')
    expect(q).toMatchObject({ language: 'fr', side: 'delegation' })
    expect(q.topic.map((t) => t.word)).toEqual(expect.arrayContaining(['centres', 'integration']))
    expect(q.unmatched).toContain('envois')
  })
})

describe('readQuestion, answer types', () => {
  it('reads "When asked about …, what did …" as asking what, not when', () => {
    expect(read('When asked about the centres, what did Mexico say?').answerType).toBe('other')
    expect(read('When did the delegation join the meeting?').answerType).toBe('time')
  })
})

describe('readQuestion, replies', () => {
  it('reads whose question a reply question is about apart from its topic', () => {
    const q = read('Ms. Dzumhur raised the national register. How did the delegation respond?')
    expect(q).toMatchObject({ intent: 'reply', side: 'delegation', askers: ['Ms. Dzumhur'] })
    expect(topicText(q)).toBe('national register')
  })

  it('keeps the name as the topic when it is all the question names', () => {
    const q = read('What did the delegation answer Ms. Dzumhur?')
    expect(q).toMatchObject({ intent: 'reply', askers: [] })
    expect(topicText(q)).toBe('Dzumhur')
  })
})

describe('readQuestion, follow-ups', () => {
  const previous = 'How many migrant integration centres are there at the northern border?'

  it('leaves a first question alone', () => {
    expect(read('And what about children?').followsUp).toBeNull()
  })

  it('gives a question that names no topic the previous turn’s topic', () => {
    const q = read(
      'What did the delegation answer?',
      'What did the Committee ask about the CBP One application?'
    )
    expect(q.followsUp).toBe('What did the Committee ask about the CBP One application?')
    expect(topicText(q)).toBe('CBP One application')
    expect(q.intent).toBe('reply')
  })

  it('keeps the own topic of "and what about …", with the previous turn’s frame', () => {
    const q = read('And what about children?', previous)
    expect(q.followsUp).toBe(previous)
    expect(topicText(q)).toBe('children')
    expect(q.answerType).toBe('number')
  })

  it('leaves alone a question with a topic of its own', () => {
    const q = read('Who asked about remittances?', previous)
    expect(q.followsUp).toBeNull()
    expect(topicText(q)).toBe('remittances')
  })

  it('takes whom a question with a pronoun for its subject is about from the previous turn', () => {
    const before = 'What did Ms. Dzumhur ask about trafficking?'
    const q = read('Did she also raise smuggling routes?', before)
    expect(q).toMatchObject({ followsUp: before, speaker: 'Ms. Dzumhur' })
    expect(topicText(q)).toContain('smuggling')
    // "Is it true that …" is no pronoun standing for anyone.
    expect(read('Is it true that remittances rose?', previous).followsUp).toBeNull()
  })

  it('adds the previous topic to a question that ends on it ("… on that?")', () => {
    const before = 'What did Ms. Dzumhur ask about trafficking?'
    const q = read('Did the delegation give figures on that?', before)
    expect(q.followsUp).toBe(before)
    expect(topicText(q)).toMatch(/figures.*trafficking/)
  })

  it('counts, in "how many of them …", what the previous turn counted, on both turns’ topics', () => {
    const before = 'How many children were detained at migration stations?'
    const q = read('How many of them were later released?', before)
    expect(q.followsUp).toBe(before)
    expect(q.counts.map((t) => t.word)).toEqual(['children'])
    expect(topicText(q)).toMatch(/released.*detained|detained.*released/)
  })

  it('adds the previous topic when "it" is the object, not when it is the subject or points at nothing', () => {
    const before = 'What is the status of the draft migration bill?'
    const object = read('When do they expect it to be adopted?', before)
    expect(object.followsUp).toBe(before)
    expect(topicText(object)).toMatch(/adopted.*bill|bill.*adopted/)
    const subject = read('And what did it recommend on detention?', 'What did Ms. Diallo say?')
    expect(topicText(subject)).toBe('detention')
    const expletive = read('Is it true that remittances fell?', before)
    expect(expletive.followsUp).toBeNull()
  })

  it('leaves alone a question that names its speaker', () => {
    expect(read('What did Ms. Dzumhur ask?', previous).followsUp).toBeNull()
  })

  it('asks "which of them …" among the speakers the previous answer quoted, on its own topic', () => {
    const q = readQuestion(corpus, 'Which of them brought up remittances?', {
      previous: readQuestion(corpus, 'Who asked about detention?'),
      previousAnswer: { speakers: ['Ms. Dzumhur', 'Mr. Charef'], blocks: ['CMW/C/SR.593#p-6'] },
    })
    expect(q).toMatchObject({ among: ['Ms. Dzumhur', 'Mr. Charef'], leaveOut: [], intent: 'broad' })
    expect(topicText(q)).toBe('remittances')
    expect(q.followsUp).toBe('Who asked about detention?')
  })

  it('reads "what else did he say" as the rest of what that speaker said, less what was quoted', () => {
    const q = readQuestion(corpus, 'What else did he say?', {
      previous: readQuestion(corpus, 'Who asked about remittances?'),
      previousAnswer: { speakers: ['Mr. Charef'], blocks: ['CMW/C/SR.593#p-41'] },
    })
    expect(q).toMatchObject({ intent: 'speaker', among: ['Mr. Charef'] })
    expect(q.leaveOut).toEqual(['CMW/C/SR.593#p-41'])
    expect(q.topic).toEqual([])
  })

  it('keeps the previous topic for "what did they recommend" among those it quoted', () => {
    const q = readQuestion(corpus, 'What did they recommend?', {
      previous: readQuestion(corpus, 'Who raised remittances?'),
      previousAnswer: { speakers: ['Mr. Charef'], blocks: [] },
    })
    expect(topicText(q)).toBe('remittances')
    expect(q.among).toEqual(['Mr. Charef'])
  })

  it('reads "those countries" as whom the previous answer quoted, and "other" as no "what else"', () => {
    const previous = readQuestion(corpus, 'Who raised remittances?')
    const previousAnswer = { speakers: ['Mr. Charef'], blocks: ['CMW/C/SR.593#p-41'] }
    const those = readQuestion(corpus, 'What else did those members say?', {
      previous,
      previousAnswer,
    })
    expect(those).toMatchObject({ among: ['Mr. Charef'], intent: 'speaker' })
    const other = readQuestion(corpus, 'Which of them asked about other countries?', {
      previous,
      previousAnswer,
    })
    expect(other.leaveOut).toEqual([])
  })

  it('points at nobody without a previous turn', () => {
    const q = read('Which of them brought up remittances?')
    expect(q).toMatchObject({ refersToSpeakers: false, among: [], followsUp: null })
  })

  it('leans on the previous turn only, never an accumulation', () => {
    const second = readQuestion(corpus, 'And the border?', {
      previous: readQuestion(corpus, 'Tell me about remittances'),
    })
    const third = readQuestion(corpus, 'What did the delegation reply?', { previous: second })
    expect(topicText(third)).toBe('border')
  })
})

describe('readQuestion, in a library of several States’ records', () => {
  let library: Corpus
  beforeAll(async () => {
    library = new Corpus((await openLibraryIndex()).index)
  })

  it.each([
    'What did the Slovene delegation say about corruption?',
    'Qu’a dit la délégation slovène sur la corruption ?',
    '¿Qué dijo la delegación de Eslovenia sobre la corrupción?',
  ])(
    'reads the side with the State’s adjective or name, and leaves it out of the topic: "%s"',
    (question) => {
      const q = readQuestion(library, question, { record: 'A/HRC/59/15' })
      expect(q.side).toBe('delegation')
      expect(topicText(q)).toBe('corruption')
    }
  )

  it('reads what another State said "during Slovenia’s review" as all it said, the State under review no topic', () => {
    const all = readQuestion(library, 'What did Poland say during Slovenia’s review?', {
      record: 'A/HRC/59/15',
    })
    expect(all).toMatchObject({ speaker: 'Poland', intent: 'speaker' })
    expect(all.topic).toEqual([])
    const on = readQuestion(library, 'What did Poland recommend to Slovenia on hate speech?', {
      record: 'A/HRC/59/15',
    })
    expect(topicText(on)).toBe('hate speech')
  })

  const inReview = (question: string) => readQuestion(library, question, { record: 'A/HRC/59/15' })

  it.each([
    '¿Qué recomendaron los Estados sobre la corrupción?',
    '¿Qué recomendaciones hicieron los Estados sobre la corrupción?',
    'Quelles recommandations les États ont-ils faites sur la corruption ?',
  ])(
    'marks a question in another language that asks what was recommended, the word no topic: "%s"',
    (question) => {
      const q = inReview(question)
      expect(q.recommendations).toBe(true)
      expect(topicText(q)).not.toMatch(/recommend/i)
    }
  )

  it.each([
    ['¿Qué recomendó Uruguay a Eslovenia sobre la corrupción?', 'Uruguay'],
    ['Qu’a recommandé le Portugal à la Slovénie sur la corruption ?', 'Portugal'],
  ])('reads the State a question in another language names as who spoke: "%s"', (question, who) => {
    const q = inReview(question)
    expect(q).toMatchObject({ speaker: who, side: null })
    expect(topicText(q)).toBe('corruption')
  })

  it.each([
    'Qu’a expliqué la Slovénie sur la corruption ?',
    '¿Qué propuso Eslovenia sobre la corrupción?',
    // Another State said to, or spoken about, is no speaker.
    '¿Qué respondió Eslovenia a Uruguay sobre la corrupción?',
    '¿Qué dijo Eslovenia sobre su cooperación con Uruguay?',
    'Qu’a dit la Slovénie sur sa coopération avec le Portugal ?',
  ])(
    'reads the State under review named in another language as its delegation: "%s"',
    (question) => {
      expect(inReview(question)).toMatchObject({ side: 'delegation', speaker: null })
    }
  )

  it.each([
    '¿Qué países recomendaron a Eslovenia combatir la corrupción?',
    'Quels États ont parlé de la corruption en Slovénie ?',
  ])(
    'reads the State under review as no side where it is said to, or who spoke is asked: "%s"',
    (question) => {
      expect(inReview(question).side).toBeNull()
    }
  )
})
