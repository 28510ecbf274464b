// Language data: English, Spanish and French question words, and the facts of English the reader uses.
export * from './english.ts'
export * from './french.ts'
export * from './language.ts'
export * from './spanish.ts'
