import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** Small things a person notices at once: popovers that close, texts that fit, labels in their language. */
let server: TestServer
let browser: Browser
let english: Page
let german: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  english = await joinBoard(browser, board.links.facilitator, 'Fran')
  german = await joinBoard(browser, board.links.facilitator, 'Gerd', undefined,
    (context) => context.addInitScript(() => localStorage.setItem('zigzag.language', 'de')))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('popovers', () => {
  it('closes the export menu on Escape and on a press outside it, and its button still toggles it', async () => {
    const menu = english.getByRole('menu')
    await english.getByTestId('export').click()
    await menu.waitFor()
    await english.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })

    await english.getByTestId('export').click()
    await menu.waitFor()
    const pane = (await english.locator('.react-flow__pane').boundingBox())!
    await english.mouse.click(pane.x + 20, pane.y + pane.height - 20)
    await menu.waitFor({ state: 'detached' })

    await english.getByTestId('export').click()
    await menu.waitFor()
    await english.getByTestId('export').click()
    await menu.waitFor({ state: 'detached' })
  })

  it('closes the list of people on the board the same ways', async () => {
    const list = english.getByRole('dialog', { name: 'On the board' })
    await english.getByTestId('presence').click()
    await list.waitFor()
    await english.keyboard.press('Escape')
    await list.waitFor({ state: 'detached' })
    await english.getByTestId('presence').click()
    await list.waitFor()
    await english.getByTestId('export').click() // another of the toolbar's buttons
    await list.waitFor({ state: 'detached' })
    await english.keyboard.press('Escape')
  })
})

describe('in German', () => {
  it('fits every tab of the touchpoint panel, Sternenstaub included, inside the panel', async () => {
    await german.locator('.react-flow__node [data-testid="touchpoint"]').first().click()
    const panel = german.getByTestId('touchpoint-panel')
    await panel.waitFor()
    await expect.poll(() => german.getByTestId('tab-stardust').textContent()).toBe('Sternenstaub')
    const fit = await panel.evaluate((aside) => {
      const box = aside.getBoundingClientRect()
      return [...aside.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => {
        const r = tab.getBoundingClientRect()
        return { text: tab.textContent, inside: r.left >= box.left && r.right <= box.right, clipped: tab.scrollWidth > tab.clientWidth }
      })
    })
    await screenshot(german, 'details-german-tabs')
    expect(fit).toHaveLength(4)
    for (const tab of fit) expect(tab, tab.text!).toMatchObject({ inside: true, clipped: false })
  })

  it('labels the zoom controls in German', async () => {
    const labels = await german.locator('.react-flow__controls button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))
    expect(labels).toEqual(['Vergrößern', 'Verkleinern', 'Board an den Bildschirm anpassen'])
    expect(await german.locator('.react-flow__controls').getAttribute('aria-label')).toBe('Zoom-Steuerung')
  })
})

describe('for screen readers', () => {
  it('names each step of the journey by its two cards, not by their ids', async () => {
    const labels = await english.locator('.react-flow__edge').evaluateAll((edges) => edges.map((e) => e.getAttribute('aria-label') ?? ''))
    const titles = await english.locator('[data-testid="touchpoint"]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.title!))
    expect(labels.length).toBeGreaterThan(0)
    for (const label of labels) {
      const [from, to] = label.split(' → ')
      expect(titles, label).toContain(from)
      expect(titles, label).toContain(to)
    }
  })

  it('says what the timer’s buttons do', async () => {
    const start = english.getByTestId('timer-start')
    expect(await start.getAttribute('aria-label')).toBe('Start the timer')
    expect(await english.getByTestId('timer-add-minute').getAttribute('aria-label')).toBe('One minute more')
  })
})
