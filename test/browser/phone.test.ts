import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BoardState, MAX_NAME_LENGTH, type Touchpoint, addFactor, influenceRanking, journeyOrder, ratingDistribution, readBoard } from '../../shared/model/index.js'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { screenshot } from '../utils/browser.js'
import {
  PHONE, type PhoneRoom, closePhoneRoom, desktopCard, horizontalOverflow, joinOnPhone, openOnDesktop, openPhoneRoom, smallTapTargets, smallText,
} from '../utils/phone.js'
import { connectClient, synced, waitFor } from '../utils/server.js'

let room: PhoneRoom
/** The facilitator on a desktop screen, and a participant on a phone. */
let fran: Page, pia: Page

const state = (): BoardState => readBoard(room.reader.doc)
const focusCard = (page: Page) => page.getByTestId('phone-focus')

/** The touchpoint ids of the phone's journey rows, top to bottom. */
const listedSteps = (page: Page) => page.getByTestId('phone-step').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.touchpointId))
const activePersona = (page: Page) => page.locator('[data-testid="phone-persona"][aria-checked="true"]').getAttribute('data-persona-id')

/** The phone header's height, and the parts of it that are cut off: wider than the screen, or text that does not fit its box. */
async function headerFit(page: Page): Promise<{ height: number; cut: string[] }> {
  return page.locator('.phone-header').evaluate((header) => {
    const width = document.documentElement.clientWidth
    const cut: string[] = []
    for (const el of [header, ...header.querySelectorAll<HTMLElement>('*')] as HTMLElement[]) {
      const box = el.getBoundingClientRect()
      if (box.width <= 1 || el.closest('.phone-session-details, .toast')) continue // hidden, visually hidden for screen readers, or over the page
      if (el.parentElement?.closest<HTMLElement>('.phone-chip__long')?.getBoundingClientRect().width! <= 1) continue // inside one hidden so
      // Cut short on purpose, with "…" (a long board title, the agenda step: the whole of it is a tap away).
      if (getComputedStyle(el).textOverflow === 'ellipsis' && box.right <= width + 0.5 && box.left >= -0.5) continue
      const name = `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.className}]`
      if (box.right > width + 0.5 || box.left < -0.5) cut.push(`${name} ${Math.round(box.left)}–${Math.round(box.right)}`)
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) cut.push(`${name} text ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`)
    }
    return { height: header.getBoundingClientRect().height, cut }
  })
}

/** Moves the facilitator's agenda forward to the given step. */
async function agendaTo(step: string) {
  for (;;) {
    const current = await fran.getByTestId('agenda').getAttribute('data-step')
    if (current === step) return
    await fran.getByTestId('agenda-next').click()
    await expect.poll(() => fran.getByTestId('agenda').getAttribute('data-step')).not.toBe(current)
  }
}

/** The first moment of truth on the journey: the test rates it, adds to it and focuses it. */
function momentOfTruthOnJourney(personaId: string): Touchpoint {
  const board = state()
  const id = journeyOrder(board, personaId).find((tp) => board.touchpoints.find((t) => t.id === tp)?.momentOfTruth)
  if (!id) throw new Error('the template journey has no moment of truth')
  return board.touchpoints.find((t) => t.id === id)!
}

beforeAll(async () => {
  room = await openPhoneRoom('Phone workshop')
  ;({ fran, pia } = room)
})

afterAll(() => closePhoneRoom(room))

