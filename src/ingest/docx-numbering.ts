// Word's automatic numbering: the numbering definitions (numbering.xml) and the label each numbered paragraph shows.

export type NumberFormat =
  | 'decimal'
  | 'decimalZero'
  | 'lowerLetter'
  | 'upperLetter'
  | 'lowerRoman'
  | 'upperRoman'
  | 'bullet'
  | 'none'

export type NumberingLevel = {
  start: number
  format: NumberFormat
  /** "%1.", "%1.%2", "(%3)", or the bullet character. */
  text: string
  /** Shows every level in decimal ("isLgl"). */
  legal: boolean
  /** The level whose increment restarts this one; by default the one above it. */
  restartAfter: number | null
}

export type NumberingDefinitions = {
  /** Abstract definitions: their levels by index. */
  abstracts: Map<string, NumberingLevel[]>
  /** Numbering instances: the abstract they use and the levels they restart or override. */
  instances: Map<
    string,
    { abstract: string; overrides: Map<number, { start?: number; level?: NumberingLevel }> }
  >
}

const roman = (n: number): string => {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ]
  let out = ''
  let rest = n
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits
      rest -= value
    }
  }
  return out
}

const letters = (n: number): string => {
  // Word repeats the letter past z: 27 → "aa".
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

export const formatNumber = (n: number, format: NumberFormat): string => {
  switch (format) {
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'lowerLetter':
      return letters(n)
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerRoman':
      return roman(n)
    case 'upperRoman':
      return roman(n).toUpperCase()
    case 'none':
    case 'bullet':
      return ''
    default:
      return String(n)
  }
}

/** Gives each numbered paragraph, in document order, the label Word would display for it. */
export class NumberingCounter {
  // Counters are kept per abstract definition: instances that share one continue its count
  // unless they restart it with a start override.
  private readonly counts = new Map<string, number[]>()
  private readonly started = new Set<string>()

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** The label of a paragraph numbered with instance `numId` at `level`, or null if none shows. */
  next(numId: string, level: number): { label: string; bullet: boolean } | null {
    const instance = this.definitions.instances.get(numId)
    if (!instance) return null
    const levels = (this.definitions.abstracts.get(instance.abstract) ?? []).map(
      (l, i) => instance.overrides.get(i)?.level ?? l
    )
    const definition = levels[level]
    if (!definition) return null
    const counts = this.counts.get(instance.abstract) ?? levels.map((l) => l.start - 1)
    if (!this.started.has(numId)) {
      this.started.add(numId)
      for (const [i, override] of instance.overrides) {
        if (override.start !== undefined) counts[i] = override.start - 1
      }
    }
    counts[level] = (counts[level] ?? definition.start - 1) + 1
    levels.forEach((l, i) => {
      if (i > level && (l.restartAfter === null || l.restartAfter <= level)) counts[i] = l.start - 1
    })
    this.counts.set(instance.abstract, counts)
    if (definition.format === 'bullet') return { label: definition.text || '•', bullet: true }
    const label = definition.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1
      const source = levels[i]
      const format = definition.legal ? 'decimal' : (source?.format ?? 'decimal')
      return formatNumber(Math.max(counts[i] ?? 1, 1), format)
    })
    return label.trim() ? { label: label.trim(), bullet: false } : null
  }
}
