import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, FEATURES_OFF, chromiumArgs } from '../utils/chromium.js'

// The browser the tests run in: what it is launched with, and what a context costs in it.
let browser: Browser

beforeAll(async () => {
  // --enable-automation lets the browser tell its command line.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...await chromiumArgs(), '--enable-automation'] })
})

afterAll(async () => {
  await browser?.close()
})

describe('the tests’ Chromium', () => {
  it('keeps every feature Playwright turns off, with the ones the tests add, in the one --disable-features Chromium reads', async () => {
    const { arguments: line } = await (await browser.newBrowserCDPSession()).send('Browser.getBrowserCommandLine')
    const lists = line.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice(19).split(','))
    expect(lists.length).toBeGreaterThan(1) // Playwright's own, then the tests'
    const read = lists.at(-1)! // Chromium keeps the last
    for (const feature of [...lists.flat(), ...FEATURES_OFF]) expect(read).toContain(feature)
  })

  it('opens a context without the address bar’s popup, which no test page shows', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto('data:text/html,<p>Zigzag</p>')
    const { targetInfos } = await (await browser.newBrowserCDPSession()).send('Target.getTargets', { filter: [{}] }) // every kind of target, browser UI too
    expect(targetInfos.filter((t) => t.type === 'page').length).toBeGreaterThan(0)
    expect(targetInfos.filter((t) => t.url.startsWith('chrome://omnibox-popup'))).toEqual([])
    await context.close()
  })
})
