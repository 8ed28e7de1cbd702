import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomId } from '../../shared/ids.js'
import { colorFor } from '../../client/sync/identity.js'
import { contrastRatio } from '../../client/ui/textOn.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { PHONE } from '../utils/phone.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** A 1,280 × 800 laptop at 200 % zoom: 640 × 400 CSS px, a mouse (fine pointer, hover). */
const ZOOMED_LAPTOP = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
/** The same laptop at 400 %, as WCAG 1.4.10 asks: 320 CSS px wide. */
const NARROW_LAPTOP = { viewport: { width: 320, height: 480 }, deviceScaleFactor: 2 }

let server: TestServer
let browser: Browser
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Low-vision workshop' })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** With the palette, as Tab and Enter add a touchpoint. */
const facilitatorTools = ['palette-direct', 'palette-indirect', 'agenda-next', 'voting-open', 'timer-start', 'export', 'open-priority', 'open-backlog', 'open-history', 'find', 'shortcuts-open', 'share']

/** The tools that are not wholly on the screen's width, or that something else covers, once scrolled into view. */
async function unreachable(page: Page, testIds: string[]): Promise<string[]> {
  const problems: string[] = []
  for (const id of testIds) {
    const target = page.getByTestId(id).first()
    if (!(await target.count())) { problems.push(`${id}: missing`); continue }
    if (!(await target.isVisible())) { problems.push(`${id}: hidden`); continue }
    await target.scrollIntoViewIfNeeded()
    const problem = await target.evaluate((el) => {
      const box = el.getBoundingClientRect()
      if (box.width < 1 || box.height < 1) return 'hidden'
      if (box.left < -0.5 || box.right > document.documentElement.clientWidth + 0.5) return `cut off at ${Math.round(box.left)}–${Math.round(box.right)}`
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return top && (top === el || el.contains(top)) ? '' : `covered by ${top ? `${top.tagName.toLowerCase()}.${top.className}` : 'nothing'}`
    })
    if (problem) problems.push(`${id}: ${problem}`)
  }
  return problems
}

/** Opens Export: the kinds in its menu that are not wholly on the screen, or covered; closes it again. */
async function exportMenu(page: Page): Promise<string[]> {
  await page.getByTestId('export').click()
  await page.getByTestId('export-json').waitFor()
  const problems = await unreachable(page, ['png-board', 'png-view', 'svg-board', 'pdf', 'csv', 'json'].map((kind) => `export-${kind}`))
  await page.getByTestId('export').click()
  await expect.poll(() => page.getByTestId('export-json').count()).toBe(0)
  return problems
}

