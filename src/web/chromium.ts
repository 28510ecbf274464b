// Debian's Chromium driven by playwright-core (a development dependency): for browser tests and screenshots.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

/** Headless, sandbox off (root in CI), and no background traffic to a network this machine does not have. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

/** Types a question on the chat page, sends it with Enter, and waits for the whole answer. */
export const askOnPage = async (page: Page, question: string): Promise<Locator> => {
  const turns = await page.locator('li.turn.assistant').count()
  await page.locator('#question').fill(question)
  await page.keyboard.press('Enter')
  const answer = page.locator('li.turn.assistant').nth(turns)
  await answer.and(page.locator(':not([aria-busy])')).waitFor()
  return answer
}
