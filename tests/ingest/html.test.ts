import { describe, expect, it } from 'vitest'
import { readHtml } from '../../src/ingest/html.ts'

const page = (body: string, head = '<meta charset="utf-8">') =>
  new TextEncoder().encode(
    `<!DOCTYPE html><html><head>${head}<title>Record</title></head><body>${body}</body></html>`
  )

describe('readHtml', () => {
  it('makes each block element a block and keeps the numbers an ordered list shows', () => {
    const { blocks } = readHtml(
      page(
        '<h2>Agenda item 4</h2><ol start="3"><li>Third.</li><li>Fourth.</li><li value="9">Ninth.</li></ol><ol type="a"><li>Item.</li></ol><ul><li>Point.</li></ul>'
      ),
      'r.html'
    )
    expect(blocks.map((b) => [b.label, b.heading, b.text])).toEqual([
      [null, true, 'Agenda item 4'],
      ['3.', false, 'Third.'],
      ['4.', false, 'Fourth.'],
      ['9.', false, 'Ninth.'],
      ['a.', false, 'Item.'],
      ['•', false, 'Point.'],
    ])
  })

  it('leaves out scripts, styles, navigation and the site footer, and decodes entities', () => {
    const { blocks } = readHtml(
      page(
        '<nav>Home | Documents</nav><script>var x = "<p>no</p>"</script><p>Ms.&nbsp;Dzumhur said &ldquo;yes&rdquo; &amp; left.</p><footer>© site</footer>',
        '<style>p{}</style>'
      ),
      'r.html'
    )
    expect(blocks.map((b) => b.text)).toEqual(['Ms. Dzumhur said “yes” & left.'])
  })

  it('keeps line breaks inside a block as its lines, and bold throughout as a heading', () => {
    const { blocks } = readHtml(
      page('<p>Distr.: General<br>23 April 2025</p><p><b>CONTENTS</b></p>'),
      'r.html'
    )
    expect(blocks.map((b) => [b.lines, b.heading])).toEqual([
      [['Distr.: General', '23 April 2025'], false],
      [['CONTENTS'], true],
    ])
  })

  it('reads the charset a page declares, and refuses bytes that are not UTF-8 when it declares none', () => {
    const latin = Buffer.from(
      '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 r\xe9gional.</p></body></html>',
      'latin1'
    )
    expect(readHtml(new Uint8Array(latin), 'l.html').blocks.map((b) => b.text)).toEqual([
      'Café régional.',
    ])
    const undeclared = Buffer.from('<p>Caf\xe9</p>', 'latin1')
    expect(() => readHtml(new Uint8Array(undeclared), 'u.html')).toThrow(
      'u.html: not valid UTF-8, and the page declares no other charset'
    )
  })
})
