import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** Fields that take only so much text, and names that cannot be emptied: each says so instead of cutting or reverting in silence. */
let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  page = await joinBoard(browser, board.links.facilitator, 'Fran', undefined, async (context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Pastes `text` with Ctrl+V into the field that has the focus, as from another program. */
async function paste(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('Control+V')
}

async function openCard(): Promise<void> {
  if (await page.getByTestId('touchpoint-panel').count()) return
  await page.getByTestId('touchpoint').first().locator('.card__title').click()
  await page.getByTestId('touchpoint-panel').waitFor()
}

describe('a paste longer than the field takes', () => {
  it('says how much a factor takes and that the rest of the paste was cut', async () => {
    await openCard()
    await page.getByTestId('tab-factors').click()
    const field = page.getByTestId('factor-input-disappointment-factual')
    await field.click()
    await paste('Long queue at the till. '.repeat(23) + 'x') // 553 characters
    expect((await field.inputValue()).length).toBe(280)
    const note = page.getByTestId('factor-cell-disappointment-factual').getByTestId('length-note')
    expect(await note.textContent()).toBe('Up to 280 characters – 553 pasted, the rest was cut')
    await field.fill('a'.repeat(270)) // typed near the limit: a counter
    expect(await note.textContent()).toBe('270 / 280')
    await field.fill('short')
    expect(await note.count()).toBe(0)
    await field.fill('')
  })

  it('puts the counter of a stardust idea near its limit under the field and its button, leaving the field its width', async () => {
    await openCard()
    await page.getByTestId('tab-stardust').click()
    const field = page.getByTestId('stardust-input')
    const before = (await field.boundingBox())!.width
    await field.fill('b'.repeat(275))
    const note = page.getByTestId('touchpoint-panel').getByTestId('length-note')
    expect(await note.textContent()).toBe('275 / 280')
    expect((await field.boundingBox())!.width).toBe(before)
    const [fieldBox, noteBox, button] = [await field.boundingBox(), await note.boundingBox(), await page.getByTestId('stardust-add').boundingBox()]
    expect(noteBox!.y).toBeGreaterThanOrEqual(fieldBox!.y + fieldBox!.height)
    expect(Math.abs(button!.y - fieldBox!.y)).toBeLessThan(fieldBox!.height)
    await screenshot(page, 'fieldLimits-stardust-counter')
    await field.fill('')
  })

  it('says the same for a description of 2,000 characters, and keeps what fits', async () => {
    await openCard()
    await page.getByTestId('tab-details').click()
    const field = page.getByTestId('panel-description')
    await field.click()
    await field.fill('')
    const text = 'Described at length.\n'.repeat(150) // 3,150 characters
    await paste(text)
    expect(await field.inputValue()).toBe(text.slice(0, 2000))
    const note = page.getByTestId('touchpoint-panel').getByTestId('length-note')
    expect(await note.textContent()).toBe('Up to 2000 characters – 3150 pasted, the rest was cut')
    await screenshot(page, 'fieldLimits-description')
    await page.getByTestId('panel-title').click() // leaving the field saves what fits
    await expect.poll(() => field.inputValue()).toBe(text.slice(0, 2000).trim())
  })
})

describe('notes under the fields of a card’s details', () => {
  it('leave the expectation, pain point and description their rows; the panel scrolls instead', async () => {
    await openCard()
    await page.getByTestId('tab-details').click()
    const ids = ['tp-expectation', 'tp-pain', 'tp-description']
    /** Each text area's height, and the least its rows take: a line is at least as tall as the font, plus padding and border. */
    const sizes = () => page.evaluate((ids) => ids.map((id) => {
      const area = document.getElementById(id) as HTMLTextAreaElement
      const style = getComputedStyle(area)
      const px = (name: string) => parseFloat(style.getPropertyValue(name))
      const rows = area.rows * px('font-size') + px('padding-top') + px('padding-bottom') + px('border-top-width') + px('border-bottom-width')
      return { id, height: Math.round(area.getBoundingClientRect().height), rows: Math.floor(rows) }
    }), ids)
    // A long paste into the description, then near-full department and title: a note under each, at 1,440 × 900.
    await page.getByTestId('panel-description').click()
    await paste('Described at length. '.repeat(100))
    await page.getByTestId('panel-department').fill('d'.repeat(78))
    await page.getByTestId('panel-title').fill('t'.repeat(118))
    expect(await page.getByTestId('touchpoint-panel').getByTestId('length-note').count()).toBe(3)
    for (const { id, height, rows } of await sizes()) expect(height, id).toBeGreaterThanOrEqual(rows)
    const panel = page.getByTestId('touchpoint-panel')
    expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await screenshot(page, 'fieldLimits-details-notes')
    await page.getByTestId('panel-title').press('Escape') // the title as it was, and the panel closed
  })
})

describe('a paste longer than a card title takes', () => {
  it('says so in a note under the title being edited on the board', async () => {
    const title = page.getByTestId('touchpoint-title').first()
    await title.click()
    await title.dblclick()
    const input = page.getByTestId('touchpoint-title-input')
    await input.press('Control+A')
    await paste('Advice on the phone '.repeat(15)) // 300 characters
    expect((await input.inputValue()).length).toBe(120)
    const note = page.getByTestId('touchpoint').first().getByTestId('length-note')
    expect(await note.textContent()).toBe('Up to 120 characters – 300 pasted, the rest was cut')
    await screenshot(page, 'fieldLimits-card-title')
    await input.press('Escape')
    await note.waitFor({ state: 'detached' })
  })
})

describe('a name emptied', () => {
  it('keeps a phase’s old name and says so', async () => {
    const name = page.getByTestId('phase-name').first()
    const before = (await name.textContent())!
    await name.dblclick()
    const input = page.getByTestId('phase-name-input')
    await input.fill('')
    await input.press('Enter')
    const note = page.getByTestId('phase').first().getByTestId('kept-note')
    expect(await note.textContent()).toBe(`A name is needed – kept “${before}”`)
    expect(await name.textContent()).toBe(before)
    await screenshot(page, 'fieldLimits-phase-kept')
    // Renamed right after: the note on the old name goes with it, in the same frame (watched on every change of the page).
    await name.evaluate((el, kept) => {
      const header = el.closest('[data-testid="phase"]')!
      const seen = window as unknown as { staleNote: boolean }
      seen.staleNote = false
      new MutationObserver(() => {
        const shown = header.querySelector('[data-testid="phase-name"]')?.textContent
        if (header.querySelector('[data-testid="kept-note"]') && shown !== undefined && shown !== kept) seen.staleNote = true
      }).observe(header, { subtree: true, childList: true, characterData: true })
    }, before)
    await name.dblclick()
    await input.fill(`${before} and after`)
    await input.press('Enter')
    await expect.poll(() => name.textContent()).toBe(`${before} and after`)
    expect(await note.count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { staleNote: boolean }).staleNote)).toBe(false)
    await name.dblclick()
    await input.fill(before)
    await input.press('Enter')
  })

  it('keeps a persona’s old name and says so', async () => {
    await page.getByTestId('edit-persona').click()
    const editor = page.getByTestId('persona-editor')
    const field = editor.getByTestId('persona-name')
    const before = await field.inputValue()
    await field.fill('')
    await field.press('Enter')
    expect(await editor.getByTestId('kept-note').textContent()).toBe(`A name is needed – kept “${before}”`)
    expect(await field.inputValue()).toBe(before)
    await page.keyboard.press('Escape')
  })
})

