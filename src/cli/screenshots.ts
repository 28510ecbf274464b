// `npm run screenshots`: drives the chat page in Chromium and saves the README's screenshots under docs/.
import { serve } from '@hono/node-server'
import { mkdir } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { composePipeline, openRapporteur } from '../compose.ts'
import { PROJECT_ROOT, loadConfig } from '../config.ts'
import { createApp } from '../server/app.tsx'
import { askOnPage, launchChromium } from '../web/chromium.ts'
import { run, stderrLog } from './run.ts'

const DOCS = join(PROJECT_ROOT, 'docs')

const USAGE = 'usage: npm run screenshots'

run(USAGE, async () => {
  const { index } = await openRapporteur(loadConfig(), stderrLog)
  const server = serve({
    fetch: createApp(composePipeline(index)).fetch,
    hostname: '127.0.0.1',
    port: 0,
  })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await launchChromium()
  await mkdir(DOCS, { recursive: true })
  try {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 820 } })
    await desktop.goto(url)
    await askOnPage(
      desktop,
      'How many migrant integration centres are there at the northern border?'
    )
    await desktop.locator('.chip').first().click()
    await desktop.locator('#panel mark').waitFor()
    await desktop.screenshot({ path: join(DOCS, 'answer-with-chip.png') })

    await desktop.goto(url)
    await askOnPage(desktop, 'What did the Committee ask about the mobile phone application?')
    await askOnPage(desktop, 'What did the delegation answer?')
    await desktop.screenshot({ path: join(DOCS, 'follow-up.png') })

    await desktop.goto(`${url}/records/cmw-c-sr-593/paragraphs/17`)
    await desktop.screenshot({ path: join(DOCS, 'permalink.png') })

    await desktop.goto(`${url}/records/cmw-c-sr-593/dialogue?member=Mr.+Charef`)
    await desktop.screenshot({ path: join(DOCS, 'dialogue.png') })

    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    })
    await phone.goto(url)
    await askOnPage(
      phone,
      'Who asked about the mobile phone application for Mexicans in the United States?'
    )
    await phone.locator('.chip').first().click()
    await phone.locator('#panel mark').waitFor()
    await phone.screenshot({ path: join(DOCS, 'phone.png') })
    console.log(
      `Saved answer-with-chip.png, follow-up.png, permalink.png, dialogue.png and phone.png in ${DOCS}`
    )
  } finally {
    await browser.close()
    server.close()
  }
})
