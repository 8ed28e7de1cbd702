import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addFactor, addPersona, addStardust, lanes, phases, removePersona, renameLane, renamePhase, touchpoints, updateStardust, updateTouchpoint,
} from '../../shared/model/index.js'
import { joinBoard, launchBrowser, linesOfWord, screenshot, standStill } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { openSessionSocket } from '../utils/sessionSocket.js'

/** Texts as long as the board lets people type them: they must stay inside the box they belong to. */
const LONG_PHASE = 'Awareness and first research: the customer compares offers, reads reviews, asks friends and visits the store to decide'
const COMPOUND = 'Kaufentscheidungsvorbereitungsberatungsgesprächsterminvereinbarung'
const LONG_LANE = 'Field sales representatives visiting business customers at their own premises with samples and price lists'
const LONG_WORD = 'Stardust'.repeat(35) // 280 characters, no space
const LONG_TITLE = 'Checkout'.repeat(15) // 120 characters, no space

let server: TestServer
let browser: Browser
let client: TestClient
let english: Page
let german: Page
let viewer: Page
let cardTitle: string
let lockedId: string
let lockedTitle: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  client = connectClient(server.url, board.id, board.tokens.facilitator)
  await synced(client)
  const doc = client.doc
  const [first, second] = phases(doc)
  renamePhase(doc, first!.id, LONG_PHASE)
  renamePhase(doc, second!.id, COMPOUND)
  const [lane1, lane2] = lanes(doc)
  renameLane(doc, lane1!.id, LONG_LANE)
  renameLane(doc, lane2!.id, COMPOUND)
  const card = touchpoints(doc).find((t) => t.phaseId === second!.id)!
  cardTitle = card.title
  updateTouchpoint(doc, card.id, { momentOfTruth: true, status: 'refine', kind: 'indirect' })
  const author = { authorId: 'qa-author', authorName: 'Quinn', customerVoice: false }
  const long = addStardust(doc, { touchpointId: card.id, text: LONG_WORD, ...author })!
  updateStardust(doc, long, { department: 'Customer service and after-sales support' })
  addStardust(doc, { touchpointId: card.id, text: 'A handwritten thank-you card in the bag', ...author }) // an ordinary one beside it
  addFactor(doc, { touchpointId: card.id, level: 'disappointment', dimension: 'factual', text: LONG_WORD, ...author })
  addFactor(doc, { touchpointId: card.id, level: 'delight', dimension: 'emotional', text: LONG_WORD, ...author })
  const other = touchpoints(doc).find((t) => t.phaseId === first!.id)!
  updateTouchpoint(doc, other.id, { title: LONG_TITLE, department: 'Kundenservice & Beschwerdemanagement (Region Süd)' })
  addStardust(doc, { touchpointId: other.id, text: 'A free coffee', ...author })
  // A moment of truth the facilitator locked: the most a card's top row shows (kind, status, moment of truth, lock).
  const locked = touchpoints(doc).find((t) => t.id !== card.id && t.id !== other.id)!
  lockedId = locked.id
  lockedTitle = locked.title
  updateTouchpoint(doc, locked.id, { momentOfTruth: true })
  const facilitator = await openSessionSocket(server.url, board.id, board.tokens.facilitator)
  facilitator.send({ type: 'lock.touchpoint', touchpointId: locked.id, locked: true })
  await facilitator.next()
  facilitator.close()

  english = await joinBoard(browser, board.links.facilitator, 'Pia 📱')
  german = await joinBoard(browser, board.links.facilitator, 'Gerd', undefined, async (context) => {
    await context.addInitScript(() => localStorage.setItem('zigzag.language', 'de'))
  })
  viewer = await joinBoard(browser, board.links.view, 'Vic')
})

afterAll(async () => {
  client?.destroy()
  await browser?.close()
  await server?.close()
})

