import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION, type BoardFileInput, generatedBoardFile } from '../../shared/format/index.js'
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

interface Label { text: string; lines: string[]; tooltip: string | null; left: number; right: number; top: number; bottom: number; y: number }

/** The curve's touchpoint labels (their lines, and the tooltip of one cut short) with their extent, in the curve's own coordinates. */
function labels(page: Page): Promise<Label[]> {
  return page.evaluate(() => [...document.querySelectorAll<SVGTextElement>('[data-testid="emotion-curve"] .curve__label')].map((text) => {
    const box = text.getBBox()
    const spans = [...text.querySelectorAll('tspan')]
    const lines = spans.length ? spans.map((line) => line.textContent ?? '') : [text.textContent ?? '']
    return {
      text: lines.join(' '), lines, tooltip: text.querySelector('title')?.textContent ?? null,
      left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height, y: Number(text.getAttribute('y')),
    }
  }))
}

/** Pairs of labels whose boxes overlap, on any row. */
function overlappingBoxes(all: Label[]): [string, string][] {
  return all.flatMap((a, i) => all.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
    .map((b) => [a.text, b.text] as [string, string]))
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

/** Five phases, three lanes, twelve touchpoints on one journey with names as a workshop writes them. */
function realisticBoard(language: 'en' | 'de'): { file: BoardFileInput; names: string[] } {
  const names = language === 'en'
    ? ['See an ad on social media', 'Hear about it from a friend', 'Compare prices online', 'Read reviews on a portal', 'Ask in the user forum',
      'Call the service hotline', 'Order in the online shop', 'Pay at the till', 'Pick up in store', 'Watch the set-up video',
      'Get the loyalty newsletter', 'Write a review']
    : ['Werbung in sozialen Medien sehen', 'Von einer Freundin davon hören', 'Preise online vergleichen', 'Bewertungen auf einem Portal lesen',
      'Im Nutzerforum fragen', 'Die Service-Hotline anrufen', 'Im Onlineshop bestellen', 'An der Kasse bezahlen', 'In der Filiale abholen',
      'Das Einrichtungsvideo ansehen', 'Den Kundenclub-Newsletter erhalten', 'Eine Bewertung schreiben']
  const perPhase = [2, 3, 3, 2, 2]
  const phaseOf = perPhase.flatMap((count, phase) => Array.from({ length: count }, () => phase))
  const touchpoints = names.map((title, i) => ({ id: `t${i}`, title, phaseId: `p${phaseOf[i]}`, laneId: `l${i % 3}`, kind: 'direct' as const, momentOfTruth: i % 4 === 0 }))
  const file: BoardFileInput = {
    format: BOARD_FORMAT, formatVersion: BOARD_FORMAT_VERSION, exportedAt: '2025-01-15T09:00:00.000Z',
    meta: { title: 'Realistic', language },
    phases: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, name: `Phase ${i + 1}` })),
    lanes: [{ id: 'l0', name: 'Store', channel: 'physical' }, { id: 'l1', name: 'Web', channel: 'digital' }, { id: 'l2', name: 'App', channel: 'digital' }],
    touchpoints,
    personas: [{ name: 'Anna', color: '#e4572e', journey: touchpoints.slice(1).map((t, i) => ({ from: touchpoints[i]!.id, to: t.id })) }],
    ratings: Object.fromEntries(touchpoints.map((t, i) => [t.id, { 'p-anna': (['disappointing', 'ok', 'delighting'] as const)[(i * 2) % 3]! }])),
  }
  return { file, names: touchpoints.map((t) => (t.momentOfTruth ? `★ ${t.title}` : t.title)) }
}

/** Characters shown of a name, spaces, the star and "…" not counted. */
const letters = (text: string) => [...text.replace(/^★ /, '').replace(/…$/, '').replace(/\s+/g, '')].length

describe('the emotion curve of a journey with names as a workshop writes them', () => {
  // Before, each name was cut to its point's width counted in wide characters: "Compare pri…", "Call the se…" (8 to 11
  // characters, 101 of 218 in English, 109 of 290 in German), on a laptop and a 1,920 px projector alike.
  for (const [language, least] of [['en', 218], ['de', 220]] as const) {
    it(`shows them whole or nearly, never overlapping, and whole on hover, on 1,280 and 1,920 px screens (${language})`, async () => {
      const { file, names } = realisticBoard(language)
      const board = await createBoard(server.url, { board: file })
      for (const width of [1280, 1920]) {
        const page = await joinBoard(browser, board.links.edit, 'Cleo', { width, height: width === 1280 ? 800 : 1080 }, async (context) => {
          await context.addInitScript((l) => localStorage.setItem('zigzag.language', l), language)
        })
        await page.getByTestId('emotion-curve').waitFor()
        const shown = await labels(page)
        expect(shown.map((l) => l.tooltip ?? l.text.replace(/-\s/g, '-'))).toEqual(names)
        expect(shown.reduce((sum, l) => sum + letters(l.lines.join(' ')), 0)).toBeGreaterThanOrEqual(least)
        // A name cut short has the whole of it as its tooltip; a whole one needs none.
        for (const label of shown) expect(label.tooltip === null, label.text).toBe(letters(label.text) === letters(names[shown.indexOf(label)]!))
        expect(overlappingBoxes(shown)).toEqual([])
        const curveWidth = await page.locator('[data-testid="emotion-curve"] > svg').evaluate((svg) => Number(svg.getAttribute('width')))
        expect(Math.min(...shown.map((l) => l.left))).toBeGreaterThanOrEqual(0)
        expect(Math.max(...shown.map((l) => l.right))).toBeLessThanOrEqual(curveWidth)
        if (width === 1920) {
          await screenshot(page, `emotion-curve-names-${language}`)
          // The SVG picture of the board names them on the same lines.
          await page.getByTestId('export').click()
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-svg-board').click()])
          const svg = readFileSync((await download.path())!, 'utf8')
          const curve = svg.slice(svg.indexOf('<g class="emotion-curve">'))
          const pictured = [...curve.matchAll(/<text font-size="14" font-weight="700"[^>]*>(.*?)<\/text>/g)]
            .map((m) => [...m[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((line) => line[1]!.replace(/&amp;/g, '&')))
          expect(pictured).toEqual(shown.map((l) => l.lines))
        }
        await page.context().close()
      }
    })
  }
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
