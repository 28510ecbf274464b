import { composePipeline } from '../../src/compose.ts'
import { FakeListChatModel } from '@langchain/core/utils/testing'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { loadAnswerPrompt } from '../../src/generate/prompt.ts'
import { createApp } from '../../src/server/app.tsx'
import { askOnPage, launchChromium } from '../../src/web/chromium.ts'
import { browserAvailable, serveApp } from '../fixtures/browser.ts'
import { HOSTILE_TEXT, openHostileIndex } from '../fixtures/hostile-index.ts'
import { openLibraryIndex } from '../fixtures/library-index.ts'
import { openRealIndex } from '../fixtures/real-index.ts'

const enabled = browserAvailable()

describe.skipIf(!enabled)('chat page in Chromium', () => {
  let browser: Browser
  let page: Page
  const servers: { url: string; close: () => Promise<void> }[] = []
  let url: string
  let hostileUrl: string
  let failingUrl: string
  let generativeUrl: string
  let libraryUrl: string

  beforeAll(async () => {
    const [{ index }, hostile, prompt, library] = await Promise.all([
      openRealIndex(),
      openHostileIndex(),
      loadAnswerPrompt(join(PROJECT_ROOT, 'prompts')),
      openLibraryIndex(),
    ])
    const quiet = { logError: () => {} }
    // A model whose second sentence cites a paragraph it was not given.
    const model = new FakeListChatModel({
      responses: [
        'The representative of Mexico said there were “three migrant integration centres at the northern border” [para 19]. They were praised by every member [para 99].',
      ],
    })
    servers.push(
      await serveApp(createApp(composePipeline(index))),
      await serveApp(createApp(composePipeline(hostile.index))),
      await serveApp(createApp(composePipeline(hostile.failing), quiet)),
      await serveApp(
        createApp(composePipeline(index, { generator: { name: 'fake', model, prompt } }))
      ),
      await serveApp(createApp(composePipeline(library.index)))
    )
    ;[url, hostileUrl, failingUrl, generativeUrl, libraryUrl] = servers.map((s) => s.url) as [
      string,
      string,
      string,
      string,
      string,
    ]
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((s) => s.close()))
  })

  beforeEach(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url })
    page = await context.newPage()
  })

  const ask = (question: string) => askOnPage(page, question)

  it('shows the records loaded and answers a question with citation chips', async () => {
    await page.goto(url)
    await expect(page.locator('.records').textContent()).resolves.toContain('CMW/C/SR.593')
    await expect(page.locator('.records').textContent()).resolves.toContain(
      '593rd meeting, 2025-04-08'
    )
    const answer = await ask(
      'How many migrant integration centres are there at the northern border?'
    )
    await expect(answer.locator('blockquote').first().textContent()).resolves.toContain(
      'three migrant integration centres at the northern border'
    )
    await expect(answer.locator('.chip').first().textContent()).resolves.toBe(
      'para. 19 · A representative of Mexico'
    )
    await expect(page.locator('#conversation').getAttribute('aria-live')).resolves.toBe('polite')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('question')
  })

  it('opens a chip beside the chat with the cited sentence highlighted, steps and copies', async () => {
    await page.goto(url)
    const answer = await ask(
      'How many migrant integration centres are there at the northern border?'
    )
    const excerpt = await answer.locator('blockquote').first().textContent()
    await answer.locator('.chip').first().click()
    await page.locator('#panel:not([hidden])').waitFor()
    await expect(page.locator('#panel-title').textContent()).resolves.toBe('CMW/C/SR.593, para. 19')
    await expect(page.locator('#panel mark').textContent()).resolves.toBe(excerpt)
    await expect(page.locator('#panel-speaker').textContent()).resolves.toBe(
      'A representative of Mexico (State delegation)'
    )
    await page.locator('#panel-copy').click()
    await page.locator('#panel-status', { hasText: 'Copied' }).waitFor()
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      'CMW/C/SR.593, para. 19'
    )
    await page.locator('#panel-next').click()
    await page.locator('#panel-title', { hasText: 'para. 20' }).waitFor()
    await page.locator('#panel-previous').click()
    await page.locator('#panel-title', { hasText: 'para. 19' }).waitFor()
    await expect(page.locator('#panel mark').count()).resolves.toBe(0)
    await expect(page.locator('#panel-link').getAttribute('href')).resolves.toBe(
      '/records/cmw-c-sr-593/paragraphs/19'
    )
  })

  it('copies a citation in the official form from the answer itself', async () => {
    await page.goto(url)
    const answer = await ask(
      'Who asked about the mobile phone application for Mexicans in the United States?'
    )
    await answer.locator('button.copy').first().click()
    await answer.locator('button.copy', { hasText: 'Copied' }).waitFor()
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      'CMW/C/SR.593, para. 40'
    )
  })

  it('is usable from the keyboard: chips reachable by Tab, Escape closes the panel and returns focus', async () => {
    await page.goto(url)
    await ask('Who asked about pesticides affecting seasonal farmworkers?')
    // Focus is back in the question box; the chips sit just before it in the tab order.
    for (
      let i = 0;
      i < 4 && !(await page.evaluate(() => document.activeElement?.classList.contains('chip')));
      i++
    ) {
      await page.keyboard.press('Shift+Tab')
    }
    const chip = page.locator('.chip').first()
    await expect(chip.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.press('Enter')
    await page.locator('#panel:not([hidden])').waitFor()
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('panel-title')
    await page.keyboard.press('Escape')
    await page.locator('#panel').waitFor({ state: 'hidden' })
    await expect(chip.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
  })

  it('shows a follow-up as "Follow-up on" its previous question, and a new topic as standing alone', async () => {
    await page.goto(url)
    const first = 'What did the Committee ask about the mobile phone application?'
    await ask(first)
    const followUp = await ask('What did the delegation answer?')
    const turns = page.locator('li.turn.user')
    await expect(turns.nth(1).locator('.context').textContent()).resolves.toBe(
      `Follow-up on: ${first}`
    )
    await expect(followUp.locator('.chip').first().textContent()).resolves.toBe(
      'para. 47 · A representative of Mexico'
    )
    const switched = await ask('Who asked about remittances?')
    await expect(turns.nth(2).locator('.context').isHidden()).resolves.toBe(true)
    await expect(switched.locator('.chip').first().textContent()).resolves.toBe(
      'para. 41 · Mr. Charef'
    )
    // The newest answer is in view, not left below the question box.
    const top = await switched.evaluate((e) => e.getBoundingClientRect().top)
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight))
  })

  it('names the record on each chip when the page holds several', async () => {
    await page.goto(libraryUrl)
    const answer = await ask('What did Mexico say about child poverty?')
    const chips = await answer.locator('.chip').allTextContents()
    expect(chips.length).toBeGreaterThan(0)
    expect(chips.every((c) => /^[A-Z]+\/[^ ]+, (?:para\.|heading|procedural)/.test(c))).toBe(true)
  })

  it('keeps a follow-up in the record the previous answer cited', async () => {
    await page.goto(libraryUrl)
    await ask('What did the delegation say about refugees?')
    const followUp = await ask('And what about children?')
    const chips = await followUp.locator('.chip').allTextContents()
    expect(chips.length).toBeGreaterThan(0)
    expect(chips.every((c) => c.startsWith('CMW/C/SR.593, '))).toBe(true)
  })

  it('shows on each turn the record and speaker filter it was asked under', async () => {
    await page.goto(url)
    await page.locator('#speaker').selectOption('Ms. Dzumhur')
    await ask('children')
    await expect(page.locator('li.turn.user .context').first().textContent()).resolves.toBe(
      'Speaker: Ms. Dzumhur'
    )
  })

  it('narrows a question to a speaker chosen on the page', async () => {
    await page.goto(url)
    await page.locator('#speaker').selectOption('Ms. Dzumhur')
    const answer = await ask('children')
    const chips = await answer.locator('.chip').allTextContents()
    expect(chips.length).toBeGreaterThan(0)
    expect(chips.every((c) => c.endsWith('· Ms. Dzumhur'))).toBe(true)
  })

  it('says plainly when the record does not address the question, with no chips', async () => {
    await page.goto(url)
    const answer = await ask('What did the Committee say about climate change?')
    await expect(answer.textContent()).resolves.toContain('does not appear to address')
    await expect(answer.locator('.chip').count()).resolves.toBe(0)
    await expect(answer.getAttribute('class')).resolves.toContain('abstained')
  })

  it('renders a question full of HTML as text', async () => {
    await page.goto(url)
    const question =
      '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> climate?'
    await ask(question)
    await expect(page.locator('li.turn.user p').first().textContent()).resolves.toBe(question)
    await expect(
      page.evaluate(() => (window as { __pwned?: number }).__pwned)
    ).resolves.toBeUndefined()
    await expect(page.locator('#conversation img').count()).resolves.toBe(0)
  })

  it('renders a record holding HTML as text, in answers, the panel and the permalink page', async () => {
    await page.goto(hostileUrl)
    const answer = await ask('What appeared in the migrant register?')
    await expect(answer.locator('blockquote').first().textContent()).resolves.toBe(HOSTILE_TEXT)
    await answer.locator('.chip').first().click()
    await expect(page.locator('#panel mark').textContent()).resolves.toBe(HOSTILE_TEXT)
    await page.goto(`${hostileUrl}/records/test-sr-1/paragraphs/1`)
    await expect(page.locator('.paragraph-text').textContent()).resolves.toBe(HOSTILE_TEXT)
    await expect(page.locator('.meta').textContent()).resolves.toContain('Test <b>Committee</b>')
    await expect(
      page.evaluate(() => (window as { __pwned?: number }).__pwned)
    ).resolves.toBeUndefined()
  })

  it('shows a server failure in the middle of the stream to the user', async () => {
    await page.goto(failingUrl)
    const answer = await ask('What appeared in the migrant register?')
    await expect(answer.locator('[role="alert"]').textContent()).resolves.toBe(
      'Something went wrong: the server failed to answer; the failure has been logged'
    )
    await expect(page.locator('#send').isDisabled()).resolves.toBe(false)
  })

  it('shows a model’s answer as it streams, strikes the sentence that did not verify, and cites the rest', async () => {
    await page.goto(generativeUrl)
    const answer = await ask(
      'How many migrant integration centres are there at the northern border?'
    )
    await expect(answer.locator('.prose').textContent()).resolves.toContain(
      '“three migrant integration centres at the northern border” [para 19].'
    )
    await expect(answer.locator('.prose .unsupported del').textContent()).resolves.toBe(
      'They were praised by every member [para 99].'
    )
    await expect(answer.locator('.prose .unsupported .reason').textContent()).resolves.toContain(
      'para 99, which the model was not given'
    )
    await expect(answer.locator('.chip').first().textContent()).resolves.toBe(
      'para. 19 · A representative of Mexico'
    )
  })

  it('serves a permalink page for any paragraph, by symbol or slug, with neighbours', async () => {
    for (const record of ['CMW%2FC%2FSR.593', 'cmw-c-sr-593']) {
      await page.goto(`${url}/records/${record}/paragraphs/17`)
      await expect(page.locator('h1').textContent()).resolves.toBe('CMW/C/SR.593, para. 17')
      await expect(page.locator('.speaker').textContent()).resolves.toBe(
        'A representative of Mexico (State delegation)'
      )
    }
    await page.locator('a[rel="next"]').click()
    await page.locator('h1', { hasText: 'para. 18' }).waitFor()
    await page.locator('button.copy-citation').click()
    await page.locator('.status', { hasText: 'Copied “CMW/C/SR.593, para. 18”' }).waitFor()
    const missing = await page.goto(`${url}/records/cmw-c-sr-593/paragraphs/99`)
    expect(missing?.status()).toBe(404)
    await expect(page.locator('h1').textContent()).resolves.toBe('404 Not found')
  })

  it('fits a phone-sized screen, the panel sliding up from the bottom', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(url)
    const answer = await ask(
      'How many migrant integration centres are there at the northern border?'
    )
    await answer.locator('.chip').first().click()
    await page.locator('#panel:not([hidden])').waitFor()
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth)
    ).resolves.toBeLessThanOrEqual(390)
    const box = await page.locator('#panel').boundingBox()
    expect(box && Math.round(box.y + box.height)).toBe(844)
    expect(box?.width).toBe(390)
  })
})
