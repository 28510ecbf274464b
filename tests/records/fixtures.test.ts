// Nineteen fictional records of eight committees, 1993–2024, read back from every format the UN publishes and checked paragraph by paragraph.
import { describe, expect, it } from 'vitest'
import type { Block, ParsedRecord } from '../../src/records/block.ts'
import { canonicalName } from '../../src/records/speakers.ts'
import type { RecordModel } from '../fixtures/records/models.ts'
import { HELD_OUT, loadModels, modelParagraphs } from '../fixtures/records/models.ts'
import type { FixtureFormat } from '../fixtures/records/read-model.ts'
import { FORMATS, asRendered, readModel } from '../fixtures/records/read-model.ts'

// The reader was developed on the first set; the second was written later by someone who had not
// seen it, and first run as a held-out check (see the README).
const models = [...(await loadModels()), ...(await loadModels(HELD_OUT))]

/** A paragraph as the truth states it: number, text, and who speaks in what role for which State. */
const truthOf = (model: RecordModel, format: FixtureFormat) =>
  modelParagraphs(model).map((p) => ({
    label: String(p.n),
    text: asRendered(format, p.text),
    speaker: p.speaker === null ? null : canonicalName(asRendered(format, p.speaker)),
    role: p.role === 'narration' ? 'other' : p.role,
    state: p.state,
    turnStart: p.turnStart,
  }))

/** The same view of a parsed paragraph. An anonymous delegation speaker is compared by role and State. */
const readingOf = (block: Block, truth: ReturnType<typeof truthOf>[number] | undefined) => ({
  label: block.label,
  text: block.text,
  speaker: truth?.speaker === null ? null : block.speaker && canonicalName(block.speaker),
  role: block.role,
  state: truth?.state === null ? null : block.state,
  turnStart: block.turnStart,
})

describe('fixture records read from every format', () => {
  it('cover eight committees, both eras, printed and lost numbering', () => {
    expect(new Set(models.map((m) => m.committee)).size).toBeGreaterThanOrEqual(6)
    expect(new Set(models.map((m) => m.era))).toEqual(new Set(['old', 'modern']))
    expect(new Set(models.map((m) => m.numbering))).toEqual(new Set(['printed', 'lost']))
    expect(models.length).toBeGreaterThanOrEqual(12)
  })

  describe.each(FORMATS)('as %s', (format) => {
    const reads = new Map<string, ParsedRecord>()
    const read = async (model: RecordModel) => {
      const cached = reads.get(model.slug)
      if (cached) return cached
      const record = await readModel(model, format)
      reads.set(model.slug, record)
      return record
    }

    it.each(models.map((m) => [m.slug, m] as const))(
      '%s: every paragraph keeps its number, its text and its speaker',
      async (_, model) => {
        const record = await read(model)
        const truth = truthOf(model, format)
        const paragraphs = record.blocks.filter((b) => b.kind === 'paragraph')
        expect(paragraphs.map((b, i) => readingOf(b, truth[i]))).toEqual(truth)
        // Word's numbering and a web page's list generate the numbers a record prints.
        const printed = model.numbering === 'printed' || format === 'docx'
        expect(record.numbering).toBe(printed ? 'printed' : 'recounted')
      }
    )

    it.each(models.map((m) => [m.slug, m] as const))(
      '%s: headings and procedural lines are the document’s own, unnumbered',
      async (_, model) => {
        const record = await read(model)
        const texts = (kinds: string[]) =>
          model.blocks.filter((b) => kinds.includes(b.kind)).map((b) => asRendered(format, b.text))
        expect(record.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(
          texts(['heading'])
        )
        expect(record.blocks.filter((b) => b.kind === 'procedural').map((b) => b.text)).toEqual(
          texts(['procedural', 'unnumbered'])
        )
      }
    )

    it.each(models.map((m) => [m.slug, m] as const))(
      '%s: the masthead is read from the cover, and the cover is no paragraph',
      async (_, model) => {
        const record = await read(model)
        const expected = Object.fromEntries(
          Object.entries(model.masthead).map(([key, value]) => [
            key,
            typeof value === 'string'
              ? asRendered(format, value)
              : Array.isArray(value)
                ? value.map((v) => asRendered(format, v))
                : value,
          ])
        )
        expect(record.meta).toMatchObject(expected)
      }
    )

    it.each(models.map((m) => [m.slug, m] as const))(
      '%s: a gap or repeat in the printed numbers is warned of, and nothing else',
      async (_, model) => {
        const record = await read(model)
        const numbering = record.warnings.filter((w) => /^paragraph/.test(w))
        expect(numbering.length > 0).toBe(model.expectWarnings !== undefined)
        expect(record.warnings.filter((w) => !/^paragraph|read as two columns/.test(w))).toEqual([])
      }
    )
  })
})
