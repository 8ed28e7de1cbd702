import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESULTS_DIR, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { readPdf } from '../utils/pdf.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** A stardust round in the backlog, revealed and closed: its dots then order the backlog, beside each idea's upvotes, and go into the exports. */
let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: Page
let pat: Page
let sam: Page
let projector: Page

const backlog = (page: Page) => page.getByTestId('backlog-panel')
const ideas = (page: Page) => backlog(page).getByTestId('stardust-idea')
const idea = (page: Page, text: string) => ideas(page).filter({ has: page.locator('.idea__text', { hasText: text }) })
const ideaTexts = (page: Page) => ideas(page).locator('.idea__text').allInnerTexts().then((texts) => texts.map((text) => text.trim()))

async function castDots(page: Page, text: string, dots: number) {
  const dotsOf = idea(page, text).getByTestId('vote-dots')
  const before = Number(await dotsOf.getAttribute('data-mine'))
  for (let i = 1; i <= dots; i++) {
    await idea(page, text).getByTestId('vote-cast').click()
    await expect.poll(() => dotsOf.getAttribute('data-mine')).toBe(String(before + i))
  }
}

/** Clicks an export and reads the download, keeping a copy with the test's results. */
async function exportFile(page: Page, kind: string): Promise<Buffer> {
  await page.getByTestId('export').click()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(`export-${kind}`).click()])
  const bytes = readFileSync(await download.path())
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(`${RESULTS_DIR}/backlogRoundDots-${download.suggestedFilename()}`, bytes)
  return bytes
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Dots in the backlog' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran')
  pat = await joinBoard(browser, board.links.edit, 'Pat')
  sam = await joinBoard(browser, board.links.edit, 'Sam')
  const room = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  room.setDefaultTimeout(10_000)
  projector = await room.newPage()
  await projector.goto(board.links.facilitator.replace('#', '/projector#'))
  await projector.getByTestId('projector').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the backlog after a stardust round closed', () => {
  it('goes by the round’s dots, shown beside each idea’s upvotes, upvotes among equals, and says which round', async () => {
    await pat.getByTestId('open-backlog').click()
    await expect.poll(() => ideas(pat).count()).toBe(5)
    const [a, b, c, d, e] = await ideaTexts(pat) as [string, string, string, string, string]
    // One upvote puts d first among the ideas that get no dots.
    await idea(pat, d).getByTestId('stardust-vote').click()
    await expect.poll(() => ideaTexts(pat)).toEqual([d, a, b, c, e])

    await fran.getByTestId('voting-target').selectOption('stardust')
    // The round gets a title where it starts (optional; the placeholder suggests a question), shown wherever it is.
    // The whole placeholder shows in the 8 em field (the question it was, "Which mom…", went into the tooltip).
    expect(await fran.getByTestId('voting-title').getAttribute('placeholder')).toBe('Title (optional)')
    expect(await fran.getByTestId('voting-title').getAttribute('title')).toBe('Title of the round (optional), for example “Which ideas do we do first?”')
    expect(await fran.getByTestId('voting-title').evaluate((el: HTMLInputElement) => {
      const context = document.createElement('canvas').getContext('2d')!
      context.font = getComputedStyle(el).font
      const style = getComputedStyle(el)
      return context.measureText(el.placeholder).width <= el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    })).toBe(true)
    await fran.getByTestId('voting-title').fill('Which gift first?')
    await fran.getByTestId('voting-open').click()
    for (const page of [fran, pat, projector]) await expect.poll(() => page.getByTestId('voting-heading').innerText()).toContain('Which gift first?')
    expect(await pat.getByTestId('voting-heading').getAttribute('title')).toBe('Dot voting on stardust: \u2068Which gift first?\u2069') // the title isolated: a Hebrew one keeps its "?"
    await sam.getByTestId('voting-to-backlog').click()
    await expect.poll(() => ideas(sam).getByTestId('vote-cast').count()).toBe(5)
    await expect.poll(() => ideas(pat).getByTestId('vote-cast').count()).toBe(5)
    await castDots(pat, e, 2)
    await castDots(pat, a, 1)
    await castDots(sam, e, 1)
    await castDots(sam, b, 2)
    await fran.getByTestId('voting-reveal').click()
    await expect.poll(() => projector.getByTestId('voting-results-title').innerText()).toBe('Which gift first?')
    expect(await pat.getByTestId('voting-results-title').innerText()).toBe('Which gift first?')
    const expected = [e, b, a, d, c]
    // Revealed, the backlog goes by the dots already.
    await expect.poll(() => ideaTexts(pat)).toEqual(expected)
    await fran.getByTestId('voting-close').click()

    // Closed, it keeps that order, the dots beside the upvotes, which are back.
    const dots = backlog(pat).getByTestId('backlog-round-dots')
    await expect.poll(() => dots.allInnerTexts()).toEqual(['● 3', '● 2', '● 1', '● 0', '● 0'])
    expect(await ideaTexts(pat)).toEqual(expected)
    expect(await ideas(pat).getByTestId('stardust-votes').allInnerTexts()).toEqual(['0', '0', '0', '1', '0'])
    expect(await backlog(pat).getByTestId('backlog-order').innerText())
      .toMatch(/^Ordered by the dots of the stardust round “Which gift first\?” of \d{1,2}:\d{2}\s?(AM|PM)?, then by votes\./)
    // The record under Priority names the round by its title.
    await pat.getByTestId('open-priority').click()
    expect(await pat.getByTestId('voting-history-round').innerText()).toMatch(/^Which gift first\? · Dot voting on stardust · /)
    await pat.getByTestId('open-backlog').click()
    await screenshot(pat, 'backlogRoundDots-closed')
    // Each idea's dots sit on its row, left of its upvote.
    for (const [i, text] of expected.entries()) {
      const entry = backlog(pat).getByTestId('backlog-round-entry').nth(i)
      expect(await entry.locator('.idea__text').innerText()).toBe(text)
      const [badge, upvote] = [await entry.getByTestId('backlog-round-dots').boundingBox(), await entry.getByTestId('stardust-vote').boundingBox()]
      expect(badge!.x + badge!.width).toBeLessThanOrEqual(upvote!.x)
      expect(badge!.y).toBeLessThan(upvote!.y + upvote!.height)
      expect(badge!.y + badge!.height).toBeGreaterThan(upvote!.y)
    }
    // Everyone's backlog goes by the same round, also one opened afterwards.
    await fran.getByTestId('open-backlog').click()
    await expect.poll(() => ideaTexts(fran)).toEqual(expected)
    expect(await backlog(fran).getByTestId('backlog-round-dots').allInnerTexts()).toEqual(['● 3', '● 2', '● 1', '● 0', '● 0'])
  })

  it('hands the round’s dots to the CSV tables and the PDF report', async () => {
    const files = unzipSync(new Uint8Array(await exportFile(fran, 'csv')))
    const table = (name: string) => Papa.parse<Record<string, string>>(strFromU8(Object.entries(files).find(([file]) => file.endsWith(`-${name}.csv`))![1]).slice(1), { header: true }).data
    const [e, b, a] = (await ideaTexts(fran)).slice(0, 3)
    expect(table('voting').map((row) => row.round_title)).toEqual(['Which gift first?', 'Which gift first?', 'Which gift first?'])
    expect(table('voting').map((row) => [row.target, row.item_name, row.rank, row.dots, row.votes_per_person])).toEqual([
      ['stardust', e, '1', '3', '3'], ['stardust', b, '2', '2', '3'], ['stardust', a, '3', '1', '3'],
    ])
    expect(table('stardust').map((row) => row.round_dots)).toEqual(['3', '2', '1', '0', '0'])
    const { text } = await readPdf(new Uint8Array(await exportFile(fran, 'pdf')))
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Dot voting')
    expect(flat).toMatch(/Which gift first\? · Dot voting on stardust · .* · 3 dots per person/)
    expect(flat).toContain('By the dots of the stardust round of')
  }, 60_000)

  it('goes back to the upvotes while the next stardust round runs', async () => {
    // The last round's title is not the next one's: the field is empty again.
    expect(await fran.getByTestId('voting-title').inputValue()).toBe('')
    await fran.getByTestId('voting-open').click()
    await expect.poll(() => pat.getByTestId('voting-heading').innerText()).toBe('● Dot voting on stardust')
    await expect.poll(() => backlog(pat).getByTestId('backlog-round-dots').count()).toBe(0)
    expect(await backlog(pat).getByTestId('backlog-order').innerText()).toBe('All delight ideas, most votes first. Give each an owner and a status.')
    await fran.getByTestId('voting-close').click()
  })
})