/** How `inner` sits in `outer`: whether its box lies inside, and whether its text spills out of its own box unclipped. */
async function fit(inner: Locator, outer: Locator) {
  const box = (await inner.boundingBox())!
  const frame = (await outer.boundingBox())!
  const spills = await inner.evaluate((el) => {
    const style = getComputedStyle(el)
    const clipsX = style.overflowX !== 'visible', clipsY = style.overflowY !== 'visible'
    return (!clipsX && el.scrollWidth > el.clientWidth + 1) || (!clipsY && el.scrollHeight > el.clientHeight + 1)
  })
  return {
    inside: box.x >= frame.x - 1 && box.y >= frame.y - 1 && box.x + box.width <= frame.x + frame.width + 1 && box.y + box.height <= frame.y + frame.height + 1,
    spills,
  }
}

/** Whether a press at the centre of `target` reaches it (nothing lies over it). */
async function reachable(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
}

/** A screenshot of the board zoomed in around `at` (wheel zoom, as a person would), then the view fitted again. */
async function closeUp(page: Page, at: Locator, name: string): Promise<void> {
  const box = (await at.boundingBox())!
  await page.mouse.move(box.x + Math.min(box.width / 2, 200), box.y + Math.min(box.height / 2, 100))
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120)
  await page.waitForTimeout(400)
  await screenshot(page, name)
  await page.locator('.react-flow__controls-fitview').click()
  await page.waitForTimeout(400)
}

const phaseHeader = (page: Page, index: number) => page.getByTestId('phase').nth(index)
const laneHeader = (page: Page, index: number) => page.getByTestId('lane').nth(index)

describe('long phase and lane names', () => {
  for (const [language, page] of [['English', () => english], ['German', () => german]] as const) {
    it(`keep each name inside its header, clamped, with the full name in its tooltip (${language})`, async () => {
      const p = page()
      await screenshot(p, `longText-grid-${language}`)
      for (const [index, name] of [[0, LONG_PHASE], [1, COMPOUND]] as const) {
        const header = phaseHeader(p, index)
        const label = header.getByTestId('phase-name')
        expect(await fit(label, header), `phase ${index}`).toEqual({ inside: true, spills: false })
        expect(await label.getAttribute('title')).toContain(name)
      }
      for (const [index, name] of [[0, LONG_LANE], [1, COMPOUND]] as const) {
        const header = laneHeader(p, index)
        const label = header.getByTestId('lane-name')
        expect(await fit(label, header), `lane ${index}`).toEqual({ inside: true, spills: false })
        expect(await fit(header.getByTestId('lane-channel'), header), `lane ${index} chip`).toEqual({ inside: true, spills: false })
        expect(await label.getAttribute('title')).toContain(name)
      }
      // The header band is dark with white text: the name starts below the board's top edge, not above it on the light page.
      const band = (await phaseHeader(p, 0).boundingBox())!
      const name = (await phaseHeader(p, 0).getByTestId('phase-name').boundingBox())!
      expect(name.y).toBeGreaterThanOrEqual(band.y - 1)
      await closeUp(p, phaseHeader(p, 0), `longText-grid-${language}-close`)
    })
  }

  it('sets a lane name smaller when one of its words is wider than the header, rather than break the word', async () => {
    const lane = lanes(client.doc)[2]!
    const was = lane.name
    renameLane(client.doc, lane.id, 'LinkedIn & Bewertungsportale')
    try {
      const label = english.locator(`[data-testid="lane"][data-lane-id="${lane.id}"]`).getByTestId('lane-name')
      await expect.poll(() => label.textContent()).toBe('LinkedIn & Bewertungsportale')
      expect(await linesOfWord(label, 'Bewertungsportale')).toBe(1)
      expect(await fit(label, laneHeader(english, 2))).toEqual({ inside: true, spills: false })
      // The same where the name is drawn apart from the board: pinned to the canvas' left edge when zoomed in ...
      const cell = (await english.locator(`[data-testid="cell"][data-lane-id="${lane.id}"]`).last().boundingBox())!
      await english.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2)
      const pinned = english.locator(`[data-testid="pinned-lane"][data-lane-id="${lane.id}"]`)
      for (let i = 0; i < 14 && (await pinned.count()) === 0; i++) {
        await english.mouse.wheel(0, -120)
        await english.waitForTimeout(150)
      }
      expect(await linesOfWord(pinned, 'Bewertungsportale')).toBe(1)
      await english.getByRole('button', { name: 'Fit the board to the screen' }).click()
      // ... and in a saved version's preview.
      await english.getByTestId('open-history').click()
      await english.getByTestId('version-name').fill('With the long lane name')
      await english.getByTestId('save-version').click()
      await english.getByTestId('version').filter({ hasText: 'With the long lane name' }).getByRole('button').click()
      const previewed = english.getByTestId('version-preview').getByTestId('preview-lane').filter({ hasText: 'Bewertungsportale' })
      expect(await linesOfWord(previewed, 'Bewertungsportale')).toBe(1)
      await english.keyboard.press('Escape')
      await english.getByTestId('version-preview').waitFor({ state: 'detached' })
      await english.getByTestId('history-panel').getByTestId('panel-close').click()
    } finally {
      renameLane(client.doc, lane.id, was)
    }
  })

  it('leaves the menu of a long-named header usable: its button over the name’s end, every action reachable', async () => {
    for (const [header, kind] of [[phaseHeader(english, 0), 'phase'], [laneHeader(english, 0), 'lane']] as const) {
      const box = (await header.boundingBox())!
      await english.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      const button = header.getByTestId(`${kind}-actions`)
      expect(await reachable(button)).toBe(true)
      // Grown to its size on screen, it may stand out of a header drawn small, but it starts in it.
      const at = (await button.boundingBox())!
      expect(at.x + at.width).toBeLessThanOrEqual(box.x + box.width + 1)
      expect(at.y + at.height / 2).toBeGreaterThan(box.y)
      expect(at.y + at.height / 2).toBeLessThan(box.y + box.height)
      await button.click()
      const items = english.getByRole('menu').getByRole('menuitem')
      expect(await items.count()).toBe(kind === 'phase' ? 4 : 5)
      for (let i = 0; i < await items.count(); i++) expect(await reachable(items.nth(i)), `${kind} action ${i}`).toBe(true)
      await english.keyboard.press('Escape')
      await english.getByRole('menu').waitFor({ state: 'detached' })
    }
    await closeUp(english, phaseHeader(english, 0), 'longText-header-hover')
  })
})