describe('emoji in a field', () => {
  it('counts a card title of emoji a character each, takes it up to the limit, and saves it to the card on the board', async () => {
    await openCard()
    await page.getByTestId('tab-details').click()
    const field = page.getByTestId('panel-title')
    await field.click()
    await field.press('Control+A')
    const title = `${'👍🏽'.repeat(118)}👩‍💻😀` // 120 characters, 244 UTF-16 units
    await page.keyboard.type(title) // code point by code point: each skin tone joins the thumb typed before it
    expect(await field.inputValue()).toBe(title)
    const note = page.locator('[data-testid="panel-title"] + [data-testid="length-note"]')
    expect(await note.textContent()).toBe('120 / 120 – that is the most this field takes')
    await page.keyboard.type('🎉x') // one more is not taken
    expect(await field.inputValue()).toBe(title)
    await screenshot(page, 'fieldLimits-emoji-title')
    await field.press('Enter')
    const card = page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
    await card.waitFor()
    expect(await card.getByTestId('touchpoint-title').textContent()).toBe(title)
  })

  it('takes a hidden factor of 280 emoji in silent writing: the server does not refuse what the field took', async () => {
    await openCard()
    await page.getByTestId('private-start').click()
    await page.getByTestId('tab-factors').click()
    const field = page.getByTestId('factor-input-delight-emotional')
    await field.click()
    await paste('🎉'.repeat(300))
    expect(await field.inputValue()).toBe('🎉'.repeat(280))
    const cell = page.getByTestId('factor-cell-delight-emotional')
    expect(await cell.getByTestId('length-note').textContent()).toBe('Up to 280 characters – 300 pasted, the rest was cut')
    await field.press('Enter')
    /** How many 🎉 the cell's hidden draft, or its entry once revealed, shows (the template's card may hold other entries there). */
    const shown = (testId: string) => cell.getByTestId(testId).filter({ hasText: '🎉' }).textContent().then((text) => text?.match(/🎉/gu)?.length)
    await expect.poll(() => shown('factor-draft')).toBe(280)
    expect(await page.getByTestId('refusal').count()).toBe(0)
    await page.getByTestId('private-reveal').click()
    await expect.poll(() => shown('factor-entry')).toBe(280)
  })
})
