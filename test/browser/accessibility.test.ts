import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { encodeSessionFrame } from '../../shared/session.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: TestClient
let page: Page

const command = (body: Parameters<typeof encodeSessionFrame>[0]) => fran.provider.ws!.send(encodeSessionFrame(body) as Uint8Array<ArrayBuffer>)
const card = (p: Page, title: string) => p.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
/** The data-testid of what has the focus, else its tag name. */
const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)
/** The title of the card whose node has the focus. */
const focusedCard = (p: Page) => p.evaluate(() => document.activeElement?.matches('.react-flow__node-touchpoint')
  ? document.activeElement.querySelector('[data-testid="touchpoint"]')?.getAttribute('data-title') : null)
const outlineOf = (p: Page, selector: string) => p.evaluate((s) => {
  const style = getComputedStyle(document.querySelector(s)!)
  return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor }
}, selector)

/** WCAG's contrast ratio of two CSS colours (rgb() or rgba() with full alpha), as the browser computed them. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // 3 phases × 2 lanes (physical, digital); cards 1 and 11 are moments of truth with one rating of each outcome.
  board = await createBoard(server.url, { board: generatedBoardFile(12, 3, 2) })
  fran = connectClient(server.url, board.id, board.tokens.facilitator, { hello: { participantId: 'fran', key: 'fran-key', name: 'Fran' } })
  await synced(fran)
  page = await joinBoard(browser, board.links.edit, 'Kim')
})

afterAll(async () => {
  fran?.destroy()
  await browser?.close()
  await server?.close()
})

describe('the keyboard’s focus, shown and kept', () => {
  it('rings the Kind and Status choice the keyboard is on, and the item of a phase’s ••• menu', async () => {
    await card(page, 'Touchpoint 2').click()
    await page.getByTestId('panel-title').click()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('panel-kind-direct')
    const kind = await page.getByTestId('panel-kind-direct').evaluate((input) => getComputedStyle(input.closest('label')!).outlineStyle)
    expect(kind).toBe('solid')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('panel-status-keep')
    const status = await page.getByTestId('panel-status-keep').evaluate((input) => {
      const style = getComputedStyle(input.closest('label')!)
      return { style: style.outlineStyle, color: style.outlineColor }
    })
    expect(status.style).toBe('solid')
    expect(contrast(status.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3)
    await screenshot(page, 'accessibility-status-focus')
    await page.keyboard.press('Escape')

    await page.getByTestId('phase-actions').first().focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem')
    const item = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor }
    })
    expect(item).toMatchObject({ style: 'solid', width: '2px' })
    expect(contrast(item.color, 'rgb(246, 247, 251)')).toBeGreaterThanOrEqual(3) // on the item's --paper ground
    await screenshot(page, 'accessibility-menu-focus')
    await page.keyboard.press('Escape')
  })

  it('puts the focus on a card added from the palette with the keyboard once its title is saved, and back on the palette when it is dropped', async () => {
    await page.getByTestId('palette-direct').focus()
    await page.keyboard.press('Enter')
    // Named as the title it is, not by the double-click that would open it.
    const title = page.getByTestId('canvas').getByRole('textbox', { name: 'Title', exact: true })
    await title.waitFor()
    expect(await title.getAttribute('data-testid')).toBe('touchpoint-title-input')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Reads the welcome letter')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedCard(page)).toBe('Reads the welcome letter')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid')
    // Escape takes the card back: the keyboard is where it was.
    await page.getByTestId('palette-direct').focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('touchpoint-title-input').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe('palette-direct')
  })

  it('keeps the focus in a panel’s one-line field saved with Enter; Escape saves and closes the panel', async () => {
    await card(page, 'Touchpoint 3').click()
    const field = page.getByTestId('panel-title')
    await field.fill('Touchpoint 3 renamed')
    await field.press('Enter')
    await expect.poll(() => card(page, 'Touchpoint 3 renamed').count()).toBe(1)
    expect(await focused(page)).toBe('panel-title')
    // Typing on after Enter edits the saved title, which the next Enter saves again.
    await page.keyboard.type(' twice')
    await page.keyboard.press('Enter')
    await expect.poll(() => card(page, 'Touchpoint 3 renamed twice').count()).toBe(1)
    expect(await focused(page)).toBe('panel-title')
    await page.getByTestId('panel-department').fill('Logistics')
    await page.keyboard.press('Escape')
    await page.getByTestId('touchpoint-panel').waitFor({ state: 'detached' })
    await expect.poll(() => card(page, 'Touchpoint 3 renamed twice').locator('.card__department').textContent()).toBe('Logistics')
  })

  it('puts the focus on the heading of the panel Find opens with Enter, and back on Find when it closes', async () => {
    await page.getByTestId('find').focus()
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').waitFor()
    await expect.poll(() => focused(page)).toBe('find-input')
    await page.keyboard.type('Touchpoint 12')
    await expect.poll(() => page.getByTestId('find-result').count()).toBe(1)
    await page.keyboard.press('Enter')
    await page.getByTestId('touchpoint-panel').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="touchpoint-panel"]') ? document.activeElement.tagName : null)).toBe('H2')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Touchpoint 12')
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe('find')
  })
})

describe('what a screen reader hears', () => {
  it('names a card’s rating by its outcomes, in English and in German', async () => {
    const summary = card(page, 'Touchpoint 1').getByTestId('rating-summary')
    expect(await summary.getAttribute('role')).toBe('img')
    expect(await summary.getAttribute('aria-label')).toBe('Disappointing: 1, OK: 1, Delighting: 1 (split)')
    expect(await card(page, 'Touchpoint 1').getByRole('img', { name: 'Disappointing: 1, OK: 1, Delighting: 1 (split)' }).count()).toBe(1)
    await page.getByTestId('language-switch').click()
    await expect.poll(() => summary.getAttribute('aria-label')).toBe('Enttäuschend: 1, Zufriedenstellend: 1, Begeisternd: 1 (uneinig)')
    await page.getByTestId('language-switch').click()
    await expect.poll(() => summary.getAttribute('aria-label')).toBe('Disappointing: 1, OK: 1, Delighting: 1 (split)')
  })

  it('names fields and buttons by what they are and show, and gives the page its main part and heading', async () => {
    // The language switch: its name starts with what it shows.
    expect(await page.getByTestId('language-switch').getAttribute('aria-label')).toBe('DE – Auf Deutsch umstellen')
    // Who is on the board: the initials it shows, then whose they are.
    const initials = (await page.getByTestId('presence').locator('.avatar').allTextContents()).join(' ')
    expect(initials).toContain('K')
    expect(await page.getByTestId('presence').getAttribute('aria-label')).toMatch(new RegExp(`^${initials} – On the board: .*Kim`))
    expect(await page.getByRole('main').count()).toBe(1)
    expect(await page.getByRole('main').getAttribute('data-testid')).toBe('canvas')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Benchmark 12')

    await card(page, 'Touchpoint 6').click()
    await page.getByTestId('tab-stardust').click()
    expect(await page.getByRole('textbox', { name: 'New stardust idea' }).getAttribute('data-testid')).toBe('stardust-input')
    await page.getByTestId('tab-factors').click()
    expect(await page.getByRole('button', { name: 'Remove factor “Factor 1”' }).count()).toBe(1)
    await page.keyboard.press('Escape')
  })

  it('tells of the session’s changes in one polite region, in the page’s language, and not what was so before the page opened', async () => {
    command({ type: 'agenda.go', step: 'collect' })
    // Together: each is on the board as the other's page opens, which is no news (someone joining later is: announcements.test.ts).
    const [pat, uwe] = await Promise.all([joinBoard(browser, board.links.edit, 'Pat'), joinBoard(browser, board.links.edit, 'Uwe')])
    await uwe.getByTestId('language-switch').click()
    await uwe.locator('[data-testid="agenda"][data-step="collect"]').waitFor()
    const region = (p: Page) => p.getByRole('status').and(p.getByTestId('session-announcer'))
    expect(await region(pat).getAttribute('aria-live')).toBe('polite')
    await pat.waitForTimeout(300)
    expect(await region(pat).textContent()).toBe('')
    expect(await region(uwe).textContent()).toBe('')

    command({ type: 'agenda.go', step: 'rank' })
    await expect.poll(() => region(pat).textContent()).toBe('3/6 · Rank by customer influence')
    await expect.poll(() => region(uwe).textContent()).toBe('3/6 · Nach Kundeneinfluss priorisieren')
    command({ type: 'voting.open', target: 'touchpoints', votesPerPerson: 3, title: '' })
    await expect.poll(() => region(pat).textContent()).toBe('Dot voting on touchpoints: 3 dots per person')
    await expect.poll(() => region(uwe).textContent()).toBe('Punktabfrage zu Kontaktpunkten: 3 Punkte pro Person')
    command({ type: 'voting.reveal' })
    await expect.poll(() => region(pat).textContent()).toBe('Results revealed')
    command({ type: 'voting.close' })
    await expect.poll(() => region(pat).textContent()).toBe('Dot voting closed')
    await expect.poll(() => region(uwe).textContent()).toBe('Punktabfrage geschlossen')
    command({ type: 'private.start' })
    await expect.poll(() => region(pat).textContent()).toMatch(/^Silent writing started/)
    command({ type: 'private.reveal' })
    await expect.poll(() => region(pat).textContent()).toBe('Silent writing ended: the hidden entries are revealed')
    command({ type: 'timer.set', durationMs: 1500 })
    command({ type: 'timer.start' })
    await expect.poll(() => region(pat).textContent(), { timeout: 5_000 }).toBe('Time is up')
    await expect.poll(() => region(uwe).textContent(), { timeout: 5_000 }).toBe('Zeit ist um')
    // The same words again are told again.
    command({ type: 'timer.reset' })
    command({ type: 'timer.start' })
    await expect.poll(() => region(pat).textContent(), { timeout: 5_000 }).toBe('Time is up\u00a0')
    expect(await pat.locator('[aria-live="polite"], [role="status"]').and(pat.getByTestId('session-announcer')).count()).toBe(1)
    command({ type: 'timer.reset' })
    command({ type: 'agenda.go', step: null })
    await pat.context().close()
    await uwe.context().close()
  })
})

describe('what the eye needs', () => {
  it('draws the channel switches, physical and digital chips, stardust counts, delete buttons and the card’s focus ring in strong enough colours', async () => {
    const colours = await page.evaluate(() => {
      const style = (selector: string) => getComputedStyle(document.querySelector(selector)!)
      return {
        switch: [style('[data-testid="channel-switch"]').color, style('[data-testid="channel-switch"]').backgroundColor],
        chip: [style('.channel-chip--physical').color, style('.channel-chip--physical').backgroundColor],
        digitalChip: [style('.channel-chip--digital').color, style('.channel-chip--digital').backgroundColor], // was 4.46:1
        stardust: [style('.card__stardust').color, style('.card__stardust').backgroundColor],
      }
    })
    for (const [name, [fore, back]] of Object.entries(colours)) expect(contrast(fore!, back!), name).toBeGreaterThanOrEqual(4.5)
    await card(page, 'Touchpoint 2').click()
    const remove = await page.getByTestId('touchpoint-delete').evaluate((button) => [getComputedStyle(button).color, getComputedStyle(button).backgroundColor])
    expect(contrast(remove[0]!, remove[1]!)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(await page.getByTestId('panel-delete').evaluate((b) => getComputedStyle(b).color), 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5)
    await page.keyboard.press('Escape')
    await page.locator('.react-flow__node-touchpoint').first().focus()
    const ring = await outlineOf(page, '.react-flow__node-touchpoint:focus')
    expect(ring.style).toBe('solid')
    expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3)
  })

  it('stops animations, transitions and smooth scrolling when the system asks for less motion', async () => {
    const moving = () => page.getByTestId('phase-actions').first().evaluate((button) => getComputedStyle(button).transitionDuration)
    expect(await moving()).not.toBe('0s')
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await moving()).toBe('0s')
    await page.emulateMedia({ reducedMotion: 'no-preference' })
  })
})