describe('long persona names', () => {
  // Three personas of 60 characters each, beside the template's two.
  const LONG_PERSONAS = [
    'Anneliese, the busy working parent who shops late in the evening',
    'Bernd, the retired engineer who compares every technical detail',
    'Chiara, the student on a tight budget who waits for the next sale',
  ].map((name) => name.slice(0, 60))

  /** How many rows the bar's controls take: every control's box starts on one of them. */
  const rows = (p: Page) => p.locator('.persona-bar').evaluate((bar) => {
    const top = bar.getBoundingClientRect().top
    return new Set([...bar.children].flatMap((group) => [...group.children]).filter((c) => c.getBoundingClientRect().height > 0)
      .map((c) => Math.round((c.getBoundingClientRect().top - top) / 30))).size
  })

  it('give long persona names the persona bar’s first row at 1,440 px, each cut with "…" and whole in its tooltip', async () => {
    await screenshot(english, 'longText-personas-template')
    const ids = LONG_PERSONAS.map((name) => addPersona(client.doc, { name, description: 'Long-named persona' }))
    try {
      for (const [language, p] of [['English', english], ['German', german]] as const) {
        expect(p.viewportSize()).toEqual({ width: 1440, height: 900 })
        await expect.poll(() => p.getByTestId('persona').count()).toBe(5)
        await p.getByTestId('persona').nth(2).click()
        await screenshot(p, `longText-personas-${language}`)
        // The names on one row of their own, the view's controls on a second: no more.
        expect(await rows(p), language).toBe(2)
        const tops = await p.getByTestId('persona').evaluateAll((chips) => new Set(chips.map((c) => c.getBoundingClientRect().top)).size)
        expect(tops, language).toBe(1)
        for (const [index, name] of LONG_PERSONAS.entries()) {
          const chip = p.getByTestId('persona').nth(index + 2)
          expect(await chip.getAttribute('title'), `${language} ${index}`).toContain(name)
          const cut = await chip.locator('.persona-chip__name').evaluate((el) => ({
            ellipsis: getComputedStyle(el).textOverflow === 'ellipsis', cut: el.scrollWidth > el.clientWidth, text: el.textContent,
          }))
          expect(cut, `${language} ${index}`).toEqual({ ellipsis: true, cut: true, text: name })
        }
      }
    } finally {
      for (const id of ids) removePersona(client.doc, id)
    }
  })
})

