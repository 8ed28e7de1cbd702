import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BoardState, MAX_NAME_LENGTH, addFactor, readBoard } from '../../shared/model/index.js'
import { addCardInCell, screenshot } from '../utils/browser.js'
import {
  type PhoneRoom, closePhoneRoom, desktopCard, horizontalOverflow, onScreen, openOnDesktop, openPhoneRoom, smallTapTargets,
} from '../utils/phone.js'
import { type TestClient, connectClient, synced, waitFor } from '../utils/server.js'

/**
 * A phone participant adds touchpoints in the Collect step, and may take back one they added (a typo, a duplicate):
 * after a question, since a phone has no undo; never someone else's, never a locked one. What was just added or
 * deleted is said in one line over "+ Touchpoint".
 */
let room: PhoneRoom
/** Fran facilitates on a desktop screen; Pia takes part on a phone. */
let fran: Page, pia: Page
/** Someone else on the board, writing on Pia's card from a client of their own. */
let ben: TestClient

const LONG_TITLE = 'Compares prices, delivery times and return rules of three shops on a comparison site before choosing one'
const state = (): BoardState => readBoard(room.reader.doc)
const idOf = (title: string) => state().touchpoints.find((t) => t.title === title)?.id
const row = (id: string) => pia.locator(`[data-touchpoint-id="${id}"] .phone-step__open`)
const participantId = async (page: Page) => (await page.evaluate(() => localStorage.getItem('zigzag.participantId')))!

/** Adds a touchpoint from the phone, as in the Collect step, and answers its id once the server has it. */
async function addOnPhone(title: string): Promise<string> {
  await pia.getByTestId('phone-add-touchpoint').tap()
  await pia.getByTestId('phone-add-title').fill(title)
  await pia.getByTestId('phone-add-submit').tap()
  await waitFor(() => idOf(title) !== undefined, 5000, `“${title}” on the board`)
  await expect.poll(() => pia.getByTestId('phone-add').count()).toBe(0)
  return idOf(title)!
}

/** Opens a touchpoint's focus card on the phone. */
async function openOnPhone(id: string) {
  await row(id).tap()
  await pia.locator(`[data-testid="phone-focus"][data-touchpoint-id="${id}"]`).waitFor()
}

/**
 * How a "just done" line lies: its text's height in lines, whether its title is cut short, whether the words after
 * the title show whole, and whether the title still has most of the line (enough of it to know it by).
 */
async function lineFit(testId: string) {
  return pia.getByTestId(testId).evaluate((line) => {
    const style = getComputedStyle(line)
    const textHeight = line.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
    const title = line.querySelector<HTMLElement>('[data-testid="phone-done-title"]')
    const after = title?.nextElementSibling?.getBoundingClientRect()
    return {
      lines: Math.round(textHeight / parseFloat(style.lineHeight)),
      titleCut: title ? title.scrollWidth > title.clientWidth : false,
      afterWhole: after ? after.right <= line.getBoundingClientRect().right + 0.5 : false,
      titleHasMost: title ? title.clientWidth > line.clientWidth / 2 : false,
    }
  })
}

beforeAll(async () => {
  room = await openPhoneRoom('Phone touchpoints')
  ;({ fran, pia } = room)
  ben = connectClient(room.server.url, room.board.id, room.board.tokens.edit)
  await synced(ben)
})

afterAll(async () => {
  ben?.destroy()
  await closePhoneRoom(room)
})

