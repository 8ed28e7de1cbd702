import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { addTouchpoint, readBoard, updateTouchpoint } from '../../shared/model/index.js'

/** What a live workshop on laptops (1,280 × 720, the board fitted to the screen) and a 1080p projector sees of the board. */
let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: Page
let pat: Page
let projector: Page

const LAPTOP = { width: 1280, height: 720 }
type Box = { x: number; y: number; width: number; height: number }
const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
const box = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Fitted workshop' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran', LAPTOP)
  pat = await joinBoard(browser, board.links.edit, 'Pat', LAPTOP)
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  context.setDefaultTimeout(10_000)
  projector = await context.newPage()
  await projector.goto(board.links.facilitator.replace('#', '/projector#'))
  await projector.getByTestId('projector').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a workshop on 1,280 px laptops and a 1080p projector', () => {
  it('draws a fitted laptop board’s card titles at 10 px or more, in the room of chips too small to read, and the projector’s cards in full', async () => {
    // The fitted zoom on a 1,280 × 720 laptop puts a 17 px title at about 7 px: the title grows to 24 px instead.
    const titles = await pat.locator('.card__title').evaluateAll((all) => all.map((el) => {
      const zoom = Number(getComputedStyle(el).getPropertyValue('--zoom'))
      return { size: parseFloat(getComputedStyle(el).fontSize) * zoom, text: el.textContent }
    }))
    expect(titles.length).toBe(14)
    for (const title of titles) expect(title.size, title.text!).toBeGreaterThanOrEqual(10)
    // What no one could read at that size is left out; a moment of truth keeps a star before its title.
    expect(await pat.locator('.card__top .chip').evaluateAll((chips) => chips.filter((c) => (c as HTMLElement).offsetParent !== null).length)).toBe(0)
    expect(await card(pat, 'Online checkout').locator('.card__title').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"★\u00a0"')
    // No title runs out of its card.
    const spilled = await pat.getByTestId('touchpoint').evaluateAll((cards) => cards.flatMap((c) => {
      const title = c.querySelector('.card__title')!.getBoundingClientRect()
      const box = c.getBoundingClientRect()
      return title.bottom <= box.bottom + 0.5 ? [] : [c.getAttribute('data-title')]
    }))
    expect(spilled).toEqual([])
    // The phases' and lanes' names and the lanes' channels grow too (they were 8, 7 and 4.7 px on screen).
    const headers = await pat.locator('.phase__name, .lane__name, .channel-chip').evaluateAll((all) => all.map((el) => {
      const zoom = Number(getComputedStyle(el).getPropertyValue('--zoom'))
      return { size: parseFloat(getComputedStyle(el).fontSize) * zoom, text: el.textContent }
    }))
    expect(headers.length).toBe(5 + 5 + 5)
    for (const header of headers) expect(header.size, header.text!).toBeGreaterThanOrEqual(9.5)
    await screenshot(pat, 'workshopFit-far-titles')
    // German compound words are set smaller rather than broken in two: every word of every title lies on one line (a line
    // may break after a hyphen, as in "Click-&-Collect-Bestellung").
    const german = await createBoard(server.url, { template: 'retail', language: 'de', title: 'Handel' })
    // A moment of truth's star tied to a long first word, and compounds too long for the usual 17 px (QA: "★ Einrichtungsanleitun|g").
    const writer = connectClient(server.url, german.id, german.tokens.edit)
    await synced(writer)
    const guide = readBoard(writer.doc).touchpoints.find((t) => t.title.startsWith('Einrichtungsanleitung'))!
    updateTouchpoint(writer.doc, guide.id, { momentOfTruth: true })
    addTouchpoint(writer.doc, { title: 'Rücksendeetikettendruck im Laden', phaseId: guide.phaseId, laneId: guide.laneId, kind: 'direct' })
    const gerd = await joinBoard(browser, german.links.edit, 'Gerd', { viewport: LAPTOP, locale: 'de-DE' })
    const brokenWords = () => gerd.locator('.card__title, .phase__name, .lane__name').evaluateAll((all) => all.flatMap((el) => {
      const text = el.firstChild?.nodeType === Node.TEXT_NODE ? el.firstChild as Text : null
      if (!text) return []
      const words: string[] = []
      for (const match of text.data.matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange()
        range.setStart(text, match.index!)
        range.setEnd(text, match.index! + match[0].length)
        const visible = [...range.getClientRects()].filter((r) => r.bottom <= el.getBoundingClientRect().bottom + 0.5)
        if (new Set(visible.map((r) => Math.round(r.top))).size > 1) words.push(match[0])
      }
      return words
    }))
    try {
      await expect.poll(() => card(gerd, 'Rücksendeetikettendruck im Laden').count()).toBe(1)
      expect(await brokenWords()).toEqual([])
      await screenshot(gerd, 'workshopFit-far-titles-de')
      // On a screen where the board is drawn at its usual zoom, the 17 px titles step down for such words too.
      await gerd.setViewportSize({ width: 1920, height: 1080 })
      await gerd.getByRole('button', { name: 'Board an den Bildschirm anpassen' }).click()
      await expect.poll(() => gerd.getByTestId('canvas').evaluate((el) => el.classList.contains('canvas--far'))).toBe(false)
      expect(await brokenWords()).toEqual([])
      await screenshot(gerd, 'workshopFit-usual-titles-de')
    } finally {
      writer.destroy()
      await gerd.context().close()
    }
    // The projector (1080p, zoom above 0.6) shows the cards in full, chips and department.
    const shown = await projector.locator('.card__top .chip').evaluateAll((chips) => chips.filter((c) => (c as HTMLElement).offsetParent !== null).length)
    expect(shown).toBeGreaterThan(14)
  })

  it('gives a laptop card’s vote buttons 24 px on screen at the fitted zoom, inside the card, and its title 8 px or more beside them', async () => {
    await fran.getByTestId('voting-open').click()
    const checkout = card(pat, 'Online checkout')
    const cast = checkout.getByTestId('vote-cast')
    await cast.waitFor()
    const cardBefore = await box(checkout)
    const plus = await box(cast)
    expect(plus.width).toBeGreaterThanOrEqual(23.5)
    expect(plus.height).toBeGreaterThanOrEqual(23.5)
    // The titles being voted on stay readable: 8 to 10 px on screen at the fitted zoom (0.38–0.40), where the usual 17 px
    // above a row of buttons made them 6.4–6.8 px (workshop QA), three lines flowing around the buttons.
    for (const page of [pat, fran]) {
      const sizes = await page.locator('.card__title').evaluateAll((all) => all.map((el) => {
        const zoom = Number(getComputedStyle(el).getPropertyValue('--zoom'))
        return { size: parseFloat(getComputedStyle(el).fontSize) * zoom, text: el.textContent }
      }))
      expect(sizes.length).toBe(14)
      for (const title of sizes) expect(title.size, title.text!).toBeGreaterThanOrEqual(8)
    }
    expect(inside(plus, cardBefore)).toBe(true)
    await cast.click()
    await expect.poll(() => checkout.getByTestId('vote-dots').getAttribute('data-mine')).toBe('1')
    const minus = await box(checkout.getByRole('button', { name: 'Take a dot back' }))
    const plusAfter = await box(cast)
    expect(minus.width).toBeGreaterThanOrEqual(23.5)
    expect(overlap(minus, plusAfter)).toBe(false)
    expect(inside(minus, cardBefore) && inside(plusAfter, cardBefore)).toBe(true)
    // The card keeps its size: the dots grow over it, not out of it.
    expect(await box(checkout)).toEqual(cardBefore)
    // Nor over the titles being voted on, on any card, with a dot cast or not: clear of every letter shown by half a pixel at
    // least (QA saw their white ground over the title's last line).
    const covered = () => pat.getByTestId('touchpoint').evaluateAll((cards) => cards.flatMap((c) => {
      const title = c.querySelector('.card__title')!
      const shown = title.getBoundingClientRect()
      const dots = c.querySelector('[data-testid="vote-dots"]')?.getBoundingClientRect()
      const text = [...title.childNodes].find((node) => node.nodeType === Node.TEXT_NODE) as Text
      const letters = [...text.data].map((_, i) => {
        const range = document.createRange()
        range.setStart(text, i)
        range.setEnd(text, i + 1)
        return range.getBoundingClientRect()
      }).filter((letter) => letter.width > 0 && letter.bottom <= shown.bottom + 0.5)
      const apart = (letter: DOMRect) => !dots || dots.top >= letter.bottom + 0.5 || dots.bottom <= letter.top + 0.5
        || dots.left >= letter.right - 0.5 || dots.right <= letter.left + 0.5
      return letters.every(apart) ? [] : [c.getAttribute('data-title')]
    }))
    expect(await covered()).toEqual([])
    // Zoomed out further, as a laptop following a bigger screen is (0.34): the dots grow no more than keeps them off the
    // titles, and stay big enough to hit.
    const zoom = () => pat.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
    const pane = (await box(pat.getByTestId('canvas')))
    await pat.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
    for (let i = 0; i < 10 && await zoom() > 0.35; i++) await pat.mouse.wheel(0, 60)
    await expect.poll(zoom).toBeLessThanOrEqual(0.35)
    await expect.poll(covered).toEqual([])
    expect((await box(cast)).width).toBeGreaterThanOrEqual(22)
    await pat.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await expect.poll(async () => (await box(cast)).width).toBeGreaterThanOrEqual(23.5)
    // Nor do the chips left beside the dots show cut short ("DI…", "N…"): kind and status step aside for the round.
    const cut = await pat.locator('.card__chips .chip').evaluateAll((chips) =>
      chips.filter((chip) => (chip as HTMLElement).offsetParent !== null && chip.scrollWidth > chip.clientWidth + 1).map((chip) => chip.textContent))
    expect(cut).toEqual([])
    // Far out the chips step aside altogether (4 px on screen): a moment of truth keeps the star before its title.
    expect(await checkout.locator('.card__chips .chip--mot').isVisible()).toBe(false)
    expect(await checkout.locator('.card__title').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"★\u00a0"')
    await screenshot(pat, 'workshopFit-vote-dots')
    // Revealed, each card's count stays one line however little room the chips beside it leave.
    await fran.getByTestId('voting-reveal').click()
    await expect.poll(() => pat.getByTestId('vote-result').count()).toBeGreaterThan(5)
    const wrapped = await pat.getByTestId('vote-result').evaluateAll((results) => results.flatMap((result) => {
      const range = document.createRange()
      range.selectNodeContents(result)
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
      return lines.size > 1 ? [result.closest('[data-testid="touchpoint"]')?.getAttribute('data-title')] : []
    }))
    expect(wrapped).toEqual([])
    // The projector ranks the touchpoints that got dots, with their cells.
    const ranking = projector.getByTestId('voting-results')
    await ranking.waitFor()
    expect(await ranking.getAttribute('data-target')).toBe('touchpoints')
    expect(await ranking.getByTestId('voting-result').count()).toBe(1)
    expect(await ranking.getByTestId('voting-result').innerText()).toContain('Online checkout')
    expect(await ranking.getByTestId('voting-result').innerText()).toContain('Purchase · Online shop')
    await screenshot(projector, 'workshopFit-vote-projector')
    await screenshot(pat, 'workshopFit-vote-revealed')
    await fran.getByTestId('voting-close').click()
    await expect.poll(() => pat.getByTestId('vote-dots').count()).toBe(0)
  })

  it('shows one vote control per stardust idea during a stardust round, and bars as long as their counts once revealed', async () => {
    await fran.getByTestId('voting-target').selectOption('stardust')
    await fran.getByTestId('voting-open').click()
    // The strip says where the ideas are voted on, one press away.
    await pat.getByTestId('voting-to-backlog').click()
    await pat.getByTestId('backlog-panel').waitFor()
    expect(await pat.getByTestId('voting-to-backlog').count()).toBe(0)
    const ideas = pat.getByTestId('backlog-panel').getByTestId('stardust-idea')
    await expect.poll(() => ideas.getByTestId('vote-cast').count()).toBeGreaterThan(1)
    const count = await ideas.count()
    // The round's dot is the only vote: no upvote with a count of its own beside it.
    expect(await ideas.getByTestId('vote-cast').count()).toBe(count)
    expect(await ideas.getByTestId('stardust-vote').count()).toBe(0)
    // The last idea of the backlog (by upvotes) gets all three dots: revealed, it goes first.
    const lastText = (await ideas.last().locator('.idea__text').innerText()).trim()
    const first = ideas.filter({ has: pat.locator('.idea__text', { hasText: lastText }) })
    for (let i = 1; i <= 3; i++) {
      await first.getByTestId('vote-cast').click()
      await expect.poll(() => first.getByTestId('vote-dots').getAttribute('data-mine')).toBe(String(i))
    }
    await screenshot(pat, 'workshopFit-stardust-open')
    await fran.getByTestId('voting-reveal').click()
    const three = pat.getByTestId('backlog-panel').locator('[data-testid="vote-result"][data-count="3"]')
    const zero = pat.getByTestId('backlog-panel').locator('[data-testid="vote-result"][data-count="0"]').first()
    await three.waitFor()
    expect(await ideas.getByTestId('stardust-vote').count()).toBe(0)
    expect((await ideas.first().locator('.idea__text').innerText()).trim()).toBe(lastText)
    expect(await pat.getByTestId('backlog-panel').locator('.hint').first().innerText()).toContain('most dots of the revealed round first')
    const full = await box(three)
    const none = await box(zero)
    expect(none.width).toBeLessThan(full.width / 2)
    await screenshot(pat, 'workshopFit-stardust-revealed')
    // The room sees the ranking on the projector, in the QR code's place, and every laptop over its canvas.
    const idea = (await first.locator('.idea__text').innerText()).trim()
    for (const page of [projector, pat, fran]) {
      const results = page.getByTestId('voting-results')
      await results.waitFor()
      expect(await results.getByTestId('voting-result').count(), 'only ideas with dots').toBe(1)
      expect(await results.getByTestId('voting-result').first().innerText()).toContain(idea)
      expect(await results.getByTestId('voting-result-count').first().innerText()).toBe('● 3')
    }
    expect(await projector.getByTestId('qr-code').count()).toBe(0)
    const ranking = await box(projector.getByTestId('voting-results'))
    const cards = await projector.getByTestId('touchpoint').evaluateAll((all) => all.map((c) => c.getBoundingClientRect().right))
    expect(Math.max(...cards), 'the board refits beside the ranking').toBeLessThanOrEqual(ranking.x)
    await screenshot(projector, 'workshopFit-stardust-projector')
    // A laptop may put it away until the next round.
    await pat.getByTestId('voting-results-hide').click()
    expect(await pat.getByTestId('voting-results').count()).toBe(0)
    expect(await fran.getByTestId('voting-results').count()).toBe(1)
    await fran.getByTestId('voting-close').click()
    await projector.getByTestId('qr-code').waitFor()
    await expect.poll(() => projector.getByTestId('voting-results').count()).toBe(0)
    expect(await fran.getByTestId('voting-results').count()).toBe(0)
    // The round over, the upvote is back.
    await expect.poll(() => ideas.getByTestId('stardust-vote').count()).toBe(count)
    await pat.getByTestId('backlog-panel').getByTestId('panel-close').click()
  })

  it('keeps the zoom buttons off the emotion curve’s Delighting, OK and Disappointing with the side panel open', async () => {
    await pat.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await card(pat, 'Online checkout').getByTestId('touchpoint-title').click()
    await pat.getByTestId('touchpoint-panel').waitFor()
    // Fitted with the panel open, the zoom buttons keep off the first phase's name too (QA: over "Aufmerksamkeit").
    await pat.getByRole('button', { name: 'Fit the board to the screen' }).click()
    const controls = await box(pat.getByRole('button', { name: 'Fit the board to the screen' }).locator('..'))
    await expect.poll(async () => overlap(controls, await box(pat.getByTestId('phase-name').first()))).toBe(false)
    expect(overlap(controls, await box(pat.getByTestId('phase').first()))).toBe(false)
    const curve = pat.getByTestId('emotion-curve')
    for (const band of ['Delighting', 'OK', 'Disappointing']) {
      expect(overlap(controls, await box(curve.getByText(band, { exact: true }))), band).toBe(false)
    }
    // Panned so the curve's left end is at the canvas' bottom left: still clear.
    const canvas = await box(pat.getByTestId('canvas'))
    const label = await box(curve.getByText('Disappointing', { exact: true }))
    const from = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 }
    await pat.mouse.move(from.x, from.y)
    await pat.mouse.down()
    await pat.mouse.move(from.x - (label.x - canvas.x) + 12, from.y + (canvas.y + canvas.height - label.y) - 40, { steps: 8 })
    await pat.mouse.up()
    for (const band of ['Delighting', 'OK', 'Disappointing']) {
      expect(overlap(controls, await box(curve.getByText(band, { exact: true }))), band).toBe(false)
    }
    await screenshot(pat, 'workshopFit-controls')
  })

  it('fits the board into the projector’s area beside the QR code, as large as it goes', async () => {
    // The facilitator's view: the whole board, fitted to a laptop with the side panel open.
    await fran.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await card(fran, 'Online checkout').getByTestId('touchpoint-title').click()
    await fran.getByTestId('touchpoint-panel').waitFor()
    await fran.getByRole('button', { name: 'Fit the board to the screen' }).click()
    const area = await box(projector.getByTestId('canvas'))
    const qr = await box(projector.getByTestId('qr-code').locator('xpath=ancestor::aside'))
    const shownBoard = async () => {
      const grid = await box(projector.getByTestId('grid'))
      const curve = await box(projector.getByTestId('emotion-curve'))
      return { x: grid.x, y: grid.y, width: grid.width, height: curve.y + curve.height - grid.y }
    }
    // Settled: following the facilitator moves the view in 120 ms steps.
    let last = ''
    await expect.poll(async () => {
      const now = JSON.stringify(await shownBoard())
      const same = now === last
      last = now
      return same
    }, { interval: 400 }).toBe(true)
    const shown = await shownBoard()
    await screenshot(projector, 'workshopFit-projector')
    // As large as the area allows in one direction (16 px margins), and clear of the QR column.
    const spare = Math.min(qr.x - area.x - shown.width, area.height - shown.height)
    expect(spare).toBeLessThanOrEqual(34)
    expect(shown.x + shown.width).toBeLessThanOrEqual(qr.x)
    expect(shown.y).toBeGreaterThanOrEqual(area.y)
    expect(shown.y + shown.height).toBeLessThanOrEqual(area.y + area.height)
    // No wide blank strip between the board and the QR column.
    expect(qr.x - (shown.x + shown.width)).toBeLessThan(60)
    // React Flow's credit is on the laptops' canvas, not on the wall.
    expect(await projector.locator('.react-flow__attribution').count()).toBe(0)
    expect(await fran.locator('.react-flow__attribution').count()).toBe(1)
  })
  it('shows every header’s ••• on a touch tablet (1,024 × 768), with no phase name running under it', async () => {
    const tablet = await joinBoard(browser, board.links.edit, 'Tia', { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true })
    try {
      const headers = tablet.getByTestId('phase')
      expect(await headers.count()).toBe(5)
      for (const header of await headers.all()) {
        const actions = header.getByTestId('phase-actions')
        await expect.poll(() => actions.evaluate((el) => getComputedStyle(el).opacity)).toBe('1')
        const button = await box(actions)
        expect(button.width).toBeGreaterThanOrEqual(23.5)
        // The name's box (its last visible letter at most) ends before the button starts.
        const name = await box(header.getByTestId('phase-name'))
        expect(name.x + name.width).toBeLessThanOrEqual(button.x + 0.5)
      }
      // The longest, "Loyalty & advocacy", still shows whole: one or two lines, no ellipsis.
      const loyalty = tablet.getByTestId('phase-name').getByText('Loyalty & advocacy', { exact: true })
      expect(await loyalty.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true)
      await screenshot(tablet, 'workshopFit-tablet')
    } finally {
      await tablet.context().close()
    }
  })
})