describe('German on a 1,280 × 800 laptop', () => {
  // The German retail template: its persona names are the templates' longest.
  let page: Page
  beforeAll(async () => {
    const board = await createBoard(server.url, { template: 'retail', language: 'de', title: 'Laptop' })
    page = await joinBoard(browser, board.links.edit, 'Pia', { width: 1280, height: 800 }, async (context) => {
      await context.addInitScript(() => localStorage.setItem('zigzag.language', 'de'))
    })
  })

  it('shows every persona’s whole name on its chip', async () => {
    await screenshot(page, 'longText-german-laptop-personas')
    const names = await page.getByTestId('persona').evaluateAll((chips) => chips.map((chip) => {
      const name = chip.querySelector<HTMLElement>('.persona-chip__name')!
      return { name: name.textContent, cut: name.scrollWidth > name.clientWidth }
    }))
    expect(names).toEqual([
      { name: 'Anna, berufstätige Mutter', cut: false },
      { name: 'Walter, 72, Stammkunde in der Filiale', cut: false },
    ])
  })

  it('shows the whole placeholder of the field for a new stardust idea, in German and in English', async () => {
    await page.locator('[data-testid="touchpoint"]').first().locator('.card__title').click()
    await page.getByTestId('tab-stardust').click()
    const input = page.getByTestId('stardust-input')
    await screenshot(page, 'longText-german-laptop-stardust')
    // The placeholder as the field's text: a field scrolls text wider than its box.
    const fits = () => input.evaluate((field: HTMLInputElement) => {
      field.value = field.placeholder
      const whole = field.scrollWidth <= field.clientWidth
      field.value = ''
      return whole
    })
    expect(await fits(), await input.getAttribute('placeholder') ?? '').toBe(true)
    await page.getByTestId('language-switch').click()
    await expect.poll(() => input.getAttribute('placeholder')).toBe('A delight idea…')
    expect(await fits(), 'English').toBe(true)
    await page.getByTestId('language-switch').click()
  })
})

/** Every element `selector` finds in `panel`: whether each lies inside the panel and keeps its text in its own box. */
async function allInside(panel: Locator, selector: string) {
  const frame = (await panel.boundingBox())!
  return panel.locator(selector).evaluateAll((els, f) => els.map((el) => {
    const r = el.getBoundingClientRect()
    const style = getComputedStyle(el)
    return {
      what: `${el.className || el.tagName} ${(el.textContent ?? (el as HTMLInputElement).value).slice(0, 24)}`,
      inside: r.left >= f.x - 1 && r.right <= f.x + f.width + 1,
      spills: style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1,
    }
  }), frame)
}

const openCard = async (page: Page, title: string) => {
  if (await page.getByTestId('panel-close').count()) await page.getByTestId('panel-close').click()
  await page.locator(`.react-flow__node [data-testid="touchpoint"][data-title="${title}"]`).click()
  await page.getByTestId('touchpoint-panel').waitFor()
}

/**
 * The chips show where a card is drawn near enough to read them: zoomed far out (a fitted board on a laptop), the cards give
 * their room to larger titles instead (.canvas--far). On a 1,920 × 1,200 screen the fitted board is near enough.
 */
function onLargeScreens() {
  const fit = async (page: Page, size: { width: number; height: number }) => {
    await page.setViewportSize(size)
    await page.getByRole('button', { name: page === german ? 'Board an den Bildschirm anpassen' : 'Fit the board to the screen' }).click()
  }
  beforeAll(async () => {
    for (const page of [english, german]) {
      await fit(page, { width: 1920, height: 1200 })
      await page.locator('[data-testid="canvas"]:not(.canvas--far)').waitFor()
    }
  })
  afterAll(async () => {
    for (const page of [english, german]) await fit(page, { width: 1440, height: 900 })
  })
}

