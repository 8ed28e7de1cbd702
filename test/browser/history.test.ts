import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let fran: Page
let pat: Page

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'History workshop' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran')
  pat = await joinBoard(browser, board.links.edit, 'Pat')
  for (const page of [fran, pat]) page.on('dialog', (dialog) => void dialog.accept())
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('version history in two browsers', () => {
  it('saves a version, restores it for everyone after a deletion, and lets the restore be undone', async () => {
    await fran.getByTestId('open-history').click()
    await fran.getByTestId('version-name').fill('Before the cut')
    await fran.getByTestId('save-version').click()
    await fran.getByTestId('version').filter({ hasText: 'Before the cut' }).waitFor()

    await card(pat, 'Online checkout').locator('.card__title').click()
    await pat.getByTestId('panel-delete').click()
    for (const page of [fran, pat]) await expect.poll(() => card(page, 'Online checkout').count()).toBe(0)

    await fran.getByTestId('version').filter({ hasText: 'Before the cut' }).locator('button').click()
    await fran.getByTestId('version-preview').waitFor()
    expect(await fran.getByTestId('preview-touchpoint').filter({ hasText: 'Online checkout' }).count()).toBe(1)
    await screenshot(fran, 'version-preview')
    await fran.getByTestId('restore-version').click()
    for (const page of [fran, pat]) await card(page, 'Online checkout').waitFor()
    expect(await fran.getByTestId('history-message').textContent()).toContain('Restored “Before the cut”')
    // Everyone else is told who took the board back, and to which version; the one who did it has the message above.
    await expect.poll(() => pat.getByTestId('restore-notice').textContent()).toBe('Fran took the board back to the version “Before the cut”.')
    expect(await fran.getByTestId('restore-notice').count()).toBe(0)
    // Over the board, not over the persona bar and the strip above it, whose controls it covered.
    const notice = (await pat.getByTestId('restore-notice').boundingBox())!
    const canvas = (await pat.getByTestId('canvas').boundingBox())!
    expect(notice.y).toBeGreaterThanOrEqual(canvas.y)

    await fran.getByTestId('undo').click()
    for (const page of [fran, pat]) await expect.poll(() => card(page, 'Online checkout').count()).toBe(0)
    // Undone, the restore is no longer there to undo: its message goes.
    await expect.poll(() => fran.getByTestId('history-message').count()).toBe(0)
  })

  it('tells of a restore for 8 seconds, through later session changes, and not to someone who opens the board later', async () => {
    expect(await pat.getByTestId('restore-notice').count()).toBe(1)
    // Session changes in the meantime (a timer starts and pauses) do not keep the notice up.
    await fran.getByTestId('timer-start').click()
    await fran.getByTestId('timer-pause').click()
    await expect.poll(() => pat.getByTestId('timer-paused').count()).toBe(1)
    await expect.poll(() => pat.getByTestId('restore-notice').count(), { timeout: 12_000 }).toBe(0)
    // The restore is still the session's last one, but it is old news for someone who comes now.
    const lea = await joinBoard(browser, pat.url(), 'Lea')
    await lea.getByTestId('timer-paused').waitFor()
    await lea.waitForTimeout(500)
    expect(await lea.getByTestId('restore-notice').count()).toBe(0)
    await lea.context().close()
  })

  it('lists the version saved when the facilitator moves the agenda to a step', async () => {
    await fran.getByTestId('agenda-next').click()
    await expect.poll(() => pat.getByTestId('agenda').getAttribute('data-step')).toBe('collect')
    expect(await pat.getByTestId('agenda').textContent()).toContain('Put every touchpoint a customer meets on the board')
    await fran.getByTestId('open-history').click()
    await fran.getByTestId('open-history').click()
    await fran.getByTestId('version').filter({ hasText: 'Start of step: Collect touchpoints' }).waitFor()
  })

  it('shows the names Zigzag gave versions in the interface’s language, and the name field’s example whole, in German', async () => {
    // The board is English, so its versions were saved with English names; the names people typed stay as typed.
    const names = () => fran.getByTestId('version').locator('strong').allTextContents()
    await fran.getByTestId('language-switch').click()
    await expect.poll(names).toContain('Beginn des Schritts: Kontaktpunkte sammeln')
    expect(await names()).toEqual(expect.arrayContaining(['Before the cut', 'Vor dem Wiederherstellen von „Before the cut“']))
    expect((await names()).filter((name) => /Start of step|Before restoring/.test(name))).toEqual([])
    // The example in the empty name field is not cut off.
    const placeholder = await fran.getByTestId('version-name').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input)
      const context = document.createElement('canvas').getContext('2d')!
      context.font = style.font
      return { text: input.placeholder, width: context.measureText(input.placeholder).width,
        room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) }
    })
    await screenshot(fran, 'history-de')
    expect(placeholder.text).toMatch(/^z\. B\./)
    expect(placeholder.width).toBeLessThanOrEqual(placeholder.room)
    await fran.getByTestId('language-switch').click()
    await expect.poll(names).toContain('Start of step: Collect touchpoints')
  })

  it('numbers the board kept before restoring the same version again, so no two versions share a name', async () => {
    const names = () => fran.getByTestId('version').locator('strong').allTextContents()
    const restore = async (name: string) => {
      await fran.getByTestId('version').filter({ has: fran.getByText(name, { exact: true }) }).locator('button').click()
      await fran.getByTestId('restore-version').click()
      await expect.poll(() => fran.getByTestId('history-message').textContent()).toContain(`Restored “${name}”`)
    }
    await restore('Before the cut')
    await expect.poll(names).toContain('Before restoring “Before the cut” (2)')
    await restore('Before restoring “Before the cut”') // back to the board as it was before the first restore
    await expect.poll(names).toContain('Before restoring “Before the cut” (3)')
    await screenshot(fran, 'history-numbered')
    const all = await names()
    expect(all.filter((name) => name.startsWith('Before restoring'))).toEqual([
      'Before restoring “Before the cut” (3)', 'Before restoring “Before the cut” (2)', 'Before restoring “Before the cut”',
    ])
    expect(new Set(all).size).toBe(all.length)
  })

  it('tells of a restore made while someone was offline when they are back, however long it took', async () => {
    await pat.context().setOffline(true)
    await pat.locator('[data-testid="connection"][data-status="offline"]').waitFor()
    await fran.getByTestId('version').filter({ has: fran.getByText('Before the cut', { exact: true }) }).locator('button').click()
    await fran.getByTestId('restore-version').click()
    await expect.poll(() => fran.getByTestId('history-message').textContent()).toContain('Restored “Before the cut”')
    await pat.waitForTimeout(8500) // longer than the notice lasts for those who were there
    await pat.context().setOffline(false)
    await expect.poll(() => pat.getByTestId('restore-notice').textContent(), { timeout: 15_000 })
      .toBe('Fran took the board back to the version “Before the cut”.')
  })
})
