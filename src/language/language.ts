// The languages a question may be asked in, and which one a question is in: a second language is data, not code.
import { ENGLISH_QUESTIONS, ENGLISH_SPEAKERS, STOPWORDS } from './english.ts'
import { FRENCH_GLOSSARY } from './french-glossary.ts'
import {
  FRENCH_ABOUT,
  FRENCH_ADDRESSEE,
  FRENCH_ELISION,
  FRENCH_ENDINGS,
  FRENCH_QUESTIONS,
  FRENCH_SIDES,
  FRENCH_STOPWORDS,
} from './french.ts'
import { SPANISH_GLOSSARY } from './spanish-glossary.ts'
import {
  SPANISH_ABOUT,
  SPANISH_ADDRESSEE,
  SPANISH_ENDINGS,
  SPANISH_PROTHESIS,
  SPANISH_QUESTIONS,
  SPANISH_SIDES,
  SPANISH_STOPWORDS,
} from './spanish.ts'

export const LANGUAGE_CODES = ['en', 'es', 'fr'] as const
export type LanguageCode = (typeof LANGUAGE_CODES)[number]

/** What the question reader needs to know of a language. */
export type QuestionLanguage = {
  code: LanguageCode
  name: string
  stopwords: ReadonlySet<string>
  questions: {
    number: RegExp
    time: RegExp
    person: RegExp
    reply: RegExp
    broad: RegExp
    duration?: RegExp
    /** A question asking for a sum of money. */
    amount?: RegExp
    /** The opening of a question that counts ("how many …"): what follows names what it counts. */
    counting?: RegExp
    /** Asks what was recommended: "Which States recommended …", "the recommendations on …". */
    recommendation: RegExp
  }
  /** Words naming the Committee's side and the State's. */
  sides: { committee: RegExp; delegation: RegExp }
  /** Endings of shared Latin words and their English counterparts, longest first (accents folded). */
  endings?: readonly (readonly [string, string])[]
  /** An elided word glued to the front of the next ("d’intégration"). */
  elision?: RegExp
  /** A sound the language puts before a word that English does not ("Eslovenia": "Slovenia"). */
  prothesis?: RegExp
  /** Its common words whose English ones look nothing like them ("mujeres": "women"). */
  glossary?: Readonly<Record<string, string>>
  /** What ends the words before a name said to, not speaking ("… recomendó a Eslovenia"). */
  addressee?: RegExp
  /** What ends the words before a name the question is about, not who spoke ("… con Croacia"). */
  about?: RegExp
}

export const ENGLISH: QuestionLanguage = {
  code: 'en',
  name: 'English',
  stopwords: STOPWORDS,
  questions: ENGLISH_QUESTIONS,
  sides: ENGLISH_SPEAKERS,
}

export const LANGUAGES: readonly QuestionLanguage[] = [
  ENGLISH,
  {
    code: 'es',
    name: 'Spanish',
    stopwords: SPANISH_STOPWORDS,
    questions: SPANISH_QUESTIONS,
    sides: SPANISH_SIDES,
    endings: SPANISH_ENDINGS,
    prothesis: SPANISH_PROTHESIS,
    glossary: SPANISH_GLOSSARY,
    addressee: SPANISH_ADDRESSEE,
    about: SPANISH_ABOUT,
  },
  {
    code: 'fr',
    name: 'French',
    stopwords: FRENCH_STOPWORDS,
    questions: FRENCH_QUESTIONS,
    sides: FRENCH_SIDES,
    endings: FRENCH_ENDINGS,
    elision: FRENCH_ELISION,
    glossary: FRENCH_GLOSSARY,
    addressee: FRENCH_ADDRESSEE,
    about: FRENCH_ABOUT,
  },
]

/**
 * The language most of a question's function words belong to; English when none stands out.
 * Function words are the commonest words of a language and the ones its neighbours share least.
 */
export const detectLanguage = (words: readonly string[]): QuestionLanguage => {
  let best = ENGLISH
  let bestScore = words.filter((w) => ENGLISH.stopwords.has(w)).length
  for (const language of LANGUAGES) {
    if (language === ENGLISH) continue
    // Words English also has ("a", "me", "son") say nothing about which it is.
    const own = words.filter((w) => language.stopwords.has(w) && !ENGLISH.stopwords.has(w)).length
    if (own > bestScore) {
      best = language
      bestScore = own
    }
  }
  return best
}

/** The English name of a language, as prompts name it. */
export const languageName = (code: LanguageCode): string =>
  LANGUAGES.find((l) => l.code === code)?.name ?? 'English'
