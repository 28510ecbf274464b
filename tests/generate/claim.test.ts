import { beforeAll, describe, expect, it } from 'vitest'
import { checkClaim } from '../../src/generate/claim.ts'
import type { Block } from '../../src/records/block.ts'
import { Corpus } from '../../src/retrieve/corpus.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

let corpus: Corpus
let delegation: Block
let committee: Block
beforeAll(async () => {
  const { index } = await openRealIndex()
  corpus = new Corpus(index)
  // Paragraph 19 (the delegation: the three integration centres) and 40 (Mr. Charef's question).
  delegation = index.blocks.find((b) => b.paragraph === 19) as Block
  committee = index.blocks.find((b) => b.paragraph === 40) as Block
})

const check = (claim: string, block = delegation) =>
  checkClaim(corpus, claim, [block], { floor: corpus.policy.claimCoverage })

describe('checkClaim', () => {
  it('accepts what the paragraph says, in other words', () => {
    const result = check(
      'The representative of Mexico said that migrants in transit could get support at three migrant integration centres on the northern border.'
    )
    expect(result).toMatchObject({ ok: true, reason: null })
    expect(result.score).toBeGreaterThan(0.8)
  })

  it('refuses a figure the paragraph does not give, naming it', () => {
    const result = check(
      'The representative of Mexico said the migrant integration centres at the northern border had a total capacity of 2,900 persons.'
    )
    expect(result).toMatchObject({ ok: false, reason: '2900 is not in the paragraphs it cites' })
    expect(result.unmatched).toContain('2900')
  })

  it('refuses a name the paragraph does not hold', () => {
    expect(
      check('The delegation said that migrants could receive support at centres run by UNICEF.')
        .reason
    ).toBe('UNICEF is not in the paragraphs it cites')
  })

  it('refuses an invention on the paragraph’s topic, with its score and the words not matched', () => {
    const result = check(
      'Mexico admitted that it had closed every migrant integration centre and deported everyone.'
    )
    expect(result.ok).toBe(false)
    expect(result.score).toBeLessThan(corpus.policy.claimCoverage)
    expect(result.unmatched).toEqual(expect.arrayContaining(['closed', 'deported']))
  })

  it('refuses a negation the paragraph does not make', () => {
    expect(
      check(
        'The representative of Mexico said that migrants in transit could not receive support at the three migrant integration centres at the northern border.'
      ).reason
    ).toBe('it negates what the paragraph it cites states')
  })

  it('refuses a word of quantity or direction of another kind than the paragraph’s', () => {
    expect(
      check(
        'The delegation said that only a few migrants in transit could receive support at the migrant integration centres at the northern border.'
      ).ok
    ).toBe(false)
  })

  it('refuses the words of one side given to the other', () => {
    expect(
      check(
        'The delegation said it would like more information about the mobile phone application rolled out by the Ministry of Foreign Affairs.',
        committee
      ).reason
    ).toBe('it gives the words to the other side of the dialogue')
    expect(
      check(
        'Mr. Charef said that he would like more information about the mobile phone application rolled out by the Ministry of Foreign Affairs.',
        committee
      ).ok
    ).toBe(true)
  })

  it('checks a claim in another language by its figures and names only', () => {
    const result = checkClaim(
      corpus,
      'Había tres centros de integración para migrantes en la frontera norte, con 1,900 personas.',
      [delegation],
      { floor: corpus.policy.claimCoverage, english: false }
    )
    expect(result.ok).toBe(true)
  })
})
