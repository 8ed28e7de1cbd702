import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../client/i18n/en.js'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { orphanedWork, readBoard, removeTouchpoint } from '../../shared/model/index.js'

/** Silent writing with the connection down: what someone writes is kept, and reaches the board once they are back. */
let server: TestServer
let browser: Browser
let facilitator: Page
let lena: Page
let reader: TestClient
let created: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  created = await createBoard(server.url, { template: 'retail', language: 'en' })
  reader = connectClient(server.url, created.id, created.tokens.view)
  await synced(reader)
  facilitator = await joinBoard(browser, created.links.facilitator, 'Fran Facilitator')
  lena = await joinBoard(browser, created.links.edit, 'Lena Laptop')
})

afterAll(async () => {
  reader?.destroy()
  await browser?.close()
  await server?.close()
})

const factorTexts = () => readBoard(reader.doc).factors.map((f) => f.text)

async function writeOffline(text: string, card = 'Online checkout'): Promise<void> {
  await lena.locator(`[data-testid="touchpoint"][data-title="${card}"] .card__title`).click()
  await lena.getByTestId('tab-factors').click()
  await lena.context().setOffline(true)
  await lena.locator('[data-testid="connection"][data-status="offline"]').waitFor()
  const input = lena.getByTestId('factor-input-disappointment-factual')
  await input.fill(text)
  await input.press('Enter')
  // Kept as one of her hidden entries, not thrown away with the cleared field.
  await expect.poll(() => lena.getByTestId('factor-draft').allTextContents()).toEqual([expect.stringContaining(text)])
  expect(await lena.getByTestId('private-counts').textContent()).toContain('1')
  // It says it has not gone yet: it looks unlike one the relay holds.
  expect(await lena.getByTestId('factor-draft').last().getAttribute('title')).toBe(en.private.waiting)
}