describe('one very long word', () => {
  onLargeScreens()
  for (const [language, page] of [['English', () => english], ['German', () => german]] as const) {
    it(`stays inside the touchpoint panel: its stardust ideas, its factors and its title (${language})`, async () => {
      const p = page()
      await openCard(p, cardTitle)
      const panel = p.getByTestId('touchpoint-panel')
      await p.getByTestId('tab-stardust').click()
      await expect.poll(() => panel.getByTestId('stardust-idea').filter({ hasText: LONG_WORD }).count()).toBe(1)
      await screenshot(p, `longText-stardust-${language}`)
      const ideas = await allInside(panel, '[data-testid="stardust-idea"], .idea__text, .idea__meta, [data-testid="stardust-vote"], .entry-remove')
      for (const idea of ideas) expect(idea, idea.what).toMatchObject({ inside: true, spills: false })
      // The ordinary ideas are as wide as the long one: none was widened past the panel nor cut off by it.
      const widths = await panel.getByTestId('stardust-idea').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)))
      expect(new Set(widths).size).toBe(1)

      await p.getByTestId('tab-factors').click()
      await expect.poll(() => panel.getByTestId('factor-entry').filter({ hasText: LONG_WORD }).count()).toBe(2)
      await screenshot(p, `longText-factors-${language}`)
      for (const entry of await allInside(panel, '[data-testid^="factor-cell-"], [data-testid="factor-entry"], .factor-entry__text, .entry-remove')) {
        expect(entry, entry.what).toMatchObject({ inside: true, spills: false })
      }
    })

    it(`stays inside the Backlog panel, with the owner field and the status menu beside it (${language})`, async () => {
      const p = page()
      if (await p.getByTestId('panel-close').count()) await p.getByTestId('panel-close').click()
      await p.getByTestId('open-backlog').click()
      const panel = p.getByTestId('backlog-panel')
      await expect.poll(() => panel.getByTestId('stardust-idea').filter({ hasText: LONG_WORD }).count()).toBe(1)
      await screenshot(p, `longText-backlog-${language}`)
      const all = await allInside(panel, '[data-testid="stardust-idea"], .idea__text, .idea__meta, [data-testid="stardust-owner"], [data-testid="stardust-status"]')
      for (const el of all) expect(el, el.what).toMatchObject({ inside: true, spills: false })
      // The owner field keeps room to read its department.
      for (const owner of await panel.getByTestId('stardust-owner').all()) expect((await owner.boundingBox())!.width).toBeGreaterThan(150)
      await p.getByTestId('panel-close').click()
    })
  }

  it('in a card’s title breaks and ends in an ellipsis instead of being cut at the card’s edge, and fits the panel’s head', async () => {
    const title = english.locator(`.react-flow__node [data-testid="touchpoint"][data-title="${LONG_TITLE}"] [data-testid="touchpoint-title"]`)
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    expect(await title.getAttribute('title')).toContain(LONG_TITLE)
    await openCard(english, LONG_TITLE)
    const panel = english.getByTestId('touchpoint-panel')
    for (const el of await allInside(panel, '.details__head h2, [data-testid="panel-close"]')) expect(el, el.what).toMatchObject({ inside: true, spills: false })
    // Beside a long department, the card's stardust count stays one line ("✦ 1", not "✦" over "1"); the department is cut short.
    const card = english.locator(`.react-flow__node [data-testid="touchpoint"][data-title="${LONG_TITLE}"]`)
    const count = card.getByTestId('stardust-count')
    expect(await count.evaluate((el) => (el as HTMLElement).offsetHeight < parseFloat(getComputedStyle(el).fontSize) * 2)).toBe(true)
    expect(await card.locator('.card__department').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await closeUp(english, card, 'longText-card-title')
    await english.getByTestId('panel-close').click()
  })
})

