import type { Browser, Dialog, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellFreeSpot, dragTo, gridId, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { journeyOwnership, rateMomentOfTruth, readBoard, touchpoints, updateTouchpoint } from '../../shared/model/index.js'

/** Small things a person notices at once: popovers that close, texts that fit, labels in their language. */
let server: TestServer
let browser: Browser
let english: Page
let german: Page
let viewer: Page
let editLink: string
let created: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  editLink = board.links.edit
  created = board
  english = await joinBoard(browser, board.links.facilitator, 'Fran Facilitator')
  viewer = await joinBoard(browser, board.links.view, 'Vic')
  german = await joinBoard(browser, board.links.facilitator, 'Gerd', undefined,
    async (context) => {
      await context.addInitScript(() => localStorage.setItem('zigzag.language', 'de'))
    })
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

    // From the keyboard: Enter opens it on its first item, the arrows move, Escape gives the focus back to Export.
    const focused = () => english.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    expect(await english.getByTestId('export').getAttribute('aria-haspopup')).toBe('menu')
    await english.getByTestId('export').focus()
    await english.keyboard.press('Enter')
    await menu.waitFor()
    await expect.poll(focused).toBe('export-png-board')
    await english.keyboard.press('ArrowDown')
    expect(await focused()).toBe('export-png-view')
    await english.keyboard.press('End')
    expect(await focused()).toBe('export-json')
    await english.keyboard.press('ArrowDown')
    expect(await focused()).toBe('export-png-board')
    await english.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    expect(await focused()).toBe('export')
    // Tab leaves it closed, from Export; an export chosen with Enter gives the focus back to Export too.
    await english.keyboard.press('Enter')
    await expect.poll(focused).toBe('export-png-board')
    await english.keyboard.press('Tab')
    await menu.waitFor({ state: 'detached' })
    expect(await focused()).toBe('export')
    await english.keyboard.press('Enter')
    await expect.poll(focused).toBe('export-png-board')
    await english.keyboard.press('End')
    const [download] = await Promise.all([english.waitForEvent('download'), english.keyboard.press('Enter')])
    expect(download.suggestedFilename()).toMatch(/\.zigzag\.json$/)
    await menu.waitFor({ state: 'detached' })
    await expect.poll(focused).toBe('export')
  })

  it('closes the list of people on the board the same ways', async () => {
    const list = english.getByRole('dialog', { name: 'On the board' })
    await english.getByTestId('presence').click()
    await list.waitFor()
    // A name and its role each on one line, however the list is sized.
    const lines = await list.locator('[data-testid="presence-person"]').first().evaluate((row) =>
      [...row.querySelectorAll<HTMLElement>('.presence__name, .presence__role')].map((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize)))
    expect(lines).toHaveLength(2)
    for (const ems of lines) expect(ems).toBeLessThan(1.8)
    await english.keyboard.press('Escape')
    await list.waitFor({ state: 'detached' })
    await english.getByTestId('presence').click()
    await list.waitFor()
    await english.getByTestId('export').click() // another of the toolbar's buttons
    await list.waitFor({ state: 'detached' })
    await english.keyboard.press('Escape')
  })
})

