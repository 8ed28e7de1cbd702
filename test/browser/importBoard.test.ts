import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROBLEMS_SHOWN } from '../../client/start/ImportBoard.js'
import { type BoardFileInput, MAX_BOARD_FILE_BYTES, generatedBoardFile } from '../../shared/format/index.js'
import { launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

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
    await expect.poll(inView, { timeout: 5_000 }).toBe(true)
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
    await expect.poll(inView, { timeout: 5_000 }).toBe(true)
    await screenshot(page, 'import-many-problems')
  })
})

/** A board file of `bytes` bytes, right in everything but its size: its first card's description fills it up. */
function boardFileOf(bytes: number): Buffer {
  const file = generatedBoardFile(4, 2, 2)
  file.touchpoints![0]!.description = ''
  file.touchpoints![0]!.description = 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify(file)))
  return Buffer.from(JSON.stringify(file))
}

describe('importing a board file larger than the server takes', () => {
  const big = boardFileOf(Math.round(20.5 * 1024 * 1024))
  const bigFile = join(mkdtempSync(join(tmpdir(), 'zigzag-import-')), 'journey.zigzag.json')
  beforeAll(() => writeFileSync(bigFile, big))
  afterAll(() => rmSync(dirname(bigFile), { recursive: true, force: true }))
  const refusals = {
    en: '“journey.zigzag.json” is 20.5 MB; a board file can be at most 16 MB. Remove what the board no longer needs and try again with the smaller file.',
    de: '„journey.zigzag.json“ ist 20,5 MB groß; eine Board-Datei darf höchstens 16 MB groß sein. Entfernen Sie, was das Board nicht mehr braucht, und versuchen Sie es mit der kleineren Datei erneut.',
  }
  for (const [language, refusal] of Object.entries(refusals)) {
    it(`refuses it at once, with its name, its size and the limit in the page's language (${language})`, async () => {
      expect(big.length).toBeGreaterThan(MAX_BOARD_FILE_BYTES)
      // The browser's own locale stays English: the numbers follow the language the page is in.
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
      context.setDefaultTimeout(10_000)
      await context.addInitScript((chosen) => localStorage.setItem('zigzag.language', chosen), language)
      const start = await context.newPage()
      const sent: string[] = []
      start.on('request', (request) => { if (request.url().includes('/api/boards')) sent.push(request.url()) })
      await start.goto(server.url)
      // Chosen from disk, as in the file dialog: the browser reads it itself (a buffer would cross the browser's
      // protocol, 20 MB in base64, for some 20 s on a busy machine).
      await start.getByTestId('import-file').setInputFiles(bigFile)
      await start.getByTestId('import-error').waitFor()
      expect(await start.getByTestId('import-error').innerText()).toBe(refusal)
      expect(sent).toEqual([]) // refused before anything went to the server
      expect(start.url()).toBe(`${server.url}/`)
      await screenshot(start, `import-too-large-${language}`)
      await context.close()
    })
  }
})

describe('importing a file that is not a Zigzag board', () => {
  const cases = {
    en: {
      other: '“miro.json” is not a Zigzag board file (its format is "miro-board"). Choose a file exported from Zigzag (Export → Board file (JSON)).',
      none: '“notes.json” is not a Zigzag board file (it says no format). Choose a file exported from Zigzag (Export → Board file (JSON)).',
      newer: '“later.zigzag.json” comes from a newer Zigzag (board file version 9; this one reads up to 3). Ask whoever runs this Zigzag to update it, then import the file again.',
    },
    de: {
      other: '„miro.json“ ist keine Zigzag-Board-Datei (ihr Format ist "miro-board"). Wählen Sie eine aus Zigzag exportierte Datei (Export → Board-Datei).',
      none: '„notes.json“ ist keine Zigzag-Board-Datei (sie nennt kein Format). Wählen Sie eine aus Zigzag exportierte Datei (Export → Board-Datei).',
      newer: '„later.zigzag.json“ stammt aus einem neueren Zigzag (Board-Datei-Version 9; dieses liest bis Version 3). Bitten Sie, wer dieses Zigzag betreibt, es zu aktualisieren, und importieren Sie die Datei dann erneut.',
    },
  }
  for (const [language, expected] of Object.entries(cases)) {
    it(`says so in the page's language, with what to do instead (${language})`, async () => {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
      context.setDefaultTimeout(10_000)
      await context.addInitScript((chosen) => localStorage.setItem('zigzag.language', chosen), language)
      const start = await context.newPage()
      const choose = async (name: string, content: unknown) => {
        await start.goto(server.url)
        await start.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) })
        await start.getByTestId('import-error').waitFor()
        return start.getByTestId('import-error').innerText()
      }
      expect(await choose('miro.json', { format: 'miro-board', widgets: [] })).toBe(expected.other)
      expect(await choose('notes.json', { notes: [] })).toBe(expected.none)
      expect(await choose('later.zigzag.json', { ...generatedBoardFile(2, 1, 1), formatVersion: 9 })).toBe(expected.newer)
      // A board file with mistakes: those are named in the file's own (English) terms, and the German page says so.
      const broken = generatedBoardFile(2, 1, 1)
      broken.touchpoints![0]!.phaseId = 'nope'
      expect(await choose('broken.zigzag.json', broken)).toContain('touchpoints[0].phaseId: refers to unknown phase "nope"')
      expect(await start.getByTestId('import-error').locator('.hint').count()).toBe(language === 'de' ? 1 : 0)
      await context.close()
    })
  }
})