describe('joining from a phone', () => {
  it('shows the journey as a list instead of the canvas, in journey order', async () => {
    await pia.getByTestId('phone-view').waitFor()
    expect(await pia.locator('.react-flow').count()).toBe(0)
    expect(await pia.getByTestId('touchpoint').count()).toBe(0)
    // The desktop participant still gets the canvas.
    expect(await fran.locator('.react-flow').count()).toBe(1)
    expect(await fran.getByTestId('phone-view').count()).toBe(0)

    const board = state()
    const personaId = (await activePersona(pia))!
    const expected = journeyOrder(board, personaId)
    expect(expected.length).toBeGreaterThan(3)
    await expect.poll(() => listedSteps(pia)).toEqual(expected)
    // Each row names its phase and lane and says physical or digital.
    const rows = pia.getByTestId('phone-step')
    for (const [i, id] of expected.entries()) {
      const tp = board.touchpoints.find((t) => t.id === id)!
      const lane = board.lanes.find((l) => l.id === tp.laneId)!
      const phase = board.phases.find((p) => p.id === tp.phaseId)!
      const row = rows.nth(i)
      expect(await row.getAttribute('data-title')).toBe(tp.title)
      expect(await row.getByTestId('phone-step-where').textContent()).toBe(`${phase.name} · ${lane.name}`)
      expect(await row.getByTestId('phone-channel').getAttribute('data-channel')).toBe(lane.channel)
      expect(await row.getByTestId('rating-summary').count()).toBe(tp.momentOfTruth ? 1 : 0)
    }
    // Everything off this journey is listed below it.
    expect(await pia.getByTestId('phone-other').count()).toBe(board.touchpoints.length - expected.length)

    expect(await horizontalOverflow(pia)).toEqual([])
    expect(await smallTapTargets(pia, '.phone-list')).toEqual([])
    expect(await smallText(pia, '.phone-list')).toEqual([])
    await screenshot(pia, 'phone-list')

    // Another persona: another journey, still in its order.
    const other = board.personas.find((p) => p.id !== personaId)!
    await pia.locator(`[data-testid="phone-persona"][data-persona-id="${other.id}"]`).tap()
    await expect.poll(() => listedSteps(pia)).toEqual(journeyOrder(board, other.id))
    await pia.locator(`[data-testid="phone-persona"][data-persona-id="${personaId}"]`).tap()
    await expect.poll(() => listedSteps(pia)).toEqual(expected)
  })

  it('opens a focus card when a step is tapped, and goes back to the list', async () => {
    const tp = momentOfTruthOnJourney((await activePersona(pia))!)
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    await focusCard(pia).waitFor()
    expect(await focusCard(pia).getAttribute('data-touchpoint-id')).toBe(tp.id)
    expect(await pia.getByTestId('phone-focus-title').textContent()).toBe(tp.title)
    expect(await pia.getByTestId('phone-focus-description').textContent()).toBe(tp.description)
    for (const outcome of ['disappointing', 'ok', 'delighting']) await pia.getByTestId(`phone-rate-${outcome}`).waitFor()
    await pia.getByTestId('phone-factor-input').waitFor()
    await pia.getByTestId('phone-stardust-input').waitFor()
    expect(await horizontalOverflow(pia)).toEqual([])
    expect(await smallTapTargets(pia, '[data-testid="phone-focus"]')).toEqual([])
    await screenshot(pia, 'phone-focus')
    await pia.getByTestId('phone-factors').scrollIntoViewIfNeeded()
    await screenshot(pia, 'phone-focus-factors')
    expect(await smallText(pia, '[data-testid="phone-focus"]')).toEqual([])

    await pia.getByTestId('phone-focus-close').tap()
    await expect.poll(() => focusCard(pia).count()).toBe(0)
    await pia.getByTestId('phone-step').first().waitFor()
  })

  it('adds a factor entry from the phone that the desktop participant sees', async () => {
    const tp = momentOfTruthOnJourney((await activePersona(pia))!)
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    await pia.getByTestId('phone-factor-level').selectOption('delight')
    await pia.getByTestId('phone-factor-dimension').selectOption('emotional')
    await pia.getByTestId('phone-factor-input').fill('Staff remember my name')
    await pia.getByTestId('phone-factor-add').tap()
    await expect.poll(() => pia.getByTestId('phone-factor-input').inputValue()).toBe('')
    await pia.locator('[data-testid="phone-factor-entry"][data-level="delight"][data-dimension="emotional"]', { hasText: 'Staff remember my name' }).waitFor()

    // In the document, with the phone participant as author, in the right cell of the matrix.
    await waitFor(() => state().factors.some((f) => f.text === 'Staff remember my name'), 5000, 'the factor in the document')
    const entry = state().factors.find((f) => f.text === 'Staff remember my name')!
    expect(entry).toMatchObject({ touchpointId: tp.id, level: 'delight', dimension: 'emotional', authorName: 'Pia' })
    // Someone adds a factual delight factor after it: the phone lists the level's factual entries first, as the matrix's columns.
    const rex = connectClient(room.server.url, room.board.id, room.board.tokens.edit)
    await synced(rex)
    addFactor(rex.doc, { touchpointId: tp.id, level: 'delight', dimension: 'factual', text: 'Free parking', authorId: 'rex', authorName: 'Rex', customerVoice: false })
    const delight = pia.locator('[data-testid="phone-factor-entry"][data-level="delight"]')
    const dimensions = () => delight.evaluateAll((all) => all.map((el) => (el as HTMLElement).dataset.dimension!))
    await expect.poll(async () => (await dimensions()).includes('factual')).toBe(true)
    const listed = await dimensions()
    expect(listed).toEqual([...listed].sort((a, b) => Number(a === 'emotional') - Number(b === 'emotional')))
    expect(listed.filter((d) => d === 'emotional').length).toBeGreaterThan(1) // the template's entry and Pia's came before Rex's
    rex.destroy()
    // And on the desktop participant's screen.
    await openOnDesktop(fran, tp.id, 'factors')
    await fran.getByTestId('factor-cell-delight-emotional').getByTestId('factor-entry').filter({ hasText: 'Staff remember my name' }).waitFor()

    // Stardust works the same way.
    await pia.getByTestId('phone-stardust-input').fill('A coffee while you wait')
    await pia.getByTestId('phone-stardust-add').tap()
    await waitFor(() => state().stardust.some((i) => i.text === 'A coffee while you wait' && i.touchpointId === tp.id && i.authorName === 'Pia'), 5000, 'the stardust idea')
    await pia.getByTestId('phone-stardust').getByTestId('stardust-idea').filter({ hasText: 'A coffee while you wait' }).scrollIntoViewIfNeeded()
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-focus-stardust')
  })

  it('rates a moment of truth from the phone and the desktop sees the distribution change', async () => {
    const tp = momentOfTruthOnJourney((await activePersona(pia))!)
    const before = ratingDistribution(state(), tp.id)
    const shown = (d: { disappointing: number; ok: number; delighting: number }) => `${d.disappointing}/${d.ok}/${d.delighting}`
    await pia.getByTestId('phone-rate-delighting').tap()
    await expect.poll(() => pia.getByTestId('phone-rate-delighting').getAttribute('aria-checked')).toBe('true')
    const expected = shown({ ...before, delighting: before.delighting + 1 })
    await expect.poll(() => desktopCard(fran, tp.id).getByTestId('rating-summary').getAttribute('data-distribution')).toBe(expected)
    await expect.poll(() => pia.getByTestId('phone-rating').getByTestId('rating-summary').getAttribute('data-distribution')).toBe(expected)
    // Changing one's mind moves the one rating, it does not add a second.
    await pia.getByTestId('phone-rate-disappointing').tap()
    await expect.poll(() => desktopCard(fran, tp.id).getByTestId('rating-summary').getAttribute('data-distribution'))
      .toBe(shown({ ...before, disappointing: before.disappointing + 1 }))
    await pia.getByTestId('phone-focus-close').tap()
  })

  it('marks a touchpoint as a moment of truth from the phone, as a laptop’s Rating tab does, and takes the mark back', async () => {
    const tp = state().touchpoints.find((t) => !t.momentOfTruth)!
    await pia.locator(`[data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    const mark = pia.getByTestId('phone-mot-toggle')
    expect(await mark.getAttribute('aria-pressed')).toBe('false')
    expect(await pia.getByTestId('phone-rate-ok').count()).toBe(0)
    expect(await smallTapTargets(pia, '[data-testid="phone-rating"]')).toEqual([])
    await mark.tap()
    await waitFor(() => state().touchpoints.find((t) => t.id === tp.id)!.momentOfTruth, 5000, 'the mark')
    await expect.poll(() => desktopCard(fran, tp.id).locator('.chip--mot').count()).toBe(1)
    // Marked, it can be rated at once.
    await pia.getByTestId('phone-rate-ok').tap()
    await expect.poll(() => desktopCard(fran, tp.id).getByTestId('rating-summary').getAttribute('data-distribution')).toBe('0/1/0')
    await screenshot(pia, 'phone-mot-marked')
    await mark.tap()
    await waitFor(() => !state().touchpoints.find((t) => t.id === tp.id)!.momentOfTruth, 5000, 'the mark taken back')
    expect(await pia.getByTestId('phone-rate-ok').count()).toBe(0)
    await pia.getByTestId('phone-focus-close').tap()
  })

  it('adds a touchpoint from the phone in the chosen phase, channel and kind, and the desktop shows it', async () => {
    const before = state()
    await pia.getByTestId('phone-add-touchpoint').tap()
    await pia.getByTestId('phone-add').waitFor()
    // Starts in the first phase and the first lane, as a direct touchpoint; the title takes what a card title takes on the laptop.
    expect(await pia.getByTestId('phone-add-phase').inputValue()).toBe(before.phases[0].id)
    expect(await pia.getByTestId('phone-add-lane').inputValue()).toBe(before.lanes[0].id)
    expect(await pia.getByTestId('phone-add-direct').getAttribute('aria-checked')).toBe('true')
    await pia.getByTestId('phone-add-title').fill('👍🏽'.repeat(MAX_NAME_LENGTH + 10)) // an emoji counts as one character
    expect(await pia.getByTestId('phone-add-title').inputValue()).toBe('👍🏽'.repeat(MAX_NAME_LENGTH))
    await pia.getByTestId('phone-add-title').fill('')
    expect(await horizontalOverflow(pia)).toEqual([])
    expect(await smallTapTargets(pia, '[data-testid="phone-add"]')).toEqual([])

    // An empty (or blank) title is refused with a reason, and nothing is added.
    await pia.getByTestId('phone-add-submit').tap()
    await pia.getByTestId('phone-add-error').waitFor()
    expect(await pia.getByTestId('phone-add-error').textContent()).toContain('A title is needed')
    await pia.getByTestId('phone-add-title').fill('   ')
    await pia.getByTestId('phone-add-submit').tap()
    await pia.getByTestId('phone-add-error').waitFor()
    expect(await pia.getByTestId('phone-add-title').getAttribute('aria-invalid')).toBe('true')
    await screenshot(pia, 'phone-add-empty')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(state().touchpoints.length).toBe(before.touchpoints.length)

    const phase = before.phases[1]
    const lane = before.lanes.find((l) => l.channel === 'digital' && l.id !== before.lanes[0].id)!
    await pia.getByTestId('phone-add-title').fill('  Price check on a\tcomparison site ')
    expect(await pia.getByTestId('phone-add-error').count()).toBe(0)
    await pia.getByTestId('phone-add-phase').selectOption(phase.id)
    await pia.getByTestId('phone-add-lane').selectOption(lane.id)
    await pia.getByTestId('phone-add-indirect').tap()
    expect(await pia.getByTestId('phone-add-indirect').getAttribute('aria-checked')).toBe('true')
    await screenshot(pia, 'phone-add')
    await pia.getByTestId('phone-add-submit').tap()

    // In the server's document as one line, where it was put, indirect.
    await waitFor(() => state().touchpoints.some((tp) => tp.title === 'Price check on a comparison site'), 5000, 'the new touchpoint in the document')
    const added = state().touchpoints.find((tp) => tp.title === 'Price check on a comparison site')!
    expect(added).toMatchObject({ phaseId: phase.id, laneId: lane.id, kind: 'indirect' })
    expect(state().touchpoints.length).toBe(before.touchpoints.length + 1)
    // On the phone: the form closes and the new card is marked in the list, off the journey, where the person can see it.
    await expect.poll(() => pia.getByTestId('phone-add').count()).toBe(0)
    const row = pia.locator(`[data-testid="phone-other"][data-touchpoint-id="${added.id}"]`)
    expect(await row.getAttribute('data-landed')).toBe('true')
    expect(await row.getByTestId('phone-step-where').textContent()).toBe(`${phase.name} · ${lane.name}`)
    await expect.poll(() => row.evaluate((el) => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight })).toBe(true)
    expect(await pia.getByTestId('phone-added').textContent()).toContain('Price check on a comparison site')
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-added')
    // And on the desktop, as an indirect card.
    await desktopCard(fran, added.id).filter({ hasText: 'Price check on a comparison site' }).waitFor()

    // The next one starts where the last one went.
    await pia.getByTestId('phone-add-touchpoint').tap()
    expect(await pia.getByTestId('phone-add-phase').inputValue()).toBe(phase.id)
    expect(await pia.getByTestId('phone-add-lane').inputValue()).toBe(lane.id)
    expect(await pia.getByTestId('phone-add-indirect').getAttribute('aria-checked')).toBe('true')

    // Silent writing keeps factors and stardust private, not touchpoints: this one is on everyone's board at once.
    await fran.getByTestId('private-start').click()
    await pia.getByTestId('phone-add-public-hint').waitFor()
    await pia.getByTestId('phone-add-title').fill('Unboxing video')
    await pia.getByTestId('phone-add-submit').tap()
    await waitFor(() => state().touchpoints.some((tp) => tp.title === 'Unboxing video'), 5000, 'the touchpoint added during silent writing')
    const unboxing = state().touchpoints.find((tp) => tp.title === 'Unboxing video')!
    await desktopCard(fran, unboxing.id).waitFor()
    await fran.getByTestId('private-reveal').click()
    await expect.poll(() => pia.getByTestId('private-mode').count()).toBe(0)
  })

  it('scores a touchpoint\'s influence from the phone, kept as that participant\'s own and shown on the desktop', async () => {
    const tp = momentOfTruthOnJourney((await activePersona(pia))!)
    const piaId = (await pia.evaluate(() => localStorage.getItem('zigzag.participantId')))!
    const franId = (await fran.evaluate(() => localStorage.getItem('zigzag.participantId')))!
    const others = Object.keys(state().influence[tp.id] ?? {}).filter((id) => id !== piaId).length
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    await pia.getByTestId('phone-influence').scrollIntoViewIfNeeded()
    expect(await smallTapTargets(pia, '[data-testid="phone-influence"]')).toEqual([])
    await pia.getByTestId('phone-influence-4').tap()
    await expect.poll(() => pia.getByTestId('phone-influence-4').getAttribute('aria-checked')).toBe('true')
    await waitFor(() => state().influence[tp.id]?.[piaId] === 4, 5000, 'Pia\'s influence score in the document')
    expect(state().influence[tp.id]?.[franId]).toBeUndefined()
    await screenshot(pia, 'phone-influence')

    // The desktop's rating tab and Priority show the room's average with it; the desktop's own score stays empty.
    const averageText = () => {
      const rank = influenceRanking(state()).find((r) => r.touchpoint.id === tp.id)!
      return `Average ${rank.average!.toFixed(1)} from ${rank.count} score${rank.count === 1 ? '' : 's'}`
    }
    expect(influenceRanking(state()).find((r) => r.touchpoint.id === tp.id)!.count).toBe(others + 1)
    await openOnDesktop(fran, tp.id, 'rating')
    await expect.poll(() => fran.getByTestId('influence-average').textContent()).toBe(averageText())
    expect(await fran.getByTestId('influence-4').getAttribute('aria-checked')).toBe('false')
    await fran.getByTestId('open-priority').click()
    await expect.poll(() => fran.locator(`[data-testid="ranking-row"][data-title="${tp.title}"]`).textContent()).toContain(averageText())

    // Changing one's mind replaces the score, it does not add a second.
    await pia.getByTestId('phone-influence-2').tap()
    await waitFor(() => state().influence[tp.id]?.[piaId] === 2, 5000, 'the changed score')
    expect(influenceRanking(state()).find((r) => r.touchpoint.id === tp.id)!.count).toBe(others + 1)
    await expect.poll(() => pia.getByTestId('phone-influence-average').textContent()).toBe(averageText())
    await expect.poll(() => fran.locator(`[data-testid="ranking-row"][data-title="${tp.title}"]`).textContent()).toContain(averageText())
    await fran.getByTestId('open-priority').click()
    await pia.getByTestId('phone-focus-close').tap()
  })

  it('names a touchpoint’s owning department and a stardust idea’s owner and status from the phone, as the last agenda step asks', async () => {
    const tp = momentOfTruthOnJourney((await activePersona(pia))!)
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    const department = pia.getByTestId('phone-department')
    await department.scrollIntoViewIfNeeded()
    // The board's departments are offered.
    const offered = await pia.locator('#board-departments option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(offered).toEqual(expect.arrayContaining([...new Set(state().touchpoints.map((t) => t.department.trim()).filter(Boolean))]))
    await department.fill('Store team')
    await department.press('Enter')
    await waitFor(() => state().touchpoints.find((t) => t.id === tp.id)?.department === 'Store team', 5000, 'the department in the document')
    await openOnDesktop(fran, tp.id, 'details')
    await expect.poll(() => fran.getByTestId('panel-department').inputValue()).toBe('Store team')

    const idea = pia.getByTestId('phone-stardust').getByTestId('stardust-idea').filter({ hasText: 'A coffee while you wait' })
    await idea.getByTestId('stardust-owner').fill('Café partner')
    await idea.getByTestId('stardust-owner').press('Enter')
    await idea.getByTestId('stardust-status').selectOption('planned')
    await waitFor(() => state().stardust.some((i) => i.text === 'A coffee while you wait' && i.department === 'Café partner' && i.status === 'planned'),
      5000, 'the idea’s owner and status in the document')
    expect(await smallTapTargets(pia, '[data-testid="phone-owner"]')).toEqual([])
    expect(await horizontalOverflow(pia)).toEqual([])
    await idea.scrollIntoViewIfNeeded()
    await screenshot(pia, 'phone-owners')
    await pia.getByTestId('phone-focus-close').tap()
  })

  it('opens the touchpoint the facilitator puts in focus', async () => {
    // One the phone has not opened yet, off the shown journey.
    const target = (await pia.getByTestId('phone-other').first().getAttribute('data-touchpoint-id'))!
    expect(await focusCard(pia).count()).toBe(0)
    await openOnDesktop(fran, target, 'details')
    await fran.getByTestId('focus-touchpoint').click()
    await focusCard(pia).waitFor()
    expect(await focusCard(pia).getAttribute('data-touchpoint-id')).toBe(target)
    await pia.getByTestId('phone-focus-marker').waitFor()
    await pia.getByTestId('phone-focus-close').tap()
    await fran.getByTestId('focus-touchpoint').click() // end focus
  })

  it('keeps a card with text typed into it under the facilitator’s focus, and goes back to the text', async () => {
    const [mine, target] = (await pia.getByTestId('phone-step').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.touchpointId!))).slice(0, 2)
    const shown = () => pia.locator('[data-testid="phone-focus"]:visible')
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${mine}"] .phone-step__open`).tap()
    await pia.getByTestId('phone-factor-input').fill('Half-typed factor')
    await pia.getByTestId('phone-stardust-input').fill('Half-typed idea')
    await openOnDesktop(fran, target!, 'details')
    await fran.getByTestId('focus-touchpoint').click()
    await expect.poll(() => shown().getAttribute('data-touchpoint-id')).toBe(target)
    expect(await shown().count()).toBe(1)
    await shown().getByTestId('phone-focus-marker').waitFor()
    // Back, from the focus, to the card as it was left: the text typed into it still there, not added.
    await shown().getByTestId('phone-focus-close').tap()
    await expect.poll(() => shown().getAttribute('data-touchpoint-id')).toBe(mine)
    expect(await shown().getByTestId('phone-factor-input').inputValue()).toBe('Half-typed factor')
    expect(await shown().getByTestId('phone-stardust-input').inputValue()).toBe('Half-typed idea')
    expect(state().factors.some((f) => f.text === 'Half-typed factor')).toBe(false)
    await shown().getByTestId('phone-focus-close').tap()
    await pia.getByTestId('phone-steps').waitFor()
    expect(await focusCard(pia).count()).toBe(0)
    await fran.getByTestId('focus-touchpoint').click() // end focus

    // A card opened with nothing typed into it gives way to the focus: Back goes to the list.
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${mine}"] .phone-step__open`).tap()
    await fran.getByTestId('focus-touchpoint').click()
    await expect.poll(() => shown().getAttribute('data-touchpoint-id')).toBe(target)
    expect(await focusCard(pia).count()).toBe(1)
    await shown().getByTestId('phone-focus-close').tap()
    await expect.poll(() => focusCard(pia).count()).toBe(0)
    await fran.getByTestId('focus-touchpoint').click() // end focus
  })

  it('keeps entries private during silent writing, and places dots during a voting round', async () => {
    const tp = momentOfTruthOnJourney((await activePersona(pia))!)
    await fran.getByTestId('private-start').click()
    await pia.getByTestId('private-mode').waitFor()
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    await pia.getByTestId('phone-private-hint').first().waitFor()
    expect(await pia.getByTestId('phone-private-hint').first().textContent()).toContain('the factors and stardust ideas you add stay private')
    await pia.getByTestId('phone-factor-input').fill('Queue longer than five minutes')
    await pia.getByTestId('phone-factor-add').tap()
    await pia.getByTestId('phone-factor-draft').filter({ hasText: 'Queue longer than five minutes' }).waitFor()
    await pia.getByTestId('phone-factor-draft').scrollIntoViewIfNeeded()
    await screenshot(pia, 'phone-private')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(state().factors.some((f) => f.text === 'Queue longer than five minutes')).toBe(false)
    await fran.getByTestId('private-reveal').click()
    await waitFor(() => state().factors.some((f) => f.text === 'Queue longer than five minutes' && f.authorName === 'Pia'), 5000, 'the revealed draft')
    await pia.getByTestId('phone-factor-entry').filter({ hasText: 'Queue longer than five minutes' }).waitFor()
    expect(await pia.getByTestId('phone-factor-draft').count()).toBe(0)

    await fran.getByTestId('timer-start').click()
    await fran.getByTestId('voting-open').click()
    await pia.getByTestId('phone-voting').getByTestId('vote-cast').tap()
    await expect.poll(() => pia.getByTestId('phone-voting').getByTestId('vote-dots').getAttribute('data-mine')).toBe('1')
    await expect.poll(() => pia.getByTestId('votes-left').textContent()).toContain('2 of 3')
    await pia.locator('.phone-header').getByTestId('timer').waitFor()
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-voting')
    await fran.getByTestId('timer-pause').click()
    await fran.getByTestId('voting-close').click()
    await expect.poll(() => pia.getByTestId('phone-voting').count()).toBe(0)
    await pia.getByTestId('phone-focus-close').tap()
  })

  it('places dots from the list with + above −, as on stardust, and shows the revealed count clear of the row’s edge', async () => {
    await fran.getByTestId('voting-open').click()
    const row = pia.getByTestId('phone-step').first()
    await row.getByTestId('vote-cast').tap()
    await expect.poll(() => row.getByTestId('vote-dots').getAttribute('data-mine')).toBe('1')
    const plus = (await row.getByTestId('vote-cast').boundingBox())!
    const minus = (await row.getByTestId('vote-retract').boundingBox())!
    expect(plus.y + plus.height).toBeLessThanOrEqual(minus.y)
    // Every dot placed, + is dimmed but still answers: the toast says what to do.
    for (const mine of ['2', '3']) {
      await row.getByTestId('vote-cast').tap()
      await expect.poll(() => row.getByTestId('vote-dots').getAttribute('data-mine')).toBe(mine)
    }
    expect(await row.getByTestId('vote-cast').getAttribute('aria-disabled')).toBe('true')
    await row.getByTestId('vote-cast').tap({ force: true }) // Playwright takes aria-disabled for disabled; a finger does not
    await expect.poll(() => pia.getByTestId('refusal').textContent()).toBe(en.refusal.dotsUsed.replace('{{dots}}', '3'))
    expect(await row.getByTestId('vote-dots').getAttribute('data-mine')).toBe('3')
    await fran.getByTestId('voting-reveal').click()
    const pill = (await row.getByTestId('vote-result').boundingBox())!
    const box = (await row.boundingBox())!
    expect(box.x + box.width - (pill.x + pill.width)).toBeGreaterThanOrEqual(8)
    await fran.getByTestId('voting-close').click()
    await expect.poll(() => row.getByTestId('vote-result').count()).toBe(0)
  })

  it('keeps the phone view, the open card and its typed text when turned on its side, and shows no old refusal again', async () => {
    // The refusal of the last test is over.
    await expect.poll(() => pia.getByTestId('refusal').count(), { timeout: 8000 }).toBe(0)
    const first = pia.getByTestId('phone-step').first()
    const id = await first.getAttribute('data-touchpoint-id')
    await first.locator('.phone-step__open').tap()
    await pia.getByTestId('phone-stardust-input').fill('Typed before the turn')
    await pia.setViewportSize({ width: 844, height: 390 })
    try {
      await pia.waitForTimeout(300) // a layout switch would have happened by now
      expect(await pia.getByTestId('phone-view').count()).toBe(1)
      expect(await pia.locator('.react-flow').count()).toBe(0)
      expect(await focusCard(pia).getAttribute('data-touchpoint-id')).toBe(id)
      expect(await pia.getByTestId('phone-stardust-input').inputValue()).toBe('Typed before the turn')
      expect(await horizontalOverflow(pia)).toEqual([])
      await screenshot(pia, 'phone-landscape')
    } finally {
      await pia.setViewportSize(PHONE.viewport)
    }
    expect(await pia.getByTestId('phone-stardust-input').inputValue()).toBe('Typed before the turn')
    await pia.getByTestId('phone-stardust-input').fill('')
    await pia.getByTestId('phone-focus-close').tap()
    // The other view, mounted now, does not show the refusal of the last test again, nor does the phone view on the way back.
    await pia.getByTestId('view-switch').tap()
    await pia.locator('.react-flow').waitFor()
    await pia.waitForTimeout(300)
    expect(await pia.getByTestId('refusal').count()).toBe(0)
    await pia.getByTestId('view-switch').tap()
    await pia.getByTestId('phone-view').waitFor()
    await pia.waitForTimeout(300)
    expect(await pia.getByTestId('refusal').count()).toBe(0)
  })

  it('marks in the list the touchpoints with stardust ideas, the more so during a stardust round', async () => {
    const withIdeas = [...new Set(state().stardust.map((s) => s.touchpointId))]
    expect(withIdeas.length).toBeGreaterThan(0)
    const counts = pia.getByTestId('phone-view').getByTestId('phone-stardust-count')
    await expect.poll(() => counts.count()).toBe(withIdeas.length)
    const first = pia.locator(`[data-touchpoint-id="${withIdeas[0]}"]`).getByTestId('phone-stardust-count')
    const ideas = state().stardust.filter((s) => s.touchpointId === withIdeas[0]).length
    expect(await first.getAttribute('data-count')).toBe(String(ideas))
    const plain = await first.evaluate((el) => getComputedStyle(el).backgroundColor)
    await fran.getByTestId('voting-target').selectOption('stardust')
    await fran.getByTestId('voting-open').click()
    await expect.poll(() => first.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(plain)
    // Every idea of the board at the top of the list, each with its dots: no card to open to vote.
    const round = pia.getByTestId('phone-stardust-round')
    await expect.poll(() => round.getByTestId('phone-round-idea').count()).toBe(state().stardust.length)
    const idea = round.getByTestId('phone-round-idea').first()
    await idea.getByTestId('vote-cast').tap()
    await expect.poll(() => idea.getByTestId('vote-dots').getAttribute('data-mine')).toBe('1')
    expect(await smallTapTargets(pia, '[data-testid="phone-stardust-round"]')).toEqual([])
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-stardust-round-list')
    await idea.getByTestId('vote-retract').tap() // and back, from the same list
    await expect.poll(() => idea.getByTestId('vote-dots').getAttribute('data-mine')).toBe('0')
    await fran.getByTestId('voting-close').click()
    await expect.poll(() => round.count()).toBe(0)
    await fran.getByTestId('voting-target').selectOption('touchpoints')
  })

  it('shows a revealed stardust round\'s ranking at the top of the list', async () => {
    await fran.getByTestId('voting-target').selectOption('stardust')
    await fran.getByTestId('voting-open').click()
    await fran.getByTestId('open-backlog').click()
    const idea = fran.getByTestId('backlog-panel').getByTestId('stardust-idea').first()
    await idea.getByTestId('vote-cast').click()
    await idea.getByTestId('vote-cast').click()
    await expect.poll(() => idea.getByTestId('vote-dots').getAttribute('data-mine')).toBe('2')
    const text = (await idea.locator('.idea__text').innerText()).trim()
    expect(await pia.getByTestId('voting-results').count()).toBe(0)
    await fran.getByTestId('voting-reveal').click()
    const results = pia.getByTestId('phone-view').getByTestId('voting-results')
    await results.waitFor()
    expect(await results.getByTestId('voting-result').innerText()).toContain(text)
    expect(await results.getByTestId('voting-result-count').innerText()).toBe('● 2')
    // The list scrolls to it, wherever it was: the facilitator revealing is a "look here".
    await expect.poll(() => results.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return box.top >= el.closest('.phone-list')!.getBoundingClientRect().top && box.top < window.innerHeight / 2
    })).toBe(true)
    expect(await horizontalOverflow(pia)).toEqual([])
    expect(await smallTapTargets(pia, '[data-testid="voting-results"]')).toEqual([])
    await screenshot(pia, 'phone-voting-results')
    await fran.getByTestId('voting-close').click()
    await expect.poll(() => results.count()).toBe(0)
    await fran.getByTestId('backlog-panel').getByTestId('panel-close').click()
    await fran.getByTestId('voting-target').selectOption('touchpoints')
  })

  it('shows the agenda step\'s instruction, as laptops do, under the header', async () => {
    expect(await pia.getByTestId('phone-instruction').count()).toBe(0)
    await agendaTo('collect')
    await expect.poll(() => pia.getByTestId('phone-instruction').getAttribute('data-step')).toBe('collect')
    expect(await pia.getByTestId('phone-step-score').count()).toBe(0) // only while the room ranks
    await agendaTo('rank')
    await expect.poll(() => pia.getByTestId('phone-instruction').getAttribute('data-step')).toBe('rank')
    // Each row says Pia's own score, or that she has still to give one (she gave the moment of truth a 2, above).
    const scored = momentOfTruthOnJourney((await activePersona(pia))!)
    const score = (id: string) => pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${id}"] [data-testid="phone-step-score"]`).textContent()
    await expect.poll(() => score(scored.id)).toBe('▲ Your influence score: 2')
    const piaId = (await pia.evaluate(() => localStorage.getItem('zigzag.participantId')))!
    const unscored = journeyOrder(state(), (await activePersona(pia))!).find((id) => state().influence[id]?.[piaId] === undefined)!
    expect(await score(unscored)).toBe('▲ You have not scored it yet')
    const instruction = pia.getByTestId('phone-instruction')
    await pia.locator('.phone-list').evaluate((list) => list.scrollTo(0, 0)) // it heads the list
    expect(await instruction.isVisible()).toBe(true)
    expect(await instruction.textContent()).toContain(en.agenda.rank.hint)
    expect(await instruction.textContent()).toContain(en.agenda.rank.title)
    expect(await instruction.evaluate((el) => { const box = el.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight })).toBe(true)
    expect(await pia.getByTestId('agenda').textContent()).toBe(`3/6 · ${en.agenda.rank.title}`)
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-agenda')

    // On a touchpoint's card the list is covered: the header's step opens the instruction over it.
    await pia.getByTestId('phone-step').first().locator('.phone-step__open').tap()
    await focusCard(pia).waitFor()
    await pia.getByTestId('phone-session').tap()
    await expect.poll(() => pia.getByTestId('phone-session-instruction').textContent()).toContain(en.agenda.rank.hint)
    expect(await pia.getByTestId('phone-session-instruction').isVisible()).toBe(true)
    expect(await pia.getByTestId('phone-session').getAttribute('aria-expanded')).toBe('true')
    expect(await smallTapTargets(pia, '[data-testid="phone-session-details"]')).toEqual([])
    await screenshot(pia, 'phone-agenda-details')
    await pia.getByTestId('phone-session-close').tap()
    await expect.poll(() => pia.getByTestId('phone-session-details').count()).toBe(0)
    await pia.getByTestId('phone-focus-close').tap()
  })

  it('keeps the header to a fifth of the screen with agenda, timer, voting and silent writing all running, in English and German', async () => {
    await agendaTo('rank')
    await fran.getByTestId('timer-start').click()
    await fran.getByTestId('voting-open').click()
    await fran.getByTestId('private-start').click()
    await pia.getByTestId('private-mode').waitFor()
    await pia.getByTestId('votes-left').waitFor()
    await pia.locator('.phone-header').getByTestId('timer').waitFor()
    await pia.locator('.phone-header [data-testid="agenda"][data-step="rank"]').waitFor()
    const limit = PHONE.viewport.height * 0.2
    const fit = await headerFit(pia)
    expect(fit.height).toBeLessThanOrEqual(limit)
    expect(fit.cut).toEqual([])
    expect(await horizontalOverflow(pia)).toEqual([])
    expect((await pia.getByTestId('phone-session').boundingBox())!.height).toBeGreaterThanOrEqual(44)
    expect(await smallText(pia, '.phone-header')).toEqual([])
    await screenshot(pia, 'phone-header-busy')
    // The details are a tap away, over the list; the header does not grow.
    await pia.getByTestId('phone-session').tap()
    await pia.getByTestId('phone-session-details').waitFor()
    expect(await pia.getByTestId('phone-session-details').textContent()).toContain(en.voting.touchpoints)
    expect(await pia.getByTestId('phone-session-details').textContent()).toContain(en.private.explain)
    expect((await headerFit(pia)).height).toBe(fit.height)
    await screenshot(pia, 'phone-header-busy-details')
    await pia.getByTestId('phone-session-close').tap()

    await pia.getByTestId('language-switch').tap()
    await expect.poll(() => pia.getByTestId('private-mode').textContent()).toContain(de.private.on)
    // Rank is the longest step title in German.
    await expect.poll(() => pia.getByTestId('agenda').textContent()).toBe(`3/6 · ${de.agenda.rank.title}`)
    const german = await headerFit(pia)
    expect(german.height).toBeLessThanOrEqual(limit)
    expect(german.cut).toEqual([])
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-header-busy-german')
    // On a small phone (320 × 568) too, in German and English: the step cut short, the dots left as "3/3", silent writing its icon.
    await pia.setViewportSize({ width: 320, height: 568 })
    for (const language of ['German', 'English']) {
      if (language === 'English') await pia.getByTestId('language-switch').tap()
      await expect.poll(() => pia.evaluate(() => document.documentElement.lang)).toBe(language === 'German' ? 'de' : 'en')
      const small = await headerFit(pia)
      expect(small.height, language).toBeLessThanOrEqual(568 * 0.2)
      expect(small.cut, language).toEqual([])
      expect(await horizontalOverflow(pia), language).toEqual([])
      expect(await pia.locator('.phone-header [data-testid="agenda"]').innerText()).toMatch(/^3\/6 · /)
      expect(await pia.locator('.phone-header [data-testid="votes-left"] .phone-chip__short').innerText()).toBe('3/3')
      await screenshot(pia, `phone-header-busy-320-${language}`)
    }
    // Revealed, the round's chip is one word on a small phone, and the step beside it keeps room to be read ("3/6 · Ra…").
    await fran.getByTestId('voting-reveal').click()
    await pia.locator('.phone-header [data-testid="voting"][data-status="revealed"]').waitFor()
    for (const language of ['English', 'German']) {
      if (language === 'German') await pia.getByTestId('language-switch').tap()
      await expect.poll(() => pia.evaluate(() => document.documentElement.lang)).toBe(language === 'German' ? 'de' : 'en')
      const small = await headerFit(pia)
      expect(small.cut, language).toEqual([])
      expect(await horizontalOverflow(pia), language).toEqual([])
      expect(await pia.locator('.phone-header [data-testid="voting"] .phone-chip__short').innerText()).toBe(language === 'German' ? 'Ergebnis' : 'Results')
      const step = (await pia.locator('.phone-header [data-testid="agenda"]').boundingBox())!
      expect(step.width, language).toBeGreaterThanOrEqual(55)
      await screenshot(pia, `phone-header-revealed-320-${language}`)
    }
    await pia.setViewportSize(PHONE.viewport)
    // The facilitator moves on: the instruction follows, on the list and behind the header's step.
    await agendaTo('examine')
    await expect.poll(() => pia.getByTestId('phone-instruction').textContent()).toContain(de.agenda.examine.hint)
    await pia.getByTestId('phone-session').tap()
    await expect.poll(() => pia.getByTestId('phone-session-instruction').textContent()).toContain(de.agenda.examine.hint)
    await screenshot(pia, 'phone-header-busy-details-german')
    await pia.getByTestId('phone-session-close').tap()
    await pia.getByTestId('language-switch').tap()

    await fran.getByTestId('timer-pause').click()
    await fran.getByTestId('voting-close').click()
    await fran.getByTestId('private-reveal').click()
    await expect.poll(() => pia.getByTestId('phone-session').count()).toBe(1) // the agenda step stays
    await expect.poll(() => pia.getByTestId('private-mode').count()).toBe(0)
  })

  it('shows viewers everything but no inputs', async () => {
    const viewer = await joinOnPhone(room.browser, room.board.links.view, 'Vic')
    const tp = momentOfTruthOnJourney((await activePersona(viewer))!)
    await viewer.locator(`[data-testid="phone-step"][data-touchpoint-id="${tp.id}"] .phone-step__open`).tap()
    await focusCard(viewer).waitFor()
    await viewer.getByTestId('phone-factor-entry').filter({ hasText: 'Staff remember my name' }).waitFor()
    await viewer.getByTestId('phone-rating').getByTestId('rating-summary').waitFor()
    expect(await focusCard(viewer).locator('input, select, textarea').count()).toBe(0)
    expect(await viewer.getByTestId('role').textContent()).toBe('View only')
    expect(await viewer.locator('[data-testid^="phone-rate-"]').count()).toBe(0)
    expect(await focusCard(viewer).locator('[data-testid="phone-influence"] button').count()).toBe(0)
    await viewer.getByTestId('phone-focus-close').tap()
    // Watchers add no touchpoints: the list has no add control.
    await viewer.getByTestId('phone-step').first().waitFor()
    expect(await viewer.getByTestId('phone-add-touchpoint').count()).toBe(0)
    // In a vote, the header's details say why a view link has no dots, instead of asking to give them.
    await fran.getByTestId('voting-open').click()
    await viewer.getByTestId('phone-session').tap()
    await expect.poll(() => viewer.getByTestId('phone-session-details').textContent()).toContain('(you watch: a view link cannot vote)')
    await fran.getByTestId('voting-close').click()
    await viewer.context().close()
  })

  it('hands out the board’s links from the header: an editor the edit and view links, a facilitator all three', async () => {
    await pia.getByTestId('share').tap()
    const panel = pia.getByTestId('share-panel')
    await panel.waitFor()
    expect(await panel.getByTestId('link-edit').inputValue()).toBe(room.board.links.edit)
    expect(await panel.getByTestId('link-view').inputValue()).toBe(room.board.links.view)
    expect(await panel.getByTestId('link-facilitator').count()).toBe(0)
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-share')
    await pia.keyboard.press('Escape')
    await expect.poll(() => panel.count()).toBe(0)

    // A facilitator on a phone (who made the board there, say) can hand out the links without giving away their own.
    const fay = await joinOnPhone(room.browser, room.board.links.facilitator, 'Fay')
    await fay.getByTestId('share').tap()
    const links = fay.getByTestId('share-panel')
    await links.waitFor()
    expect(await links.getByTestId('link-edit').inputValue()).toBe(room.board.links.edit)
    expect(await links.getByTestId('link-view').inputValue()).toBe(room.board.links.view)
    expect(await links.getByTestId('link-facilitator').count()).toBe(1)
    expect(await horizontalOverflow(fay)).toEqual([])
    await fay.context().close()
  })

  it('speaks German', async () => {
    await pia.getByTestId('language-switch').tap()
    await pia.getByTestId('phone-step').first().locator('.phone-step__open').tap()
    await expect.poll(() => pia.getByTestId('phone-focus-close').textContent()).toContain('Zurück zur Journey')
    expect(await pia.getByTestId('phone-factor-add').textContent()).toBe('Faktor hinzufügen')
    expect(await horizontalOverflow(pia)).toEqual([])
    await screenshot(pia, 'phone-focus-german')
    await pia.getByTestId('language-switch').tap()
  })
})
