import { describe, expect, it } from 'vitest'
import { readText } from '../../src/ingest/text.ts'
import { parseDocument } from '../../src/records/parse.ts'

/** Parses body lines under a small cover; returns each paragraph's speaker, role, State and turn start. */
const speakers = (chair: string, ...lines: string[]) => {
  const text = [
    'CCPR/C/SR.1',
    `Chairman: ${chair}`,
    'The meeting was called to order at 3 p.m.',
    ...lines,
  ].join('\n')
  const record = parseDocument(readText(new TextEncoder().encode(text), 'r.txt'), { file: 'r.txt' })
  return {
    record,
    turns: record.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => [b.speaker, b.roles.join('+'), b.state, b.turnStart]),
  }
}

describe('speakers and roles', () => {
  it('reads a delegate from a name followed by a State in parentheses, in any era’s case', () => {
    const { turns } = speakers(
      'Mr. POCAR',
      'Ms. Magot (Sudan) said that the law had changed.',
      'Mr. DLAMINI (Swaziland) underscored that courts were open.',
      'Ms. Ople (Philippines) conveyed her Government’s thanks.',
      'Mr. DLAMINI added that more would follow.'
    )
    expect(turns).toEqual([
      ['Ms. Magot', 'state_delegation', 'Sudan', true],
      ['Mr. DLAMINI', 'state_delegation', 'Swaziland', true],
      ['Ms. Ople', 'state_delegation', 'Philippines', true],
      ['Mr. DLAMINI', 'state_delegation', 'Swaziland', true],
    ])
  })

  it('resolves every form of the presiding officer to whoever presides, and follows a change of chair', () => {
    const { turns, record } = speakers(
      'Mr. POCAR',
      'The CHAIRMAN drew attention to the time limits.',
      'The CHAIRPERSON summarized the discussion.',
      'Mr. Ando (Vice-Chairman) took the Chair.',
      'The Chair read out the list of speakers.',
      'Mr. Ando congratulated the delegation.'
    )
    expect(turns).toEqual([
      ['Mr. POCAR', 'chair+committee_member', null, true],
      ['Mr. POCAR', 'chair+committee_member', null, true],
      ['Mr. Ando', 'chair+committee_member', null, true],
      ['Mr. Ando', 'chair+committee_member', null, true],
    ])
    expect(record.blocks.find((b) => /took the Chair/.test(b.text))?.kind).toBe('procedural')
  })

  it('tells country rapporteurs, the Committee’s own officers and the secretariat apart by their titles', () => {
    const { turns, record } = speakers(
      'Mr. POCAR',
      'Ms. Chanet (Country Rapporteur) recalled the last review.',
      'Mr. Kälin (Rapporteur) introduced the draft report.',
      'Mr. Walker (Secretary of the Committee (Office of the United Nations High Commissioner for Human Rights)) read out a statement.',
      'Ms. Chanet wondered whether the bill had passed.'
    )
    expect(turns).toEqual([
      ['Ms. Chanet', 'country_rapporteur+committee_member', null, true],
      ['Mr. Kälin', 'committee_member', null, true],
      ['Mr. Walker', 'secretariat', null, true],
      ['Ms. Chanet', 'country_rapporteur+committee_member', null, true],
    ])
    expect(record.roster.map((r) => [r.speaker, r.title])).toEqual([
      ['Ms. Chanet', 'Country Rapporteur'],
      ['Mr. Kälin', 'Rapporteur'],
      ['Mr. Walker', 'Secretary of the Committee'],
    ])
  })

  it('reads anonymous delegation subjects for the State whose report is under consideration', () => {
    const { turns } = speakers(
      'Mr. POCAR',
      'Initial report of Peru (continued) (CCPR/C/PER/1)',
      'A representative of Peru said that the census was complete.',
      'A member of the delegation explained the new procedure.',
      'Another representative pointed out that figures were provisional.',
      'The delegation would reply in writing.'
    )
    expect(turns).toEqual([
      ['A representative of Peru', 'state_delegation', 'Peru', true],
      ['A member of the delegation of Peru', 'state_delegation', 'Peru', true],
      ['A representative of Peru', 'state_delegation', 'Peru', true],
      ['The delegation of Peru', 'state_delegation', 'Peru', true],
    ])
  })

  it('continues a turn through unattributed paragraphs, and ends it at narration', () => {
    const { turns } = speakers(
      'Mr. POCAR',
      'Mr. Ando, noting that the report was late, asked about detention.',
      'He would also like to know more about prisons.',
      'At the invitation of the Chairman, the delegation took places at the Committee table.',
      'It was so decided.',
      'Mr. Ando’s question was then taken up by the delegation.'
    )
    expect(turns).toEqual([
      ['Mr. Ando', 'committee_member', null, true],
      ['Mr. Ando', 'committee_member', null, false],
      [null, 'other', null, false],
      [null, 'other', null, false],
      [null, 'other', null, false],
    ])
  })

  it('does not take a statement about someone for their speech', () => {
    const { turns } = speakers(
      'Mr. POCAR',
      'Mr. Ruiz (Mexico) said that several detainees had been freed.',
      'Mr. Garang, whose case had been raised earlier, had been released in May.',
      'Ms. Chanet was concerned that the release had been delayed.'
    )
    expect(turns.map((t) => t[0])).toEqual(['Mr. Ruiz', 'Mr. Ruiz', 'Ms. Chanet'])
  })

  it('takes States as speakers in a report of States’ statements, and the State under review as its delegation', () => {
    const text = [
      'A/HRC/1/1',
      'Report of the Working Group on the Universal Periodic Review',
      'Slovenia',
      '1. Germany welcomed the new law.',
      '2. The United Kingdom of Great Britain and Northern Ireland noted the progress made.',
      '3. Concerning detention, Slovenia explained that a reform was under way.',
      'II. Conclusions and/or recommendations',
      '4. The following recommendations were made:',
      '4.1 Ratify the Convention (Chile) (Peru);',
      '4.2 Adopt the law (Chile);',
      '4.3 Ratify the Covenant (ICESCR) (Iran (Islamic Republic of));',
      '4.4 Ratify it (Senegal, Venezuela (Bolivarian Republic of), Peru);',
      '4.5 Ratify the Protocol (Bosnia and Herzegovina);',
      '4.6 Adopt a plan (Chile and Peru);',
      '4.7 Consult civil society (including women’s organizations);',
      '4.8 Ensure its compliance (Egypt); continue its efforts (Peru); take measures (Chile);',
    ].join('\n')
    const record = parseDocument(readText(new TextEncoder().encode(text), 'u.txt'), {
      file: 'u.txt',
    })
    expect(record.meta.state).toBe('Slovenia')
    const paragraphs = record.blocks.filter((b) => b.kind === 'paragraph')
    expect(paragraphs.map((b) => [b.label, b.speaker, b.role, b.state])).toEqual([
      ['1', 'Germany', 'other_state', 'Germany'],
      [
        '2',
        'United Kingdom of Great Britain and Northern Ireland',
        'other_state',
        'United Kingdom of Great Britain and Northern Ireland',
      ],
      ['3', 'Slovenia', 'state_delegation', 'Slovenia'],
      ['4', null, 'other', null],
      // A joint recommendation is all its States', no one State's.
      ['4.1', 'Chile, Peru', 'other_state', null],
      ['4.2', 'Chile', 'other_state', 'Chile'],
      // Names with parentheses or "and" of their own are one State.
      ['4.3', 'Iran (Islamic Republic of)', 'other_state', 'Iran (Islamic Republic of)'],
      ['4.4', 'Senegal, Venezuela (Bolivarian Republic of), Peru', 'other_state', null],
      ['4.5', 'Bosnia and Herzegovina', 'other_state', 'Bosnia and Herzegovina'],
      ['4.6', 'Chile, Peru', 'other_state', null],
      ['4.7', null, 'other', null],
      // One item that joins several States' recommendations is all of theirs.
      ['4.8', 'Egypt, Peru, Chile', 'other_state', null],
    ])
  })
})