describe('an imported board among the recent boards', () => {
  it('tells the imported board from its original of the same title, in English and German', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
    context.setDefaultTimeout(10_000)
    const start = await context.newPage()
    const original = await createBoard(server.url, { title: 'Shop journey', language: 'en' })
    await start.goto(original.links.facilitator)
    await start.getByTestId('display-name').fill('Fran')
    await start.getByTestId('join').click()
    await start.locator('[data-testid="board"][data-synced="true"]').waitFor()

    const file = generatedBoardFile(4, 2, 2)
    file.meta.title = 'Shop journey'
    await start.goto(server.url)
    await start.getByTestId('import-file').setInputFiles({ name: 'shop.zigzag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) })
    await start.waitForURL(/\/b\//)
    await start.locator('[data-testid="board"][data-synced="true"]').waitFor()

    await start.goto(server.url)
    const entries = () => start.getByTestId('recent-board').allInnerTexts()
    const [imported, earlier] = await entries()
    expect(imported).not.toBe(earlier)
    expect(imported).toMatch(/^Shop journey\s+Facilitator\s+Imported from a file · Opened today at \d/)
    expect(earlier).toMatch(/^Shop journey\s+Facilitator\s+Opened today at \d/)
    await start.getByRole('navigation').scrollIntoViewIfNeeded()
    await screenshot(start, 'recent-boards-imported')

    await start.getByTestId('language-switch').click()
    await expect.poll(async () => (await entries())[0]).toMatch(/Moderation\s+Aus einer Datei importiert · Heute um \d+:\d\d geöffnet$/)
    expect((await entries())[1]).toMatch(/Moderation\s+Heute um \d+:\d\d geöffnet$/)
    await start.getByRole('navigation').scrollIntoViewIfNeeded()
    await screenshot(start, 'recent-boards-imported-german')
    await context.close()
  })
})

describe('importing from the keyboard, and a file with a typo', () => {
  it('reaches Import with Tab, opens the file chooser with Enter, and says at which line and column a file stops being JSON', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
    context.setDefaultTimeout(10_000)
    const start = await context.newPage()
    try {
      await start.goto(server.url)
      const focused = () => start.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)
      for (let i = 0; i < 20 && await focused() !== 'import-button'; i++) await start.keyboard.press('Tab')
      expect(await focused()).toBe('import-button')
      // An exported board with one comma too many, on its fourth line.
      const text = JSON.stringify(generatedBoardFile(2, 1, 1), null, 2).replace(/("formatVersion": \d+,)/, '$1,')
      const line = text.split('\n').findIndex((l) => l.includes(',,')) + 1
      // Enter on the button (pressed on it, not on whatever has the focus by then: under load the start page was still
      // settling, and the focus had moved on when the key came).
      const [chooser] = await Promise.all([start.waitForEvent('filechooser'), start.getByTestId('import-button').press('Enter')])
      await chooser.setFiles({ name: 'typo.zigzag.json', mimeType: 'application/json', buffer: Buffer.from(text) })
      await expect.poll(() => start.getByTestId('import-error').innerText())
        .toMatch(new RegExp(`^“typo\\.zigzag\\.json” is not valid JSON: there is a mistake at line ${line}, column \\d+ \\(a comma or quote missing or one too many\\)\\. Fix it in a text editor`))
      await start.getByTestId('import-file').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('') })
      await expect.poll(() => start.getByTestId('import-error').innerText()).toBe('“empty.json” is empty. Choose a board file exported from Zigzag (Export → Board file (JSON)).')
    } finally {
      await context.close()
    }
  })
})