describe('a touchpoint added from a phone', () => {
  it('is said in one line over "+ Touchpoint", a long title cut short, in English and German', async () => {
    expect(LONG_TITLE.length).toBeGreaterThan(100)
    expect(LONG_TITLE.length).toBeLessThanOrEqual(MAX_NAME_LENGTH)
    await addOnPhone(LONG_TITLE)
    const line = pia.getByTestId('phone-added')
    await line.waitFor()
    // One line, the title cut short; the whole title is still there for screen readers.
    expect(await lineFit('phone-added')).toEqual({ lines: 1, titleCut: true, afterWhole: true, titleHasMost: true })
    expect(await line.textContent()).toBe(`✓ Added: ${LONG_TITLE}`)
    // The cut title ends the line: no closing quote after a gap the ellipsis leaves (QA saw “comparison… ”).
    expect(await line.getByTestId('phone-done-title').evaluate((title) => title.nextElementSibling?.textContent ?? '')).toBe('')
    expect(await onScreen(pia.getByTestId('phone-add-touchpoint'))).toBe(true)
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-added-long')

    await pia.getByTestId('language-switch').tap()
    await addOnPhone(`${LONG_TITLE} (2)`)
    await expect.poll(() => line.textContent()).toBe(`✓ Hinzugefügt: ${LONG_TITLE} (2)`)
    expect(await lineFit('phone-added')).toEqual({ lines: 1, titleCut: true, afterWhole: true, titleHasMost: true })
    await screenshot(pia, 'phone-added-long-german')
    await pia.getByTestId('language-switch').tap()
  })

  it('is kept with who added it: the phone participant, as a laptop keeps its own', async () => {
    const piaId = await participantId(pia)
    expect(state().touchpoints.find((t) => t.title === LONG_TITLE)?.authorId).toBe(piaId)
    const { phases, lanes } = state()
    await addCardInCell(fran, phases[0]!.name, lanes[0]!.name, 'Fran’s shop window')
    await waitFor(() => idOf('Fran’s shop window') !== undefined, 5000, 'Fran’s card')
    expect(state().touchpoints.find((t) => t.title === 'Fran’s shop window')?.authorId).toBe(await participantId(fran))
  })

  it('can be deleted by its author from its card, after a question that names others’ work on it', async () => {
    const id = await addOnPhone('Coffee corner')
    await openOnPhone(id)
    const removal = pia.getByTestId('phone-delete')
    await removal.scrollIntoViewIfNeeded()
    expect(await smallTapTargets(pia, '[data-testid="phone-delete"]')).toEqual([])
    await screenshot(pia, 'phone-delete')

    // Asked first; keeping it keeps it.
    await pia.getByTestId('phone-delete-start').tap()
    await expect.poll(() => pia.getByTestId('phone-delete-question').textContent()).toBe('Delete “Coffee corner” for everyone? This can’t be undone here.')
    await pia.getByTestId('phone-delete-keep').tap()
    await pia.getByTestId('phone-delete-start').waitFor()
    expect(idOf('Coffee corner')).toBe(id)

    // Someone else's factor on it is named in the question: it would go too.
    addFactor(ben.doc, { touchpointId: id, level: 'ok', dimension: 'factual', text: 'Free water', authorId: 'p-ben', authorName: 'Ben', customerVoice: false })
    await pia.getByTestId('phone-factor-entry').filter({ hasText: 'Free water' }).waitFor()
    await pia.getByTestId('phone-delete-start').tap()
    await expect.poll(() => pia.getByTestId('phone-delete-question').textContent()).toContain('It holds 1 factor of someone else’s')
    expect(await smallTapTargets(pia, '[data-testid="phone-delete"]')).toEqual([])
    expect(await horizontalOverflow(pia)).toEqual([])
    await expect.poll(() => onScreen(pia.getByTestId('phone-delete-confirm'))).toBe(true)
    expect(await onScreen(pia.getByTestId('phone-delete-keep'))).toBe(true)
    await screenshot(pia, 'phone-delete-question')

    await pia.getByTestId('phone-delete-confirm').tap()
    await waitFor(() => idOf('Coffee corner') === undefined, 5000, 'the card gone from the board')
    expect(state().factors.some((f) => f.text === 'Free water')).toBe(false)
    await expect.poll(() => desktopCard(fran, id).count()).toBe(0)
    // Back on the list, which says what went, in one line.
    await expect.poll(() => pia.getByTestId('phone-focus').count()).toBe(0)
    expect(await pia.getByTestId('phone-deleted').textContent()).toBe('✓ Deleted: Coffee corner')
    expect(await lineFit('phone-deleted')).toMatchObject({ lines: 1 })
    expect(await row(id).count()).toBe(0)
    await screenshot(pia, 'phone-deleted')
  })

  it('offers no deleting of touchpoints others added, on a laptop or from a template', async () => {
    for (const id of [idOf('Fran’s shop window')!, (await pia.getByTestId('phone-step').first().getAttribute('data-touchpoint-id'))!]) {
      await openOnPhone(id)
      await pia.getByTestId('phone-stardust').waitFor()
      expect(await pia.getByTestId('phone-delete').count()).toBe(0)
      expect(await pia.getByTestId('phone-delete-locked').count()).toBe(0)
      await pia.getByTestId('phone-focus-close').tap()
    }
  })

  it('offers no deleting while the facilitator has locked the touchpoint, and says why', async () => {
    const id = await addOnPhone('Parking ticket')
    await openOnPhone(id)
    await pia.getByTestId('phone-delete-start').tap()
    await pia.getByTestId('phone-delete-question').waitFor()

    await openOnDesktop(fran, id, 'details')
    await fran.getByTestId('lock-touchpoint').click() // checked once the relay has the lock
    await expect.poll(() => fran.getByTestId('lock-touchpoint').isChecked()).toBe(true)
    // The question open on the phone goes with the lock.
    await pia.getByTestId('phone-delete-locked').waitFor()
    expect(await pia.getByTestId('phone-delete').count()).toBe(0)
    await pia.getByTestId('phone-delete-locked').scrollIntoViewIfNeeded()
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-delete-locked')

    await fran.getByTestId('lock-touchpoint').click()
    await pia.getByTestId('phone-delete-start').waitFor()
    expect(idOf('Parking ticket')).toBe(id)
    await pia.getByTestId('phone-focus-close').tap()
  })
})