describe('hidden entries written offline', () => {
  it('are sent when the connection is back, and the reveal puts them on the board', async () => {
    await facilitator.getByTestId('private-start').click()
    await lena.getByTestId('private-mode').waitFor()
    await writeOffline('Hidden shipping costs (typed offline)')
    await lena.context().setOffline(false)
    await lena.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 15_000 })
    // The relay has it: the facilitator's count of everyone's entries shows it, and her page no longer says it waits.
    await expect.poll(() => facilitator.getByTestId('private-counts').textContent(), { timeout: 10_000 }).toContain('1')
    await expect.poll(() => lena.getByTestId('factor-draft').last().getAttribute('title')).toBe(en.private.hidden)
    await facilitator.getByTestId('private-reveal').click()
    await expect.poll(factorTexts).toContain('Hidden shipping costs (typed offline)')
    await lena.keyboard.press('Escape')
  })

  it('go on the board at once when silent writing ended while the writer was offline', async () => {
    await facilitator.getByTestId('private-start').click()
    await lena.getByTestId('private-mode').waitFor()
    await writeOffline('Voucher field hidden (typed offline)')
    await facilitator.getByTestId('private-reveal').click()
    await facilitator.getByTestId('private-start').waitFor()
    expect(factorTexts()).not.toContain('Voucher field hidden (typed offline)')
    await lena.context().setOffline(false)
    await expect.poll(factorTexts, { timeout: 15_000 }).toContain('Voucher field hidden (typed offline)')
    const factor = readBoard(reader.doc).factors.find((f) => f.text === 'Voucher field hidden (typed offline)')!
    expect(factor.authorName).toBe('Lena Laptop')
  })

  it('are kept by the browser when the page is closed before the connection returns', async () => {
    await facilitator.getByTestId('private-start').click()
    await lena.getByTestId('private-mode').waitFor()
    await writeOffline('Receipt printer jams (typed offline, page closed)')
    const context = lena.context()
    await lena.close()
    await context.setOffline(false)
    // The same browser opens the board again: what was waiting goes to the relay after its hello.
    lena = await context.newPage()
    await lena.goto(created.links.edit)
    const name = lena.getByTestId('display-name')
    await Promise.race([name.waitFor(), lena.locator('[data-testid="board"][data-synced="true"]').waitFor()])
    if (await name.isVisible()) {
      await name.fill('Lena Laptop')
      await lena.getByTestId('join').click()
    }
    await lena.locator('[data-testid="board"][data-synced="true"]').waitFor()
    await expect.poll(() => facilitator.getByTestId('private-counts').textContent(), { timeout: 10_000 }).toContain('1')
    await facilitator.getByTestId('private-reveal').click()
    await expect.poll(factorTexts).toContain('Receipt printer jams (typed offline, page closed)')
    expect(factorTexts().filter((text) => text.startsWith('Receipt printer jams'))).toHaveLength(1)
    expect(await lena.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('zigzag.waitingDrafts.')))).toEqual([])
  })

  it('say so when a dot is placed offline, instead of dropping it without a word', async () => {
    await facilitator.getByTestId('voting-open').click()
    const vote = lena.locator('[data-testid="touchpoint"][data-title="Online checkout"] [data-testid="vote-cast"]')
    await vote.waitFor()
    await lena.context().setOffline(true)
    await lena.locator('[data-testid="connection"][data-status="offline"]').waitFor()
    await vote.click()
    await expect.poll(() => lena.getByTestId('refusal').textContent()).toBe('You are offline: this was not sent. Try again once the connection is back.')
    await lena.context().setOffline(false)
  })

  it('keep an entry whose card was removed while the writer was offline: in a note while silent writing goes on, else for the card to come back', async () => {
    await facilitator.getByTestId('voting-close').click().catch(() => undefined) // the round the last test opened
    const remover = connectClient(server.url, created.id, created.tokens.edit)
    try {
      await synced(remover)
      const idOf = (title: string) => readBoard(remover.doc).touchpoints.find((t) => t.title === title)!.id
      // Silent writing goes on: the entry cannot go, its text is kept in a note named after the card.
      await facilitator.getByTestId('private-start').click()
      await lena.getByTestId('private-mode').waitFor()
      await writeOffline('Card reader declines contactless (typed offline)', 'Pays at the till with the card reader')
      removeTouchpoint(remover.doc, idOf('Pays at the till with the card reader'))
      await lena.context().setOffline(false)
      const note = lena.getByTestId('lost-draft')
      await note.waitFor({ timeout: 15_000 })
      expect(await note.getByTestId('lost-draft-text').inputValue()).toBe('Card reader declines contactless (typed offline)')
      expect(await note.getAttribute('aria-label')).toBe('“Pays at the till with the card reader” was removed while you were typing')
      await note.getByTestId('lost-draft-close').click()
      // Silent writing ended while she was offline: the entry is written for the card to come back with it.
      await writeOffline('Return desk hard to find (typed offline)', 'Returns an online purchase in the store')
      await facilitator.getByTestId('private-reveal').click()
      await facilitator.getByTestId('private-start').waitFor()
      const card = idOf('Returns an online purchase in the store')
      removeTouchpoint(remover.doc, card)
      await lena.context().setOffline(false)
      const lenaId = (await lena.evaluate(() => localStorage.getItem('zigzag.participantId')))!
      await expect.poll(() => orphanedWork(remover.doc, lenaId), { timeout: 15_000 }).toEqual([{ touchpointId: card, factors: 1, stardust: 0, ratings: 0 }])
      // Her page says so, and brings the card back with it.
      await lena.locator(`[data-testid="orphaned-work"][data-touchpoint-id="${card}"]`).waitFor()
      await lena.getByTestId('orphaned-work-restore').click()
      await expect.poll(() => readBoard(remover.doc).factors.some((f) => f.text === 'Return desk hard to find (typed offline)')).toBe(true)
    } finally {
      remover.destroy()
    }
  })
})
