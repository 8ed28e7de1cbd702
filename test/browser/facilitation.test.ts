import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellOfCard, cellFreeSpot, dragTo, gridId, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: Page
let pat: Page
let sam: Page

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)

async function openTab(page: Page, title: string, tab: 'details' | 'rating' | 'factors' | 'stardust') {
  await card(page, title).locator('.card__title').click()
  await page.getByTestId('touchpoint-panel').waitFor()
  await page.getByTestId(`tab-${tab}`).click()
}

/** Every line box of an element's text starts at one top: it did not wrap. */
const linesOf = (page: Page, testId: string) => page.getByTestId(testId).evaluateAll((elements) => elements.map((element) => {
  const range = document.createRange()
  range.selectNodeContents(element)
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
}))

/**
 * The options of a select that it cannot show whole when chosen: a hidden copy sized to its chosen option (field-sizing:
 * content) is measured with each option chosen, against the select's own width.
 */
const cutOptions = (page: Page, testId: string) => page.getByTestId(testId).evaluate((select: HTMLSelectElement) => {
  const copy = select.cloneNode(true) as HTMLSelectElement
  Object.assign(copy.style, { fieldSizing: 'content', width: 'auto', minWidth: '0', position: 'absolute', visibility: 'hidden' })
  select.after(copy)
  const cut = [...copy.options].filter((_, index) => {
    copy.selectedIndex = index
    return copy.getBoundingClientRect().width > select.getBoundingClientRect().width
  }).map((option) => option.text)
  copy.remove()
  return cut
})

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Silent writing' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran')
  pat = await joinBoard(browser, board.links.edit, 'Pat')
  sam = await joinBoard(browser, board.links.edit, 'Sam')
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('facilitator controls in three browsers', () => {
  it('keeps factor entries written in private mode to their author until the facilitator reveals them', async () => {
    await fran.getByTestId('private-start').click()
    await pat.getByTestId('private-mode').waitFor()
    // Says what stays hidden: factors and stardust, not touchpoints.
    expect(await pat.getByTestId('private-mode').locator('strong').getAttribute('title')).toBe(
      'New factors and stardust ideas stay hidden until the facilitator reveals them; touchpoints show at once.')
    await openTab(pat, 'Online checkout', 'factors')
    await pat.getByTestId('factor-input-delight-emotional').fill('Confetti on the thank-you page')
    await pat.getByTestId('factor-input-delight-emotional').press('Enter')
    await pat.getByTestId('factor-draft').filter({ hasText: 'Confetti' }).waitFor()
    await openTab(sam, 'Online checkout', 'factors')
    await expect.poll(() => sam.getByTestId('private-mode').textContent()).toMatch(/1/)
    expect(await sam.getByText('Confetti on the thank-you page').count()).toBe(0)
    expect(await pat.getByTestId('private-reveal').count()).toBe(0)
    await screenshot(pat, 'private-mode-author')
    // A hidden idea of one's own is not "no stardust yet".
    await openTab(pat, 'Asks for advice in the store', 'stardust')
    await pat.getByTestId('stardust-input').fill('A seat while they wait')
    await pat.getByTestId('stardust-add').click()
    await pat.getByTestId('stardust-draft').waitFor()
    expect(await pat.getByTestId('touchpoint-panel').getByText('No stardust yet.').count()).toBe(0)
    await openTab(pat, 'Online checkout', 'factors')
    await fran.getByTestId('private-reveal').click()
    await sam.getByTestId('factor-entry').filter({ hasText: 'Confetti on the thank-you page' }).waitFor()
    await expect.poll(() => pat.getByTestId('factor-draft').count()).toBe(0)
    await pat.getByTestId('factor-entry').filter({ hasText: 'Confetti on the thank-you page' }).waitFor()
  })

  it('shows the facilitator “Focus for everyone” and the lock above the tabs, in sight on every tab, and no participant', async () => {
    for (const tab of ['details', 'rating', 'factors', 'stardust'] as const) {
      await openTab(fran, 'Online checkout', tab)
      const focus = (await fran.getByTestId('focus-touchpoint').boundingBox())!
      const viewport = fran.viewportSize()!
      expect(focus.y + focus.height, tab).toBeLessThanOrEqual(viewport.height) // was at y = 1,081 on a 900 px screen
      expect(await fran.getByTestId('lock-touchpoint').isVisible(), tab).toBe(true)
    }
    await fran.getByTestId('focus-touchpoint').click()
    await expect.poll(() => fran.getByTestId('focus-touchpoint').getAttribute('aria-pressed')).toBe('true')
    await pat.locator('[data-testid="touchpoint"][data-title="Online checkout"].card--focused').waitFor() // marked on the participant's board
    await fran.getByTestId('focus-touchpoint').click()
    await expect.poll(() => fran.getByTestId('focus-touchpoint').getAttribute('aria-pressed')).toBe('false')
    await openTab(pat, 'Online checkout', 'details')
    expect(await pat.getByTestId('touchpoint-facilitator-tools').count()).toBe(0)
    await pat.getByTestId('panel-close').click()
  })

  it('keeps a touchpoint the facilitator locked and the board still when a participant drags it, and says why', async () => {
    await openTab(fran, 'Online checkout', 'details')
    // The box shows the relay's lock state, so it turns checked once the relay confirms.
    await fran.getByTestId('lock-touchpoint').click()
    await expect.poll(() => fran.getByTestId('lock-touchpoint').isChecked()).toBe(true)
    await card(pat, 'Online checkout').getByTestId('locked').waitFor()
    if (await pat.getByTestId('panel-close').count()) await pat.getByTestId('panel-close').click()
    const before = await cellOfCard(pat, 'Online checkout')
    const target = await cellFreeSpot(pat, await gridId(pat, 'phase', 'Loyalty & advocacy'), await gridId(pat, 'lane', 'Store'))
    const firstCell = pat.getByTestId('cell').first()
    for (const [language, says] of [
      ['en', 'The facilitator locked this touchpoint: it stays in its cell.'],
      ['de', 'Die Moderation hat diesen Kontaktpunkt gesperrt: Er bleibt in seiner Zelle.'],
    ] as const) {
      if (language === 'de') await pat.getByTestId('language-switch').click()
      const box = (await card(pat, 'Online checkout').boundingBox())!
      const board = await firstCell.boundingBox()
      await dragTo(pat, { x: box.x + 20, y: box.y + box.height - 10 }, target)
      // Neither the card nor the board moved (a drag from a card that may not move used to pan the board), and the press
      // that ended the drag did not open the card.
      expect(await card(pat, 'Online checkout').boundingBox(), language).toEqual(box)
      expect(await firstCell.boundingBox(), language).toEqual(board)
      expect(await pat.getByTestId('touchpoint-panel').count(), language).toBe(0)
      await expect.poll(() => pat.getByTestId('refusal').textContent(), { message: language }).toBe(says)
    }
    await screenshot(pat, 'locked-touchpoint-drag')
    await pat.getByTestId('language-switch').click()
    expect(await cellOfCard(pat, 'Online checkout')).toEqual(before)
    expect(await cellOfCard(fran, 'Online checkout')).toEqual(before)
  })

  it('tells a participant in the panel that a touchpoint is locked, its cell fixed, and says why an undone change went back clear of the panel', async () => {
    const title = 'Pays at the till with the card reader'
    const use = await gridId(pat, 'phase', 'Use')
    // Pat moves the card from its panel while it is still free.
    await openTab(pat, title, 'details')
    expect(await pat.getByTestId('panel-locked').count()).toBe(0)
    await pat.getByTestId('panel-phase').selectOption(use)
    await openTab(fran, title, 'details')
    await expect.poll(() => fran.getByTestId('panel-phase').inputValue()).toBe(use)
    await fran.getByTestId('lock-touchpoint').click()
    await expect.poll(() => fran.getByTestId('lock-touchpoint').isChecked()).toBe(true)
    // Pat's panel says so, and what the lock refuses (its cell, deleting it) can no longer be tried; its texts stay open.
    await expect.poll(() => pat.getByTestId('panel-locked').textContent())
      .toContain('The facilitator locked this touchpoint: it stays in its cell and can’t be deleted.')
    expect(await pat.getByTestId('panel-phase').isDisabled()).toBe(true)
    expect(await pat.getByTestId('panel-lane').isDisabled()).toBe(true)
    expect(await pat.getByTestId('panel-delete').count()).toBe(0)
    expect(await pat.getByTestId('panel-title').isDisabled()).toBe(false)
    // The facilitator, whom the lock does not bind, keeps every field.
    expect(await fran.getByTestId('panel-locked').count()).toBe(0)
    expect(await fran.getByTestId('panel-phase').isDisabled()).toBe(false)
    // Undoing the move would move a locked card: the relay undoes that, and the reason shows beside the panel, not on its header.
    await pat.getByTestId('undo').click()
    const toast = pat.getByTestId('refusal')
    await expect.poll(() => toast.textContent()).toBe('The facilitator has locked this; your change was undone.')
    await screenshot(pat, 'locked-touchpoint-panel')
    const toastBox = (await toast.boundingBox())!
    const panelBox = (await pat.getByTestId('touchpoint-panel').boundingBox())!
    expect(toastBox.x + toastBox.width).toBeLessThanOrEqual(panelBox.x)
    await expect.poll(() => fran.getByTestId('panel-phase').inputValue()).toBe(use)
    await pat.getByTestId('panel-close').click()
  })

  it('keeps naming what a closed round voted on after it is deleted, marked removed, each count on one line, in English and German', async () => {
    // A long name, as German ones often are: the count beside it still keeps to one line.
    const top = 'Product page in the online shop, with sizes, colours and the stock in the nearest store'
    await openTab(pat, 'Product page in the online shop', 'details')
    await pat.getByTestId('panel-title').fill(top)
    await pat.getByTestId('panel-title').press('Enter')
    await card(fran, top).waitFor()
    await pat.getByTestId('panel-close').click()
    await fran.getByTestId('voting-open').click()
    const cast = async (page: Page, title: string, dots: number) => {
      for (let dot = 1; dot <= dots; dot++) {
        await card(page, title).getByTestId('vote-cast').click()
        await expect.poll(() => card(page, title).getByTestId('vote-dots').getAttribute('data-mine')).toBe(String(dot))
      }
    }
    await cast(pat, top, 3)
    await cast(sam, top, 2)
    await cast(sam, 'Asks for advice in the store', 1)
    await fran.getByTestId('voting-close').click()
    await expect.poll(() => pat.getByTestId('vote-dots').count()).toBe(0)
    // Pat deletes the winner.
    await openTab(pat, top, 'details')
    pat.once('dialog', (dialog) => void dialog.accept())
    await pat.getByTestId('panel-delete').click()
    await expect.poll(() => card(fran, top).count()).toBe(0)
    await fran.setViewportSize({ width: 1280, height: 720 })
    if (await fran.getByTestId('panel-close').count()) await fran.getByTestId('panel-close').click()
    await fran.getByTestId('open-priority').click()
    const items = fran.getByTestId('voting-history-item')
    for (const [language, removed] of [['en', '(removed)'], ['de', '(entfernt)']] as const) {
      if (language === 'de') await fran.getByTestId('language-switch').click()
      await expect.poll(() => items.first().textContent(), { message: language }).toBe(`● 5${top} ${removed}`)
      expect(await items.first().getAttribute('data-removed')).toBe('true')
      expect(await items.nth(1).textContent()).toBe('● 1Asks for advice in the store')
      await fran.getByTestId('voting-history').scrollIntoViewIfNeeded()
      await screenshot(fran, `voting-history-${language}`)
      expect(await linesOf(fran, 'voting-history-count'), language).toEqual([1, 1])
      // The round's date in the page's language, not the browser's: 6.12.2026 in German, 12/6/2026 in English.
      const day = new Date()
      const date = language === 'de' ? `${day.getDate()}.${day.getMonth() + 1}.${day.getFullYear()}` : `${day.getMonth() + 1}/${day.getDate()}/${day.getFullYear()}`
      expect(await fran.getByTestId('voting-history').textContent(), language).toContain(date)
    }
    await fran.getByTestId('language-switch').click()
    await fran.getByTestId('panel-close').click()
    await fran.setViewportSize({ width: 1440, height: 900 })
  })

  it('says at once that a dots count is outside 1–20 or not whole, and starts no round with it', async () => {
    const dots = fran.getByTestId('voting-dots')
    for (const typed of ['1000', '21', '0', '-2', '2.5', '']) {
      await dots.fill(typed)
      expect(await fran.getByTestId('voting-dots-note').textContent(), typed).toBe('Dots per person: a whole number from 1 to 20')
      expect(await fran.getByTestId('voting-open').isDisabled(), typed).toBe(true)
      expect(await dots.getAttribute('aria-invalid')).toBe('true')
    }
    await dots.fill('5')
    expect(await fran.getByTestId('voting-dots-note').count()).toBe(0)
    await fran.getByTestId('voting-open').click()
    await expect.poll(() => pat.getByTestId('votes-left').textContent()).toContain('5')
    await fran.getByTestId('voting-close').click()
    await fran.getByTestId('voting-dots').waitFor()
  })

  it('shows the card’s whole phase and channel in its panel on a laptop and a desktop, in English and German', async () => {
    const german = await createBoard(server.url, { template: 'retail', language: 'de', title: 'Kanäle' })
    const flo = await joinBoard(browser, german.links.edit, 'Flo')
    await flo.getByTestId('language-switch').click()
    for (const [page, title, language] of [[fran, 'Online checkout', 'en'], [flo, 'Bestellabschluss im Onlineshop', 'de']] as const) {
      await openTab(page, title, 'details')
      for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
        await page.setViewportSize({ width, height })
        await page.getByTestId('panel-lane').scrollIntoViewIfNeeded()
        await screenshot(page, `card-panel-cell-${width}-${language}`)
        // Every phase and channel, the chosen one among them, fits its select.
        expect(await cutOptions(page, 'panel-phase'), `${width} ${language}`).toEqual([])
        expect(await cutOptions(page, 'panel-lane'), `${width} ${language}`).toEqual([])
      }
    }
    expect(await flo.getByTestId('panel-lane').locator('option:checked').textContent()).toBe('Onlineshop · Digital')
    await flo.context().close()
    await fran.getByTestId('panel-close').click()
  })

  it('rotates the edit link: the old link’s people see why they were let go, keep what they were typing, and the new link works', async () => {
    // Pat is in the middle of a sentence when the link goes.
    await card(pat, 'Weekly flyer in the letterbox').locator('.card__title').click()
    await pat.getByTestId('panel-description').fill('Needs a guest checkout')
    await fran.getByTestId('share').click()
    const oldLink = await fran.getByTestId('link-edit').inputValue()
    fran.once('dialog', (dialog) => void dialog.accept())
    await fran.getByTestId('rotate-edit').click()
    await expect.poll(() => fran.getByTestId('link-edit').inputValue()).not.toBe(oldLink)
    const newLink = await fran.getByTestId('link-edit').inputValue()
    for (const page of [pat, sam]) {
      await expect.poll(() => page.getByTestId('notice').textContent()).toBe('The facilitator replaced this link. Ask for the new one: what you added is kept in this browser and joins the board when you open it.')
    }
    expect(await pat.getByTestId('lost-draft').getAttribute('aria-label')).toBe('The board closed while you were typing in “Weekly flyer in the letterbox”')
    // The notice says what was added is kept and joins the board; the note says this text is not among it.
    expect(await pat.getByTestId('lost-draft').locator('p').textContent()).toMatch(/^Unlike what you added before, this text was not saved yet/)
    expect(await pat.getByTestId('lost-draft-text').inputValue()).toBe('Needs a guest checkout')
    expect(await sam.getByTestId('lost-draft').count()).toBe(0)
    await screenshot(pat, 'link-rotated')
    const back = await joinBoard(browser, newLink, 'Pat again')
    await card(back, 'Online checkout').waitFor()
  })

  it('rotates the view link: its watchers are told only that it was replaced, since they added nothing', async () => {
    const vera = await joinBoard(browser, board.links.view, 'Vera')
    if (!(await fran.getByTestId('link-view').isVisible())) await fran.getByTestId('share').click()
    const oldLink = await fran.getByTestId('link-view').inputValue()
    fran.once('dialog', (dialog) => void dialog.accept())
    await fran.getByTestId('rotate-view').click()
    await expect.poll(() => fran.getByTestId('link-view').inputValue()).not.toBe(oldLink)
    await expect.poll(() => vera.getByTestId('notice').textContent()).toBe('The facilitator replaced this link. Ask for the new one.')
    await vera.context().close()
  })

  it('tells someone offline while their link was replaced that it was replaced, back online and on reload, and keeps what they added', async () => {
    const replaced = 'The facilitator replaced this link. Ask for the new one: what you added is kept in this browser and joins the board when you open it.'
    const away = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Away during the rotation' })
    const host = await joinBoard(browser, away.links.facilitator, 'Fran')
    const olga = await joinBoard(browser, away.links.edit, 'Olga')
    await olga.context().setOffline(true)
    await olga.locator('[data-testid="connection"][data-status="offline"]').waitFor()
    await card(olga, 'Online checkout').locator('.card__title').click()
    await olga.getByTestId('panel-description').fill('Written on the train')
    await olga.getByTestId('panel-description').blur()
    await olga.getByTestId('panel-close').click()
    await host.getByTestId('share').click()
    host.once('dialog', (dialog) => void dialog.accept())
    await host.getByTestId('rotate-edit').click()
    await expect.poll(() => host.getByTestId('link-edit').inputValue()).not.toBe(away.links.edit)
    const newLink = await host.getByTestId('link-edit').inputValue()
    await host.keyboard.press('Escape')

    await olga.context().setOffline(false)
    await expect.poll(() => olga.getByTestId('notice').textContent(), { timeout: 15_000 }).toBe(replaced)
    await screenshot(olga, 'link-replaced-while-offline')
    // Opening the old link again (a reload) says the same, not that the link is not valid.
    await olga.reload()
    await expect.poll(() => olga.getByTestId('notice').textContent()).toBe(replaced)
    await screenshot(olga, 'link-replaced-while-offline-reload')
    // And what the notice promises: the new link brings what was written offline into the board.
    await olga.goto(newLink)
    await olga.locator('[data-testid="board"][data-synced="true"]').waitFor()
    await card(host, 'Online checkout').locator('.card__title').click()
    await expect.poll(() => host.getByTestId('panel-description').inputValue(), { timeout: 10_000 }).toBe('Written on the train')
    await host.context().close()
    await olga.context().close()
  })
})