describe('panels and dialogs', () => {
  it('closes with Escape what was opened last: a dialog over a side panel first, then the panel', async () => {
    await english.getByTestId('open-history').click()
    const history = english.getByTestId('history-panel')
    await history.waitFor()
    await english.getByTestId('share').click()
    const share = english.getByTestId('share-panel')
    await share.waitFor()
    // Focus moves into the dialog, and Tab keeps it there.
    expect(await share.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true)
    for (let i = 0; i < 12; i++) await english.keyboard.press('Tab')
    expect(await share.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true)
    expect(await share.getAttribute('aria-modal')).toBe('true')

    await english.keyboard.press('Escape')
    await share.waitFor({ state: 'detached' })
    expect(await history.count()).toBe(1)
    // Focus is back on the button that opened the dialog.
    expect(await english.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('share')
    await english.keyboard.press('Escape')
    await history.waitFor({ state: 'detached' })
  })
})

describe('with the keyboard', () => {
  it('goes into a side panel opened from the toolbar, on through it with Tab, and back to its button on Escape', async () => {
    const button = english.getByTestId('open-history')
    await button.focus()
    await english.keyboard.press('Enter')
    const panel = english.getByTestId('history-panel')
    await panel.waitFor()
    const inside = () => panel.evaluate((aside) => aside.contains(document.activeElement))
    expect(await inside()).toBe(true)
    // The panel's heading has the focus, and shows it (it showed nothing).
    expect(await english.evaluate(() => document.activeElement?.tagName)).toBe('H2')
    expect(await english.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid')
    await english.keyboard.press('Tab')
    expect(await inside()).toBe(true)
    await english.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await english.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('open-history')
  })

  it('renames a phase, a lane and the board from the keyboard, and keeps the focus on the name', async () => {
    const names = [
      { locator: english.getByTestId('phase-name').first(), key: 'Enter', to: 'Orientation' },
      { locator: english.getByTestId('lane-name').first(), key: 'F2', to: 'Flagship store' },
      { locator: english.getByTestId('board-title'), key: 'Enter', to: 'Keyboard workshop' },
    ]
    for (const { locator, key, to } of names) {
      const before = await locator.textContent()
      await locator.focus()
      await english.keyboard.press(key)
      await english.keyboard.press('ControlOrMeta+a')
      await english.keyboard.type(to)
      await english.keyboard.press('Enter')
      await expect.poll(() => locator.textContent()).toBe(to)
      expect(await locator.evaluate((el) => el === document.activeElement)).toBe(true)
      // Escape leaves it as it was.
      await english.keyboard.press('Enter')
      await english.keyboard.type('Not this')
      await english.keyboard.press('Escape')
      expect(await locator.textContent()).toBe(to)
      await locator.dblclick()
      await english.keyboard.press('ControlOrMeta+a')
      await english.keyboard.type(before!)
      await english.keyboard.press('Enter')
      await expect.poll(() => locator.textContent()).toBe(before)
    }
    // A card's title is renamed in its panel: the card, not its title, is the stop for Tab.
    expect(await english.getByTestId('touchpoint-title').first().getAttribute('tabindex')).toBeNull()
  })

  it('keeps what is typed at once after Enter or F2, on a page too busy to draw a frame in between', async () => {
    const name = english.getByTestId('lane-name').first()
    const before = (await name.textContent())!
    // Frames are held back until the test lets them run, as on a loaded machine.
    await english.evaluate(() => {
      const held: FrameRequestCallback[] = []
      const w = window as unknown as { heldFrames: FrameRequestCallback[]; realFrame: typeof requestAnimationFrame }
      w.heldFrames = held
      w.realFrame = window.requestAnimationFrame
      window.requestAnimationFrame = (callback) => (held.push(callback), held.length)
    })
    try {
      await name.focus()
      await english.keyboard.press('F2')
      await english.keyboard.type('Flagship ')
      await english.evaluate(() => (window as unknown as { heldFrames: FrameRequestCallback[] }).heldFrames.splice(0).forEach((run) => run(performance.now())))
      await english.keyboard.type('store')
      await english.keyboard.press('Enter')
    } finally {
      await english.evaluate(() => { window.requestAnimationFrame = (window as unknown as { realFrame: typeof requestAnimationFrame }).realFrame })
    }
    await expect.poll(() => name.textContent()).toBe('Flagship store')
    await name.dblclick()
    await english.keyboard.press('ControlOrMeta+a')
    await english.keyboard.type(before)
    await english.keyboard.press('Enter')
    await expect.poll(() => name.textContent()).toBe(before)
  })

  it('goes into a card’s panel opened with Enter, and back to the card on Escape', async () => {
    const node = english.locator('.react-flow__node', { has: english.locator('[data-title="Online checkout"]') })
    const id = await node.getAttribute('data-touchpoint-id')
    await node.focus()
    await english.keyboard.press('Enter')
    const panel = english.getByTestId('touchpoint-panel')
    await panel.waitFor()
    const inside = () => panel.evaluate((aside) => aside.contains(document.activeElement))
    await expect.poll(inside).toBe(true)
    await english.keyboard.press('Tab')
    expect(await inside()).toBe(true)
    await english.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    await expect.poll(() => english.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-touchpoint-id'))).toBe(id)
  })

  it('keeps what was typed into a field of the panel when Escape closes the panel', async () => {
    const reader = connectClient(server.url, created.id, created.tokens.edit)
    await synced(reader)
    const checkout = () => touchpoints(reader.doc).find((t) => t.title === 'Online checkout')!
    await english.locator('[data-testid="touchpoint"][data-title="Online checkout"] .card__title').click()
    const field = english.getByTestId('panel-expectation')
    await field.click()
    await field.press('End')
    await field.pressSequentially(' and the shipping costs up front')
    await english.keyboard.press('Escape')
    await english.getByTestId('touchpoint-panel').waitFor({ state: 'detached' })
    await expect.poll(() => checkout().expectation).toMatch(/ and the shipping costs up front$/)
    reader.destroy()
  })

  it('holds a customer-benefit measure: written on one laptop, shown in German on the other and on a phone’s card', async () => {
    const till = (page: Page) => page.locator('[data-testid="touchpoint"][data-title="Pays at the till with the card reader"] .card__title')
    await till(english).click()
    const field = english.getByTestId('panel-measure')
    // The template's own measure, under its label.
    expect(await field.inputValue()).toBe('Payments that go through on the first try')
    expect(await english.locator('label[for="tp-measure"]').textContent()).toBe('Customer-benefit measure')
    await field.fill('Payments that go through on the first try, within 10 seconds')
    await field.press('Tab')
    await till(german).click()
    const shown = german.getByTestId('panel-measure')
    await expect.poll(() => shown.inputValue()).toBe('Payments that go through on the first try, within 10 seconds')
    expect(await german.locator('label[for="tp-measure"]').textContent()).toBe('Kundennutzen-Kennzahl')
    await german.keyboard.press('Escape')
    await english.keyboard.press('Escape')
    const phone = await joinBoard(browser, editLink, 'Pia', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    try {
      const id = await english.locator('[data-testid="touchpoint"][data-title="Pays at the till with the card reader"]').getAttribute('data-touchpoint-id')
      await phone.locator(`[data-touchpoint-id="${id}"] .phone-step__open`).tap()
      const facts = phone.getByTestId('phone-focus-facts')
      expect(await facts.locator('dt').allTextContents()).toEqual(['Customer expectation', 'Pain point', 'Customer-benefit measure'])
      expect(await facts.locator('dd').last().textContent()).toBe('Payments that go through on the first try, within 10 seconds')
    } finally {
      await phone.context().close()
    }
  })

  it('asks the three questions of each stardust idea: ticked on one laptop, seen ticked on the other, on a phone and by a viewer', async () => {
    const guide = (page: Page) => page.locator('[data-testid="touchpoint"][data-title="Set-up guide and how-to videos in the app"] .card__title')
    const idea = (page: Page) => page.getByTestId('stardust-idea').filter({ hasText: 'A personal video call with an expert for the first set-up' })
    await guide(english).click()
    await english.getByTestId('tab-stardust').click()
    const goals = idea(english).getByTestId('stardust-goals')
    // The template's answers: it makes people buy again and turns them into recommenders.
    expect(await goals.getAttribute('data-goals')).toBe('buyAgain recommend')
    expect(await goals.getByRole('button').allTextContents()).toEqual(['Reputation', '✓ Buy again', '✓ Recommend'])
    expect(await idea(english).getByTestId('stardust-goal-reputation').getAttribute('title')).toBe('Does it strengthen our public reputation?')
    await idea(english).getByTestId('stardust-goal-reputation').click()
    await idea(english).getByTestId('stardust-goal-buyAgain').click()
    await expect.poll(() => goals.getAttribute('data-goals')).toBe('reputation recommend')
    await guide(german).click()
    await german.getByTestId('tab-stardust').click()
    const seen = idea(german).getByTestId('stardust-goals')
    await expect.poll(() => seen.getAttribute('data-goals')).toBe('reputation recommend')
    expect(await seen.getByRole('button').allTextContents()).toEqual(['✓ Ansehen', 'Wiederkauf', '✓ Empfehlung'])
    expect(await seen.getByRole('button', { pressed: true }).count()).toBe(2)
    await screenshot(german, 'details-stardust-goals-de')
    // A viewer sees what was ticked, nothing to press.
    await guide(viewer).click()
    await viewer.getByTestId('tab-stardust').click()
    const watched = idea(viewer).getByTestId('stardust-goals')
    await expect.poll(() => watched.innerText()).toBe('✓ Reputation\n✓ Recommend')
    expect(await watched.getByRole('button').count()).toBe(0)
    // A phone ticks them with a finger-sized chip.
    const phone = await joinBoard(browser, editLink, 'Pia', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    try {
      const id = await english.locator('[data-testid="touchpoint"][data-title="Set-up guide and how-to videos in the app"]').getAttribute('data-touchpoint-id')
      await phone.locator(`[data-touchpoint-id="${id}"] .phone-step__open`).tap()
      const chip = idea(phone).getByTestId('stardust-goal-buyAgain')
      expect((await chip.boundingBox())!.height).toBeGreaterThanOrEqual(44)
      await chip.tap()
      await expect.poll(() => goals.getAttribute('data-goals')).toBe('reputation buyAgain recommend')
    } finally {
      await phone.context().close()
    }
    for (const page of [english, german, viewer]) await page.keyboard.press('Escape')
  })

  it('lists the shown journey’s hand-offs between departments in the Priority panel, and follows a change of owner', async () => {
    const reader = connectClient(server.url, created.id, created.tokens.edit)
    await synced(reader)
    try {
      const anna = readBoard(reader.doc).personas.find((p) => p.name === 'Anna, busy parent')!
      const expected = () => journeyOwnership(readBoard(reader.doc), anna.id).handOffs.map((h) => `${h.from.department} → ${h.to.department}`)
      expect(expected().length).toBeGreaterThan(1)
      await english.getByTestId('open-priority').click()
      const section = english.getByTestId('hand-offs')
      expect(await section.locator('h3').textContent()).toBe('Hand-offs on Anna, busy parent’s journey')
      const shown = () => section.getByTestId('hand-off').locator('strong').allTextContents()
      expect(await shown()).toEqual(expected())
      // Under the ranking, so the panel's top says how many there are, and takes the reader down to them.
      const summary = english.getByTestId('hand-offs-summary')
      expect(await summary.textContent()).toBe(`⇄ ${expected().length} hand-offs between departments on this journey ↓`)
      await summary.click()
      await expect.poll(() => section.locator('h3').evaluate((h) => {
        const panel = h.closest('[data-testid="priority-panel"]')!.getBoundingClientRect()
        const box = h.getBoundingClientRect()
        return box.top >= panel.top && box.bottom <= panel.bottom
      })).toBe(true)
      // The flyer's owner becomes the next touchpoint's: that hand-off goes, for everyone.
      const flyer = readBoard(reader.doc).touchpoints.find((t) => t.title === 'Weekly flyer in the letterbox')!
      const next = readBoard(reader.doc).journey.find((s) => s.personaId === anna.id && s.from === flyer.id)!
      const nextDepartment = readBoard(reader.doc).touchpoints.find((t) => t.id === next.to)!.department
      const before = (await shown()).length
      updateTouchpoint(reader.doc, flyer.id, { department: nextDepartment })
      await expect.poll(async () => (await shown()).length).toBe(before - 1)
      expect(await shown()).toEqual(expected())
      await screenshot(english, 'details-hand-offs')
      updateTouchpoint(reader.doc, flyer.id, { department: flyer.department })
      await expect.poll(async () => (await shown()).length).toBe(before)
      await english.getByTestId('priority-panel').getByTestId('panel-close').click()
    } finally {
      reader.destroy()
    }
  })

  it('asks before a reload drops text still being typed, and shows it again in a note if the person goes on', async () => {
    const page = await joinBoard(browser, editLink, 'Rita Reload')
    await page.locator('[data-testid="touchpoint"][data-title="Online checkout"] .card__title').click()
    const field = page.getByTestId('panel-pain-point')
    await field.click()
    await field.fill('The voucher field is hidden')
    const asked: string[] = []
    page.once('dialog', (dialog) => { asked.push(dialog.type()); void dialog.accept() })
    await page.reload()
    expect(asked).toEqual(['beforeunload'])
    await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
    const note = page.getByTestId('lost-draft')
    await note.waitFor()
    expect(await note.getByTestId('lost-draft-text').inputValue()).toBe('The voucher field is hidden')
    expect(await note.getAttribute('aria-label')).toBe('You were typing this in “Online checkout” when the page closed')
    expect(await note.locator('p').textContent()).toBe('It was not saved yet, so it is not on the board. It is kept here until you close this:')
    // Shown once: the next reload, with nothing being typed, asks nothing and shows no note.
    await note.getByTestId('lost-draft-close').click()
    page.once('dialog', (dialog) => { asked.push(dialog.type()); void dialog.accept() })
    await page.reload()
    await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
    await page.waitForTimeout(300)
    expect(asked).toEqual(['beforeunload'])
    expect(await page.getByTestId('lost-draft').count()).toBe(0)
    await page.context().close()
  })

  it('keeps the texts of two tabs closed one after the other, and a projector opened meanwhile leaves them to the board', async () => {
    const first = await joinBoard(browser, created.links.facilitator, 'Tara Tabs')
    const context = first.context()
    const second = await context.newPage()
    await second.goto(created.links.facilitator)
    await second.locator('[data-testid="board"][data-synced="true"]').waitFor()
    const typeInto = async (page: Page, title: string, text: string) => {
      await page.locator(`[data-testid="touchpoint"][data-title="${title}"] .card__title`).click()
      await page.getByTestId('panel-pain-point').fill(text)
    }
    await typeInto(first, 'Online checkout', 'Text from the first tab')
    await typeInto(second, 'Weekly flyer in the letterbox', 'Text from the second tab')
    for (const page of [first, second]) {
      page.once('dialog', (dialog) => void dialog.accept())
      await page.close({ runBeforeUnload: true })
      await expect.poll(() => page.isClosed()).toBe(true)
    }
    // The projector, in a tab of the same browser, shows no notes: it must not take them.
    const projector = await context.newPage()
    await projector.goto(created.links.facilitator.replace('#', '/projector#'))
    await projector.getByTestId('projector').waitFor()
    await projector.waitForTimeout(300)
    const again = await context.newPage()
    await again.goto(created.links.facilitator)
    await again.locator('[data-testid="board"][data-synced="true"]').waitFor()
    await expect.poll(() => again.getByTestId('lost-draft-text').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value).sort()))
      .toEqual(['Text from the first tab', 'Text from the second tab'])
    await context.close()
  })
})

describe('linking', () => {
  it('links a card to another when the link is dropped anywhere on that card, not only on its dot', async () => {
    const steps = () => english.locator('.react-flow__edge').evaluateAll((edges) => edges.map((e) => e.getAttribute('aria-label')))
    const cards = await english.locator('.react-flow__node [data-testid="touchpoint"]').evaluateAll((all) => all
      .filter((c) => c.getBoundingClientRect().right < innerWidth - 450)
      .map((c) => (c as HTMLElement).dataset.title!))
    const before = await steps()
    const pairs = cards.flatMap((a) => cards.map((b) => [a, b] as const)).filter(([a, b]) => a !== b && !before.includes(`${a} → ${b}`) && !before.includes(`${b} → ${a}`))
    expect(pairs.length).toBeGreaterThan(0)
    const [from, to] = pairs[0]!
    const dot = (await english.locator(`[data-testid="touchpoint"][data-title="${from}"]`).locator('.react-flow__handle-right').boundingBox())!
    const body = (await english.locator(`[data-testid="touchpoint"][data-title="${to}"]`).boundingBox())!
    await dragTo(english, { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 }, { x: body.x + body.width / 2, y: body.y + body.height / 2 })
    await expect.poll(steps).toContain(`${from} → ${to}`)
    expect((await steps()).length).toBe(before.length + 1)
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

  it('keeps the top bar to one row: the board’s title gives way before the Share button wraps', async () => {
    const rows = await german.locator('header.topbar').evaluate((bar) => {
      const tops = [...bar.children].map((child) => Math.round(child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2))
      return { height: bar.getBoundingClientRect().height, spread: Math.max(...tops) - Math.min(...tops) }
    })
    await screenshot(german, 'details-german-topbar')
    expect(rows.spread).toBeLessThan(8)
    expect(rows.height).toBeLessThan(70)
  })

  it('shows the whole "Live" badge at 1,280 × 720 in German, clear of the undo button', async () => {
    const size = german.viewportSize()!
    await german.setViewportSize({ width: 1280, height: 720 })
    try {
      await expect.poll(() => german.getByTestId('connection').getAttribute('data-status')).toBe('connected')
      const fit = await german.locator('header.topbar').evaluate((header) => {
        const badge = header.querySelector<HTMLElement>('[data-testid="connection"]')!
        const label = badge.querySelector<HTMLElement>('.connection__label')!.getBoundingClientRect()
        const next = (badge.nextElementSibling as HTMLElement).getBoundingClientRect()
        return { labelRight: label.right, badgeRight: badge.getBoundingClientRect().right, nextLeft: next.left }
      })
      await screenshot(german, 'details-german-topbar-live-1280')
      expect(fit.labelRight).toBeLessThanOrEqual(fit.badgeRight + 0.5)
      expect(fit.badgeRight).toBeLessThanOrEqual(fit.nextLeft)
    } finally {
      await german.setViewportSize(size)
    }
  })

  it('keeps the top bar on screen at 1,280 × 720 in German while offline: the reassurance goes into the badge’s tooltip', async () => {
    const size = german.viewportSize()!
    await german.setViewportSize({ width: 1280, height: 720 })
    await german.context().setOffline(true)
    try {
      await expect.poll(() => german.getByTestId('connection').getAttribute('data-status')).toBe('offline')
      const bar = await german.locator('header.topbar').evaluate((header) => {
        const boxes = [...header.querySelectorAll<HTMLElement>('button, [data-testid="connection"]')].map((el) => el.getBoundingClientRect())
        const tops = [...header.children].map((child) => Math.round(child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2))
        return { right: Math.max(...boxes.map((b) => b.right)), spread: Math.max(...tops) - Math.min(...tops), width: window.innerWidth }
      })
      await screenshot(german, 'details-german-topbar-offline-1280')
      expect(bar.right).toBeLessThanOrEqual(bar.width)
      expect(bar.spread).toBeLessThan(8)
      expect(await german.getByTestId('connection').getAttribute('title')).toMatch(/Änderungen bleiben erhalten/)
    } finally {
      await german.context().setOffline(false)
      await german.setViewportSize(size)
    }
    await expect.poll(() => german.getByTestId('connection').getAttribute('data-status')).toBe('connected')
  })

  it('keeps the top bar on a 1,280 px screen in German with eight people on the board, the title still readable', async () => {
    const size = german.viewportSize()!
    const others = ['Lars', 'Mia', 'Ken', 'Jörg', 'Pia', 'Nora'].map((name, i) => {
      const client = connectClient(server.url, created.id, created.tokens.edit)
      client.provider.awareness.setLocalStateField('user', { id: `p${i}`, name, color: '#3a78c9', role: 'editor' })
      return client
    })
    await german.setViewportSize({ width: 1280, height: 720 })
    try {
      await expect.poll(async () => Number(await german.getByTestId('presence').getAttribute('data-count'))).toBeGreaterThanOrEqual(8)
      const bar = await german.locator('header.topbar').evaluate((header) => ({
        right: Math.max(...[...header.querySelectorAll('button')].map((b) => b.getBoundingClientRect().right)),
        page: document.documentElement.scrollWidth, width: window.innerWidth,
        title: header.querySelector('.topbar__title')!.getBoundingClientRect().width,
      }))
      await screenshot(german, 'details-german-topbar-eight-1280')
      expect(bar.right).toBeLessThanOrEqual(bar.width)
      expect(bar.page).toBe(bar.width)
      expect(bar.title).toBeGreaterThan(110) // 72 px ("Fahrr…") before
    } finally {
      for (const client of others) client.destroy()
      await german.setViewportSize(size)
    }
  })

  it('labels the zoom controls and the help beside them in German', async () => {
    const labels = await german.locator('.react-flow__controls button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))
    expect(labels).toEqual(['Vergrößern', 'Verkleinern', 'Board an den Bildschirm anpassen', 'Hilfe: die Methode, Tastatur und Maus (?)'])
    expect(await german.locator('.react-flow__controls').getAttribute('aria-label')).toBe('Zoom-Steuerung')
    // The language switch says what it does, in the language it switches to (a screen reader said only "DE").
    expect(await german.getByRole('button', { name: 'Switch to English' }).getAttribute('data-testid')).toBe('language-switch')
    expect(await english.getByRole('button', { name: 'Auf Deutsch umstellen' }).getAttribute('data-testid')).toBe('language-switch')
  })
})

describe('for someone with a view link', () => {
  it('shows the room’s rating and priority, and no buttons of their own that do nothing', async () => {
    await viewer.locator('.react-flow__node [data-testid="touchpoint"]').filter({ hasText: '★' }).first().click()
    await viewer.getByTestId('tab-rating').click()
    const panel = viewer.getByTestId('touchpoint-panel')
    await panel.getByTestId('influence-average').waitFor()
    expect(await panel.locator('[data-testid^="rate-"], [data-testid^="influence-"]:not([data-testid="influence-average"])').count()).toBe(0)
    expect(await panel.getByText('The room').count()).toBe(1)
    expect(await viewer.getByTestId('chair-take').count()).toBe(0)
    expect(await viewer.getByTestId('chair-empty').textContent()).toBe('The customer’s chair is empty')
    await screenshot(viewer, 'details-viewer-rating')
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
    // One minute more and reset come with a started timer: before, there is nothing for them to act on.
    expect(await english.getByTestId('timer-add-minute').count()).toBe(0)
    await start.click()
    expect(await english.getByTestId('timer-add-minute').getAttribute('aria-label')).toBe('One minute more')
    expect(await english.getByTestId('timer-reset').getAttribute('aria-label')).toBe('Reset timer')
    await english.getByTestId('timer-reset').click()
    await expect.poll(() => english.getByTestId('timer-add-minute').count()).toBe(0)
  })
})

describe('when the session strip appears', () => {
  it('fits the board again for someone who has not moved the view, so its bottom stays on screen', async () => {
    const bottoms = () => viewer.evaluate(() => ({
      height: document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect().height,
      canvas: document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect().bottom,
      curve: document.querySelector('.react-flow__node-curve')!.getBoundingClientRect().bottom,
    }))
    const before = await bottoms()
    expect(before.curve).toBeLessThanOrEqual(before.canvas)
    expect(await viewer.getByTestId('session-bar').count()).toBe(0)
    await english.getByTestId('agenda-next').click()
    await viewer.getByTestId('session-bar').waitFor()
    await expect.poll(async () => {
      const { height, canvas, curve } = await bottoms()
      return height < before.height && curve <= canvas
    }).toBe(true)
    await screenshot(viewer, 'details-viewer-strip')
  })
})

describe('colours', () => {
  it('gives two people whose own colours are the same two different colours', async () => {
    // Both ids hash to the same colour of the palette (client/sync/identity.ts colorFor).
    const join = (name: string, id: string) => joinBoard(browser, editLink, name, undefined, async (context) => {
      await context.addInitScript((participantId) => localStorage.setItem('zigzag.participantId', participantId), id)
    })
    const pia = await join('Pia', 'qa-pia-participant-01')
    const vic = await join('Vic Same', 'qa-vic-participant-7')
    const colorOf = (name: string) => english.locator(`.presence__avatars .avatar[title="${name}"]`).evaluate((el) => getComputedStyle(el).backgroundColor)
    await expect.poll(async () => (await english.locator('.presence__avatars .avatar[title="Vic Same"]').count()) > 0).toBe(true)
    await expect.poll(async () => (await colorOf('Pia')) !== (await colorOf('Vic Same'))).toBe(true)
    await pia.context().close()
    await vic.context().close()
  })
})

describe('a step to a card below in the same cell', () => {
  it('goes round the two cards instead of looping back under them', async () => {
    const from = 'Pays at the till with the card reader'
    const to = 'Picks up a click & collect order'
    const box = (title: string) => english.locator(`[data-testid="touchpoint"][data-title="${title}"]`).boundingBox()
    const steps = () => english.locator('.react-flow__edge').evaluateAll((edges) => edges.map((e) => e.getAttribute('aria-label')))
    if (!(await steps()).includes(`${from} → ${to}`)) {
      const dot = (await english.locator(`[data-testid="touchpoint"][data-title="${from}"]`).locator('.react-flow__handle-right').boundingBox())!
      const body = (await box(to))!
      await dragTo(english, { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 }, { x: body.x + body.width / 2, y: body.y + body.height / 2 })
      await expect.poll(steps).toContain(`${from} → ${to}`)
    }
    const cards = [(await box(from))!, (await box(to))!]
    // Points along the drawn path, in page coordinates; none may lie inside either card (a few pixels in at the dots).
    const points = await english.locator(`.react-flow__edge[aria-label="${from} → ${to}"] path.react-flow__edge-path`).evaluate((path: SVGPathElement) => {
      const length = path.getTotalLength()
      const matrix = path.getScreenCTM()!
      return Array.from({ length: 60 }, (_, i) => {
        const p = path.getPointAtLength((length * i) / 59)
        return { x: matrix.a * p.x + matrix.c * p.y + matrix.e, y: matrix.b * p.x + matrix.d * p.y + matrix.f }
      })
    })
    const inside = points.filter((p) => cards.some((c) => p.x > c.x + 6 && p.x < c.x + c.width - 6 && p.y > c.y + 6 && p.y < c.y + c.height - 6))
    await screenshot(english, 'details-stacked-step')
    expect(inside).toEqual([])
  })
})

describe('a card’s details', () => {
  it('keep the card on screen when the panel narrows the canvas', async () => {
    if (await english.getByTestId('panel-close').count()) await english.getByTestId('panel-close').click()
    const title = 'Writes a review and recommends the store' // in the last phase, at the board's right edge
    const card = english.locator(`.react-flow__node [data-testid="touchpoint"][data-title="${title}"]`)
    // Where the card is drawn, every frame, and when it was pressed.
    await card.evaluate((el, wanted) => {
      const watch = window as unknown as { pressedAt: number; frames: { at: number; x: number }[] }
      watch.frames = []
      watch.pressedAt = Infinity
      el.addEventListener('pointerdown', (e) => { watch.pressedAt = e.timeStamp }, { once: true })
      const sample = (at: number) => {
        // Looked up each time: selected, the card is drawn anew.
        const now = document.querySelector(`.react-flow__node [data-testid="touchpoint"][data-title="${wanted}"]`)
        if (now) watch.frames.push({ at, x: now.getBoundingClientRect().x })
        if (watch.frames.length < 300) requestAnimationFrame(sample)
      }
      requestAnimationFrame(sample)
    }, title)
    await card.click()
    await english.getByTestId('touchpoint-panel').waitFor()
    await expect.poll(async () => {
      const box = (await card.boundingBox())!
      const pane = (await english.locator('.react-flow').boundingBox())!
      return box.x >= pane.x && box.x + box.width <= pane.x + pane.width
    }).toBe(true)
    // It moved, but not before a double-click's time had passed: the second click of one lands on the card where it was.
    const { pressedAt, frames } = await english.evaluate(() => {
      const watch = window as unknown as { pressedAt: number; frames: { at: number; x: number }[] }
      return { pressedAt: watch.pressedAt, frames: watch.frames }
    })
    const start = frames.filter((f) => f.at <= pressedAt).at(-1)!.x
    const firstMoved = frames.find((f) => f.at > pressedAt && Math.abs(f.x - start) > 1)
    expect(firstMoved).toBeDefined()
    expect(firstMoved!.at - pressedAt).toBeGreaterThanOrEqual(450)
    await screenshot(english, 'details-card-on-screen')
  })
})

describe('deleting a card', () => {
  it('asks first when the card holds other people’s work and keeps it, steps and all, on No; a card with nothing of others’ goes at once', async () => {
    const title = 'Asks for advice in the store' // a moment of truth; the template's examples on it are nobody's work
    const card = english.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
    // Someone else rates it.
    const ann = connectClient(server.url, created.id, created.tokens.edit)
    await synced(ann)
    rateMomentOfTruth(ann.doc, touchpoints(ann.doc).find((tp) => tp.title === title)!.id, 'ann', 'ok')
    await card.getByTestId('rating-summary').waitFor()
    ann.destroy()
    const steps = () => english.locator('.react-flow__edge').count()
    const stepsBefore = await steps()
    const asked: string[] = []
    let yes = false
    const answer = (dialog: Dialog) => {
      asked.push(dialog.message())
      void (yes ? dialog.accept() : dialog.dismiss())
    }
    english.on('dialog', answer)
    try {
      // The panel's button, and Delete on the selected card: both ask, and No keeps the card and its steps.
      await card.click()
      await english.getByTestId('panel-delete').click()
      expect(asked).toHaveLength(1)
      expect(asked[0]).toMatch(new RegExp(`^Delete “${title}”\\? It holds 1 rating of someone else’s`))
      await card.click()
      await english.keyboard.press('Delete')
      await expect.poll(() => asked.length).toBe(2)
      expect(await card.count()).toBe(1)
      expect(await steps()).toBe(stepsBefore)

      yes = true
      await english.getByTestId('panel-delete').click()
      await expect.poll(() => card.count()).toBe(0)
      expect(asked).toHaveLength(3)

      // A card of one's own, with nothing of anyone else's on it, goes without a question.
      const at = await cellFreeSpot(english, await gridId(english, 'phase', 'Use'), await gridId(english, 'lane', 'Letter & print'))
      await english.mouse.dblclick(at.x, at.y)
      await english.getByTestId('touchpoint-title-input').fill('Scratch note')
      await english.getByTestId('touchpoint-title-input').press('Enter')
      const scratch = english.locator('[data-testid="touchpoint"][data-title="Scratch note"]')
      await scratch.click()
      await english.getByTestId('panel-delete').click()
      await expect.poll(() => scratch.count()).toBe(0)
      expect(asked).toHaveLength(3)
    } finally {
      english.off('dialog', answer)
    }
  })
})

describe('the keys and gestures the board knows', () => {
  const help = (p: Page) => p.getByTestId('shortcuts-help')
  /** The help's rows, as "keys → action". */
  const rows = (p: Page) => help(p).locator('dl').evaluateAll((lists) => lists.flatMap((dl) =>
    [...dl.querySelectorAll('dt')].map((dt) => `${dt.textContent!.trim()} → ${dt.nextElementSibling!.textContent}`)))

  it('opens on "?" and from the ? beside the zoom buttons, lists the keys in the page’s language, and closes on Escape', async () => {
    await english.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } })
    await english.keyboard.press('?')
    await help(english).waitFor()
    const listed = await rows(english)
    expect(listed).toContain('Ctrl+Z → Undo your own last change')
    expect(listed).toContain('Ctrl+Shift+Z or Ctrl+Y → Redo it')
    expect(listed).toContain('Delete or Backspace → Remove the selected touchpoints')
    expect(listed).toContain('double-click a cell → Add a touchpoint there')
    // Above the keys, the method in the domain's words: what to put on the board, step by step.
    const method = help(english).getByTestId('help-method')
    expect(await method.locator('li strong').allTextContents()).toEqual(['Touchpoints', 'Journey', 'Moments of truth', 'Factors', 'Stardust', 'Priority'])
    expect(await method.locator('li').nth(2).textContent()).toContain('disappointing, OK or delighting')
    await screenshot(english, 'shortcuts-help')
    await english.keyboard.press('Escape')
    await help(english).waitFor({ state: 'detached' })

    await german.getByTestId('shortcuts-open').click()
    await help(german).waitFor()
    expect(await help(german).locator('h2').allTextContents()).toEqual(['Hilfe', 'Tastatur und Maus'])
    expect(await help(german).getByTestId('help-method').locator('li strong').allTextContents())
      .toEqual(['Kontaktpunkte', 'Journey', 'Momente der Wahrheit', 'Faktoren', 'Sternenstaub', 'Priorität'])
    expect(await rows(german)).toContain('Strg+Umschalt+Z oder Strg+Y → Wiederherstellen')
    await german.getByTestId('shortcuts-close').click()
    await help(german).waitFor({ state: 'detached' })
    // The focus is back on the button that opened it.
    expect(await german.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shortcuts-open')
  })

  it('leaves "?" typed into a field to the field', async () => {
    const name = english.getByTestId('phase-name').first()
    // The board as it fits the screen: where the tests before left it, the zoom controls may lie over the first phase.
    await english.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await english.waitForTimeout(400)
    const before = (await name.textContent())!
    await name.dblclick()
    await english.keyboard.type('?')
    await english.waitForTimeout(200)
    expect(await help(english).count()).toBe(0)
    expect(await english.getByTestId('phase-name-input').inputValue()).toBe('?')
    await english.keyboard.press('Escape')
    expect(await name.textContent()).toBe(before)
  })

  it('shows a viewer only what a viewer can do', async () => {
    await viewer.getByTestId('shortcuts-open').click()
    const listed = (await rows(viewer)).join('\n')
    expect(listed).toContain('Ctrl+C → Copy the selected touchpoints')
    expect(listed).toContain('drag the empty canvas → Move the board')
    for (const edit of ['Undo', 'Remove the selected', 'Paste', 'Add a touchpoint there', 'Rename']) expect(listed).not.toContain(edit)
    await viewer.keyboard.press('Escape')
    await help(viewer).waitFor({ state: 'detached' })
  })
})
