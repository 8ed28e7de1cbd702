import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBLEMS_SHOWN } from '../../client/start/ImportBoard.js'
import { type BoardFileInput, generatedBoardFile } from '../../shared/format/index.js'
import { launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page
const VIEWPORT = { width: 1440, height: 900 }

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  context.setDefaultTimeout(10_000)
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Chooses a board file on the start page, as someone picking it in the file dialog. */
async function importFile(name: string, file: BoardFileInput) {
  await page.goto(server.url)
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
  await page.getByTestId('import-error').waitFor()
}

/** Whether the whole of the refusal is on screen. */
async function inView(): Promise<boolean> {
  const box = (await page.getByTestId('import-error').boundingBox())!
  return box.y >= 0 && box.y + box.height <= VIEWPORT.height
}

describe('importing a board file with mistakes', () => {
  it('lists every problem at once, under the button and on screen', async () => {
    const file = generatedBoardFile(4, 2, 2)
    file.touchpoints![0]!.title = ''
    file.touchpoints![1]!.phaseId = 'nope'
    await importFile('shop.zigzag.json', file)
    expect(page.url()).toBe(`${server.url}/`)
    expect(await page.getByTestId('import-problems').locator('li').allInnerTexts()).toEqual([
      'touchpoints[0].title: must not be empty',
      'touchpoints[1].phaseId: refers to unknown phase "nope"',
    ])
    await expect.poll(inView).toBe(true)
    await screenshot(page, 'import-two-problems')
  })

  it('shows the first ten of many problems and counts the rest', async () => {
    const file = generatedBoardFile(25, 2, 2)
    // Each a different unknown phase: problems alike but for the index would share one line.
    file.touchpoints!.forEach((touchpoint, i) => (touchpoint.phaseId = `nope-${i}`))
    await importFile('many.zigzag.json', file)
    await expect.poll(() => page.getByTestId('import-problems').locator('li').count()).toBe(PROBLEMS_SHOWN)
    const refusal = await page.getByTestId('import-error').innerText()
    expect(refusal).toContain('Fix these 25 problems')
    expect(refusal).toContain('… and 15 more problems.')
    expect(refusal).not.toContain('touchpoints[10]')
    await expect.poll(inView).toBe(true)
    await screenshot(page, 'import-many-problems')
  })
})