describe('a laptop zoomed to 200 % (640 × 400 CSS px, a mouse)', () => {
  it('gets the full board with every facilitator tool, and can switch to the phone view and back, kept on reload', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Lou', ZOOMED_LAPTOP)
    expect(await page.locator('.react-flow').count()).toBe(1)
    expect(await page.getByTestId('phone-view').count()).toBe(0)
    expect(await unreachable(page, facilitatorTools)).toEqual([])
    // The canvas keeps most of the screen once scrolled to (not a sliver under the wrapped bars).
    await page.locator('.workspace__body').scrollIntoViewIfNeeded()
    expect((await page.locator('.react-flow').boundingBox())!.height).toBeGreaterThanOrEqual(300)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
    await page.locator('.workspace').evaluate((el) => el.scrollTo(0, 0))
    await screenshot(page, 'low-vision-640-board')
    // Export opens its menu, every kind on the screen.
    expect(await exportMenu(page)).toEqual([])

    await page.getByTestId('view-switch').click()
    await page.getByTestId('phone-view').waitFor()
    expect(await page.locator('.react-flow').count()).toBe(0)
    await page.reload()
    await page.getByTestId('phone-view').waitFor()
    await screenshot(page, 'low-vision-640-phone-view')
    expect(await page.getByTestId('view-switch').innerText()).toContain('Full board')
    await page.getByTestId('view-switch').click()
    await page.locator('.react-flow').waitFor()
    await page.reload()
    await page.locator('[data-testid="board"][data-synced="true"] .react-flow').waitFor()
    await page.context().close()
  })

  it('at 320 px wide (400 %) wraps the bars above the board without cutting anything off, in English and German', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Lou', NARROW_LAPTOP)
    for (const language of ['en', 'de']) {
      if (language === 'de') await page.getByTestId('language-switch').click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
      expect(await unreachable(page, [...facilitatorTools, 'view-switch', 'view-journey', 'view-heatmap']), language).toEqual([])
      const cut = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.topbar *, .persona-bar *, .session-bar *')]
        .filter((el) => {
          const box = el.getBoundingClientRect()
          return box.width > 1 && getComputedStyle(el).textOverflow !== 'ellipsis' && (box.right > 320.5 || box.left < -0.5)
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`))
      expect(cut, language).toEqual([])
      await screenshot(page, `low-vision-320-${language}`)
      expect(await exportMenu(page), language).toEqual([])
    }
    await page.getByTestId('language-switch').click()
    await page.context().close()
  })

  it('a phone still gets the phone view, with a switch to the full board', async () => {
    const page = await joinBoard(browser, board.links.edit, 'Pia', PHONE)
    await page.getByTestId('phone-view').waitFor()
    expect(await page.locator('.react-flow').count()).toBe(0)
    await page.getByTestId('view-switch').tap()
    await page.locator('.react-flow').waitFor()
    // Back, from the full board's own switch.
    await page.getByTestId('view-switch').tap()
    await page.getByTestId('phone-view').waitFor()
    await page.context().close()
  })

  it('a laptop at normal size has no view switch and does not scroll', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Lou', { width: 1280, height: 800 })
    expect(await page.getByTestId('view-switch').count()).toBe(0)
    expect(await page.locator('.workspace').evaluate((el) => el.scrollHeight - el.clientHeight)).toBe(0)
    await page.context().close()
  })
})

describe('forced colours (high contrast)', () => {
  /** What the eye tells apart in forced colours: fill, text, border and outline colour, as computed. */
  const look = (page: Page, testId: string, nth = 0) => page.getByTestId(testId).nth(nth).evaluate((el) => {
    const style = getComputedStyle(el)
    return `${style.backgroundColor} ${style.color} ${style.borderColor} ${style.outlineStyle} ${style.outlineColor}`
  })

  it('keeps the chosen view, persona and open panel visibly different from the others', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Fay', { width: 1280, height: 800 })
    await page.emulateMedia({ forcedColors: 'active' })
    await page.getByTestId('open-priority').click()
    expect(await page.getByTestId('view-journey').getAttribute('aria-checked')).toBe('true')
    expect(await look(page, 'view-journey')).not.toBe(await look(page, 'view-heatmap'))
    expect(await page.getByTestId('persona').nth(0).getAttribute('aria-checked')).toBe('true')
    expect(await look(page, 'persona', 0)).not.toBe(await look(page, 'persona', 1))
    expect(await look(page, 'open-priority')).not.toBe(await look(page, 'open-backlog'))
    await page.getByTestId('view-heatmap').click()
    expect(await look(page, 'view-heatmap')).not.toBe(await look(page, 'view-journey'))
    await page.getByTestId('view-journey').click()
    await screenshot(page, 'low-vision-forced-colours')
    await page.context().close()
  })
})

describe('avatar contrast', () => {
  it('the initial on an orange avatar reaches 4.5:1 against its background', async () => {
    let id = randomId()
    while (colorFor(id) !== '#f18f01') id = randomId()
    const page = await joinBoard(browser, board.links.edit, 'Olga', { width: 1280, height: 800 },
      async (context) => { await context.addInitScript((own) => localStorage.setItem('zigzag.participantId', own), id) })
    const avatar = page.locator('.presence__avatars .avatar').filter({ hasText: 'O' }).first()
    const [color, background] = await avatar.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
    expect(background).toBe('rgb(241, 143, 1)')
    expect(contrastRatio(color!, background!)).toBeGreaterThanOrEqual(4.5)
    await page.context().close()
  })
})