describe('a version’s preview', () => {
  it('keeps long phase and lane names and a long card title inside their cells', async () => {
    if (await english.getByTestId('panel-close').count()) await english.getByTestId('panel-close').click()
    await english.getByTestId('open-history').click()
    await english.getByTestId('version-name').fill('Long words')
    await english.getByTestId('save-version').click()
    await english.getByTestId('version').filter({ hasText: 'Long words' }).locator('button').click()
    const preview = english.getByTestId('version-preview')
    await preview.waitFor()
    await expect.poll(() => preview.getByTestId('preview-touchpoint').filter({ hasText: LONG_TITLE }).count()).toBe(1)
    await screenshot(english, 'longText-version-preview')
    const spilling = await preview.locator('.version-preview__grid > *, .version-preview__cell, .version-preview__cell li, .version-preview__phase, .version-preview__lane')
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.className || el.tagName} ${el.textContent?.slice(0, 24)}`))
    expect(spilling).toEqual([])
    // Each cell's cards stay within the cell's column: the long title does not push into the next phase.
    const escaping = await preview.locator('.version-preview__cell').evaluateAll((cells) => cells.flatMap((cell) => {
      const box = cell.getBoundingClientRect()
      return [...cell.querySelectorAll('li')].filter((li) => li.getBoundingClientRect().right > box.right + 1).map((li) => li.textContent?.slice(0, 24))
    }))
    expect(escaping).toEqual([])
    await preview.locator('.dialog-actions .button').first().click()
    await english.getByTestId('panel-close').click()
  })
})

describe('a selected card’s chips', () => {
  onLargeScreens()
  for (const [language, page] of [['English', () => english], ['German', () => german]] as const) {
    it(`each keep to one line, and with the delete button fit the card’s top row (${language})`, async () => {
      const p = page()
      await openCard(p, cardTitle)
      const card = p.locator(`.react-flow__node [data-testid="touchpoint"][data-title="${cardTitle}"]`)
      await card.getByTestId('touchpoint-delete').waitFor()
      const row = await card.locator('.card__top').evaluate((top) => {
        const box = top.getBoundingClientRect()
        return [...top.querySelectorAll('.chip')].map((el) => {
          const r = el.getBoundingClientRect()
          return {
            what: el.textContent,
            oneLine: (el as HTMLElement).offsetHeight < parseFloat(getComputedStyle(el).fontSize) * 1.6 + 6, // unzoomed, padding included
            whole: el.scrollWidth <= el.clientWidth + 1,
            inside: r.left >= box.left - 1 && r.right <= box.right + 1,
          }
        })
      })
      await closeUp(p, card, `longText-chips-${language}`)
      expect(row.map((c) => c.what)).toContain(language === 'German' ? '★ MdW' : '★ MoT')
      for (const chip of row) expect(chip, chip.what!).toMatchObject({ oneLine: true, whole: true, inside: true })
      // The delete button covers no chip, and a press reaches it.
      const remove = card.getByTestId('touchpoint-delete')
      expect(await reachable(remove)).toBe(true)
      const x = (await remove.boundingBox())!
      for (const chip of await card.locator('.card__top .chip').all()) {
        const c = (await chip.boundingBox())!
        expect(x.x >= c.x + c.width || x.y >= c.y + c.height || x.y + x.height <= c.y, await chip.textContent() ?? '').toBe(true)
      }
    })
  }
})

describe('a locked moment of truth’s chips', () => {
  onLargeScreens()
  it('show every kind and status whole, beside the moment-of-truth chip and the lock, in English and German', async () => {
    const cut: string[] = []
    for (const kind of ['direct', 'indirect'] as const) {
      for (const status of ['new', 'keep', 'refine', 'retire'] as const) {
        updateTouchpoint(client.doc, lockedId, { kind, status })
        for (const [language, p] of [['English', english], ['German', german]] as const) {
          const card = p.locator(`.react-flow__node [data-testid="touchpoint"][data-title="${lockedTitle}"]`)
          await card.getByTestId('locked').waitFor()
          await expect.poll(() => card.getAttribute('class')).toContain(`card--${kind}`)
          await expect.poll(() => card.locator('.chip--status').getAttribute('class')).toContain(`chip--${status}`)
          await standStill(card) // the lock and the chips are measured one after the other: the card must not move between
          const chips = await card.evaluate((el) => {
            const top = el.querySelector('.card__top')!.getBoundingClientRect()
            return [...el.querySelectorAll<HTMLElement>('.chip')].map((chip) => {
              const r = chip.getBoundingClientRect()
              return {
                what: chip.textContent || chip.className,
                whole: chip.scrollWidth <= chip.clientWidth,
                oneLine: chip.offsetHeight < parseFloat(getComputedStyle(chip).fontSize) * 1.6 + 6,
                inRow: r.top >= top.top - 1 && r.bottom <= top.bottom + 1,
              }
            })
          })
          expect(chips.map((c) => c.what), `${language} ${kind}/${status}`).toContain(language === 'German' ? '★ MdW' : '★ MoT')
          for (const chip of chips) if (!chip.whole || !chip.oneLine || !chip.inRow) cut.push(`${language} ${kind}/${status}: ${JSON.stringify(chip)}`)
          // The lock covers no chip.
          const lock = (await card.getByTestId('locked').boundingBox())!
          for (const chip of await card.locator('.card__top .chip:not([data-testid="locked"])').all()) {
            const c = (await chip.boundingBox())!
            if (!(lock.x >= c.x + c.width || lock.y >= c.y + c.height || lock.y + lock.height <= c.y)) cut.push(`${language} ${kind}/${status}: lock over ${await chip.textContent()}`)
          }
          if (kind === 'indirect' && status === 'keep') await closeUp(p, card, `longText-locked-chips-${language}`)
        }
      }
    }
    expect(cut).toEqual([])
  })
})

describe('for someone with a view link', () => {
  it('shows a card’s fields and choices as read-only, unlike an editor’s, and still easy to read', async () => {
    /** How the panel's title field, its department field, the chosen kind and another kind look on `page`. */
    const looks = async (page: Page) => {
      await openCard(page, cardTitle)
      const panel = page.getByTestId('touchpoint-panel')
      await panel.getByTestId('panel-title').waitFor()
      return panel.evaluate((aside) => {
        const style = (el: Element | null) => {
          const s = getComputedStyle(el!)
          return { border: s.borderTopColor, background: s.backgroundColor, cursor: s.cursor, color: s.color, opacity: s.opacity, fill: s.webkitTextFillColor }
        }
        const kind = aside.querySelector('[data-testid="panel-kind-direct"]')!.closest('fieldset')!
        return {
          field: style(aside.querySelector('[data-testid="panel-title"]')),
          department: style(aside.querySelector('[data-testid="panel-department"]')),
          chosen: style(kind.querySelector('label.is-active')),
          other: style(kind.querySelector('label:not(.is-active)')),
        }
      })
    }
    const editor = await looks(english)
    const watcher = await looks(viewer)
    await screenshot(viewer, 'longText-viewer-details')
    await screenshot(english, 'longText-editor-details')
    const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*, 0\)$/.test(colour)
    for (const field of [watcher.field, watcher.department]) {
      expect(transparent(field.border), field.border).toBe(true) // no box that invites typing
      expect(transparent(field.background), field.background).toBe(true)
      expect(field.cursor).toBe('not-allowed')
      expect(field.opacity).toBe('1')
      expect([field.color, field.fill]).toEqual(['rgb(31, 42, 68)', 'rgb(31, 42, 68)']) // the ink, not a faded grey
    }
    expect(editor.field.border).not.toBe(watcher.field.border)
    // The chosen kind is marked without looking like the editor's pressed button; the others are muted.
    expect(watcher.chosen.background).not.toBe(editor.chosen.background)
    expect(watcher.chosen.color).toBe('rgb(31, 42, 68)')
    for (const choice of [watcher.chosen, watcher.other]) expect(choice.cursor).toBe('not-allowed')
    expect(watcher.other.color).not.toBe(editor.other.color)
  })
})
