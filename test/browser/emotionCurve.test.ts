import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens a generated board (every tenth touchpoint a rated moment of truth) and waits for its curve. */
async function openGenerated(touchpoints: number, phases: number, lanes: number): Promise<Page> {
  const board = await createBoard(server.url, { board: generatedBoardFile(touchpoints, phases, lanes) })
  const page = await joinBoard(browser, board.links.edit, 'Cleo', { width: 1920, height: 1080 })
  await page.getByTestId('emotion-curve').waitFor()
  return page
}

interface Label { text: string; left: number; right: number; y: number }

/** The curve's touchpoint labels with their extent along the curve, in the curve's own coordinates. */
function labels(page: Page): Promise<Label[]> {
  return page.evaluate(() => [...document.querySelectorAll<SVGTextElement>('[data-testid="emotion-curve"] .curve__label')].map((text) => {
    const box = text.getBBox()
    return { text: text.textContent ?? '', left: box.x, right: box.x + box.width, y: Number(text.getAttribute('y')) }
  }))
}

function overlapping(row: Label[]): [Label, Label][] {
  const sorted = [...row].sort((a, b) => a.left - b.left)
  return sorted.slice(1).map((label, i) => [sorted[i], label] as [Label, Label]).filter(([a, b]) => b.left < a.right)
}

describe('the emotion curve of a journey', () => {
  it('names every touchpoint under the curve, on one row while the titles fit', async () => {
    const page = await openGenerated(6, 4, 2) // 1,160 pixels of phases: about 190 per touchpoint
    const shown = await labels(page)
    expect(shown).toHaveLength(6)
    expect(new Set(shown.map((l) => l.y)).size).toBe(1)
    expect(overlapping(shown)).toEqual([])
    // In full, a moment of truth starred.
    expect(shown.map((l) => l.text).sort()).toEqual(['Touchpoint 2', 'Touchpoint 3', 'Touchpoint 4', 'Touchpoint 5', 'Touchpoint 6', '★ Touchpoint 1'])
    await page.context().close()
  })

  it('keeps each name under its point while it fits there, the last one too', async () => {
    const page = await openGenerated(3, 4, 2) // three points on a wide curve: room to spare for every name
    const shown = await labels(page)
    expect(shown).toHaveLength(3)
    const width = await page.locator('[data-testid="emotion-curve"] svg').first().evaluate((svg) => Number(svg.getAttribute('width')))
    const step = (width - 200) / 3 // the curve's points sit in equal steps right of the lanes' headers (200)
    const centres = shown.sort((a, b) => a.left - b.left).map((l) => (l.left + l.right) / 2)
    centres.forEach((centre, i) => expect(centre, shown[i]!.text).toBeCloseTo(200 + step * (i + 0.5), 0))
    await page.context().close()
  })

  it('puts the names on two rows taking turns when one row is too tight, without overlaps', async () => {
    const page = await openGenerated(24, 4, 2) // about 48 pixels per touchpoint
    const shown = await labels(page)
    expect(shown).toHaveLength(24)
    const rows = [...new Set(shown.map((l) => l.y))]
    expect(rows).toHaveLength(2)
    for (const y of rows) expect(overlapping(shown.filter((l) => l.y === y))).toEqual([])
    // Each label has two touchpoints' room, short of a whole title, and none reaches past the curve's edge.
    for (const { text } of shown) expect(text).toMatch(/^(★ )?Tou.*…$/)
    const width = await page.locator('[data-testid="emotion-curve"] > svg').evaluate((svg) => Number(svg.getAttribute('width')))
    expect(Math.max(...shown.map((l) => l.right))).toBeLessThanOrEqual(width)
    await screenshot(page, 'emotion-curve-two-rows')
    await page.context().close()
  })

  it('draws a long journey as dots in their bands, named in tooltips, instead of a smear of labels', async () => {
    const page = await openGenerated(200, 10, 5) // about 14 pixels per touchpoint
    expect(await labels(page)).toEqual([])
    expect(await page.locator('[data-testid="emotion-curve"] .curve__unrated').count()).toBe(0)
    const dots = await page.locator('[data-testid="emotion-curve"] .curve__dot').evaluateAll((circles) => circles.map((c) => ({
      title: c.querySelector('title')?.textContent, y: Number(c.getAttribute('cy')), fill: c.getAttribute('fill'),
    })))
    // The 20 moments of truth are rated; each dot sits in its outcome's band and names its touchpoint.
    expect(dots).toHaveLength(20)
    expect(new Set(dots.map((d) => d.title))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `Touchpoint ${i * 10 + 1}`)))
    const points = (await page.getByTestId('emotion-curve').getAttribute('data-points'))!.split(',')
    expect(points).toHaveLength(20)
    const bandOf = new Map<string, number>()
    for (const [i, dot] of dots.entries()) {
      if (bandOf.has(points[i])) expect(dot.y).toBe(bandOf.get(points[i]))
      bandOf.set(points[i], dot.y)
    }
    await page.context().close()
  })
})

describe('the emotion curve of a board without a journey', () => {
  it('says what draws it on lines that stay inside the curve, in German too', async () => {
    const board = await createBoard(server.url, { language: 'de', title: 'Leer' })
    const page = await joinBoard(browser, board.links.edit, 'Gerd', { width: 1280, height: 800 }, async (context) => {
      await context.addInitScript(() => localStorage.setItem('zigzag.language', 'de'))
    })
    const hint = page.getByTestId('curve-empty')
    await hint.waitFor()
    const fits = await hint.evaluate((text) => {
      const curve = text.closest('svg')!.getBoundingClientRect()
      const box = text.getBoundingClientRect()
      return { inside: box.left >= curve.left && box.right <= curve.right - 8, text: text.textContent }
    })
    expect(fits.inside).toBe(true)
    expect(fits.text?.replace(/\s+/g, '')).toBe('Verbinden Sie Kontaktpunkte zu einer Journey und bewerten Sie die Momente der Wahrheit, um die Kurve zu zeichnen.'.replace(/\s+/g, ''))
    await screenshot(page, 'emotion-curve-empty-de')
    await page.context().close()
  })
})
