import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { strFromU8, unzipSync } from 'fflate'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { RESULTS_DIR, gridId, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { expectFitsItsPages, pdfLayout, readPdf } from '../utils/pdf.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
const ACCENT = [0xf0, 0x8a, 0x24]
const BAD = [0xc9, 0x3c, 0x3c]
const FOCUS = [0x77, 0x68, 0xae] // .card--focused
let browser: Browser
let page: Page

/** Clicks an export and reads the download. A big board's picture keeps the page busy for seconds, so the click waits as long as the download may. */
async function exportFile(kind: string, on: Page = page): Promise<Buffer> {
  await on.getByTestId('export').click()
  const [download] = await Promise.all([on.waitForEvent('download', { timeout: 30_000 }), on.getByTestId(`export-${kind}`).click({ timeout: 30_000 })])
  const path = await download.path()
  const bytes = readFileSync(path)
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(`${RESULTS_DIR}/${download.suggestedFilename()}`, bytes)
  return bytes
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  page = await joinBoard(browser, board.links.facilitator, 'Fran')
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('handing the board off', () => {
  it('loads the exporters only when an export is asked for', async () => {
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()!))
    const exporters = (names: string[]) => names.filter((name) => /^(csvExport|imageExport|pdfReport)-.*\.js$/.test(name))
    expect(exporters(await loaded())).toEqual([])
    const files = unzipSync(new Uint8Array(await exportFile('csv')))
    const names = Object.keys(files).sort()
    expect(names.map((name) => name.replace(/^.*-(\w+)\.csv$/, '$1'))).toEqual(['factors', 'journeys', 'stardust', 'touchpoints'])
    expect(strFromU8(files[names[3]!]!)).toContain('Online checkout')
    expect(exporters(await loaded())).toEqual([expect.stringMatching(/^csvExport-/)])
  })

  it('gets the app’s code and styles compressed, and runs them', async () => {
    const sizes = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => /\/assets\/index-[\w-]+\.(js|css)$/.test(r.name))
      .map((r) => ({ name: r.name.split('/').pop()!, encoded: r.encodedBodySize, decoded: r.decodedBodySize })))
    expect(sizes.map((s) => s.name.split('.').pop()).sort()).toEqual(['css', 'js'])
    for (const { name, encoded, decoded } of sizes) {
      expect(decoded, name).toBeGreaterThan(10_000)
      expect(encoded, name).toBeLessThan(decoded / 3)
    }
    expect(await page.getByTestId('export').isVisible()).toBe(true)
  })

  it('exports a slide-sized PNG of the whole board', async () => {
    const png = PNG.sync.read(await exportFile('png-board'))
    expect(png.width).toBe(1920)
    expect(png.height).toBeGreaterThan(800)
    // Nothing rendered as a black block (an SVG fill lost on the way into the image).
    let black = 0
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 12 && png.data[i + 1] < 12 && png.data[i + 2] < 12 && png.data[i + 3] > 0) black++
    expect(black / (png.width * png.height)).toBeLessThan(0.01)
    // Drawn with the board's styles: the lanes' tints, the phase headers' ink fill, the cards' channel stripes.
    const near = (i: number, [r, g, b]: number[]) => Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) < 12
    const counts = { physical: 0, digital: 0, ink: 0, physicalStripe: 0, digitalStripe: 0 }
    for (let i = 0; i < png.data.length; i += 4) {
      if (near(i, [0xfb, 0xf3, 0xe6])) counts.physical++
      if (near(i, [0xea, 0xf2, 0xfb])) counts.digital++
      if (near(i, [0x1f, 0x2a, 0x44])) counts.ink++
      if (near(i, [0x9e, 0x6a, 0x2a])) counts.physicalStripe++ // --physical-strong
      if (near(i, [0x35, 0x71, 0xc0])) counts.digitalStripe++ // --digital-strong
    }
    expect(counts.physical, 'physical lane pixels').toBeGreaterThan(50_000)
    expect(counts.digital, 'digital lane pixels').toBeGreaterThan(50_000)
    expect(counts.ink, 'phase header pixels').toBeGreaterThan(20_000)
    expect(counts.physicalStripe, 'physical card stripe pixels').toBeGreaterThan(300)
    expect(counts.digitalStripe, 'digital card stripe pixels').toBeGreaterThan(300)
  })

  it('exports the whole board as a vector SVG drawn from its data, which renders outside the app', async () => {
    const svg = (await exportFile('svg-board')).toString('utf8')
    // Plain SVG shapes and text: no HTML wrapped in a <foreignObject>, which PowerPoint, Inkscape and rsvg draw blank.
    expect(svg).not.toContain('foreignObject')
    expect(svg.length).toBeLessThan(300_000)
    const texts = [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]+)(?=<)/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    const titles = await page.getByTestId('touchpoint').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-title')!))
    expect(titles.length).toBeGreaterThanOrEqual(8)
    // A title that fits the card's two lines stands whole; a longer one up to its "…".
    for (const title of titles) expect(texts.join(' '), title).toContain(title.length > 24 ? title.slice(0, 12) : title)
    expect(texts).toEqual(expect.arrayContaining(['Online checkout', 'Awareness', 'Store', 'Online shop']))
    expect(svg.match(/<g class="card" /g)?.length).toBe(titles.length)
    expect(svg).toMatch(/<path class="journey-step[^>]*stroke="#e4572e"/)

    // Drawn by the browser as an image from the file alone (no page styles, no HTML): ink for the text, the lanes' tints.
    const drawn = await page.evaluate(async (file) => {
      const image = new Image()
      image.src = URL.createObjectURL(new Blob([file], { type: 'image/svg+xml' }))
      await image.decode()
      const canvas = Object.assign(document.createElement('canvas'), { width: image.naturalWidth, height: image.naturalHeight })
      const context = canvas.getContext('2d')!
      context.drawImage(image, 0, 0)
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      const counts = { width: canvas.width, ink: 0, physical: 0, digital: 0, persona: 0 }
      const near = (i: number, [r, g, b]: number[]) => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 12
      for (let i = 0; i < data.length; i += 4) {
        if (data[i]! < 80 && data[i + 1]! < 80 && data[i + 2]! < 110 && data[i + 3]! > 200) counts.ink++
        if (near(i, [0xfb, 0xf3, 0xe6]) || near(i, [0xf5, 0xe7, 0xcf])) counts.physical++
        if (near(i, [0xea, 0xf2, 0xfb]) || near(i, [0xd9, 0xe7, 0xf8])) counts.digital++
        if (near(i, [0xe4, 0x57, 0x2e])) counts.persona++
      }
      return counts
    }, svg)
    expect(drawn.width).toBeGreaterThan(1000)
    expect(drawn.ink, 'dark text and header pixels').toBeGreaterThan(20_000)
    expect(drawn.physical, 'physical lane pixels').toBeGreaterThan(100_000)
    expect(drawn.digital, 'digital lane pixels').toBeGreaterThan(100_000)
    expect(drawn.persona, 'journey path pixels').toBeGreaterThan(2_000)
  })

  it('says above the board whose journey the picture draws, in the SVG and the PNG', async () => {
    const svg = (await exportFile('svg-board')).toString('utf8')
    const caption = svg.slice(0, svg.indexOf('</g>'))
    expect(caption).toMatch(/<text[^>]*>Retail: store and online shop purchase<\/text>/)
    // The persona's name isolated (FSI … PDI): a Hebrew or Arabic name does not pull the sentence around.
    expect(caption).toMatch(/<text[^>]*>Journey of \u2068Anna, busy parent\u2069<\/text>/)
    expect(caption).toContain('fill="#e4572e"')

    // The strip above the board: the title in ink on the left, the persona's dot in her colour on the right.
    const png = PNG.sync.read(await exportFile('png-board'))
    const strip = { ink: 0, persona: 0 }
    for (let y = 0; y < 44; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b] = png.data.subarray((y * png.width + x) * 4)
        if (x < png.width / 2 && r! < 80 && g! < 80 && b! < 110) strip.ink++
        if (x > png.width / 2 && Math.abs(r! - 0xe4) + Math.abs(g! - 0x57) + Math.abs(b! - 0x2e) < 30) strip.persona++
      }
    }
    expect(strip.ink, 'title pixels').toBeGreaterThan(300)
    expect(strip.persona, 'persona dot pixels').toBeGreaterThan(40)

    // The current view keeps its size, with the strip on top.
    const canvas = (await page.locator('.react-flow').boundingBox())!
    const view = PNG.sync.read(await exportFile('png-view'))
    expect([view.width, view.height]).toEqual([Math.round(canvas.width * 2), Math.round((canvas.height + 44) * 2)])
  })

  it('exports a PDF workshop report built from the board’s data', async () => {
    const bytes = new Uint8Array(await exportFile('pdf'))
    const { pages, text } = await readPdf(bytes)
    expectFitsItsPages(await pdfLayout(bytes))
    expect(pages).toBeGreaterThanOrEqual(4)
    expect(text).toContain('Online checkout')
    // The picture draws one persona's journey: the report says whose.
    expect(text).toContain('The picture shows the journey of Anna, busy parent.')
    expect(text).toContain('Moments of truth')
    // The template's customer-benefit measures, each beside its touchpoint.
    expect(text).toContain('Customer-benefit measures')
    expect(text.replace(/\s+/g, ' ')).toMatch(/Pays at the till with the card reader Payments that go through on the first try Store operations/)
    expect(text).toContain('Stardust backlog')
    // The backlog's ideas with the questions they answer yes (the template's: buy again and recommend for the video call).
    expect(text).toContain('The three questions')
    expect(text.replace(/\s+/g, ' ')).toMatch(/A personal video call with an expert for the first set-up .*Buy again Recommend/)
  })

  it('writes the report and the tables in the language the page is in, not the board’s', async () => {
    await page.getByTestId('language-switch').click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de')
    try {
      const { text } = await readPdf(new Uint8Array(await exportFile('pdf')))
      expect(text).toContain('Bericht zum Customer-Journey-Workshop')
      expect(text).toContain('Momente der Wahrheit')
      expect(text).toContain('Kundennutzen-Kennzahlen')
      const files = unzipSync(new Uint8Array(await exportFile('csv')))
      const touchpoints = strFromU8(Object.entries(files).find(([name]) => name.endsWith('-touchpoints.csv'))![1])
      // German Excel's dialect: German headers, a semicolon between cells.
      expect(touchpoints.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toMatch(/^Kontaktpunkt-ID;Titel;Phase;Kanal;/)
    } finally {
      await page.getByTestId('language-switch').click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    }
  })

  it('leaves the exporter’s selection ring, the card’s × button and the room’s focus ring out of the PNG', async () => {
    const clean = PNG.sync.read(await exportFile('png-board'))
    const card = page.getByTestId('touchpoint').filter({ hasText: 'Online checkout' })
    await card.click({ position: { x: 10, y: 4 } }) // its top edge, away from the title, at any zoom
    await page.getByTestId('touchpoint-delete').waitFor()
    expect(await card.evaluate((el) => el.classList.contains('card--selected'))).toBe(true)
    const selected = PNG.sync.read(await exportFile('png-board'))
    // The class that hides the selection is on the canvas only while the picture is made.
    expect(await page.locator('.exporting').count()).toBe(0)
    expect(await card.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
    expect([selected.width, selected.height]).toEqual([clean.width, clean.height])
    // The selection ring's orange (--accent, #f08a24), and the × button's red (--bad): no more of either than in a clean export.
    const near = (png: PNG, i: number, [r, g, b]: number[]) => Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) < 40
    const counts = { differing: 0, accent: 0, bad: 0 }
    for (let i = 0; i < selected.data.length; i += 4) {
      if (Math.abs(selected.data[i]! - clean.data[i]!) + Math.abs(selected.data[i + 1]! - clean.data[i + 1]!) + Math.abs(selected.data[i + 2]! - clean.data[i + 2]!) > 48) counts.differing++
      counts.accent += Number(near(selected, i, ACCENT)) - Number(near(clean, i, ACCENT))
      counts.bad += Number(near(selected, i, BAD)) - Number(near(clean, i, BAD))
    }
    expect(counts).toEqual({ differing: 0, accent: 0, bad: 0 })

    // The card the facilitator put in focus for the room: a moment of the session, not part of the board.
    await page.getByTestId('focus-touchpoint').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => card.evaluate((el) => el.className)).toMatch(/card--focused/)
    expect(await card.evaluate((el) => el.classList.contains('card--selected'))).toBe(false)
    const focused = PNG.sync.read(await exportFile('png-board'))
    let focusPixels = 0
    for (let i = 0; i < focused.data.length; i += 4) focusPixels += Number(near(focused, i, FOCUS)) - Number(near(clean, i, FOCUS))
    expect(focusPixels, 'pixels of the focus ring').toBe(0)
    await card.click({ position: { x: 10, y: 4 } }) // its top edge, away from the title, at any zoom
    await page.getByTestId('focus-touchpoint').click()
    await expect.poll(() => card.evaluate((el) => el.className)).not.toMatch(/card--focused/)
    await page.keyboard.press('Escape')
  })

  it('leaves a voting round’s buttons, the cell chosen for the palette and the headers’ ••• out of the PNG', async () => {
    const clean = PNG.sync.read(await exportFile('png-board'))
    const cell = page.locator(`[data-testid="cell"][data-phase-id="${await gridId(page, 'phase', 'Use')}"][data-lane-id="${await gridId(page, 'lane', 'Letter & print')}"]`)
    const at = (await cell.boundingBox())!
    await page.mouse.click(at.x + at.width / 2, at.y + at.height - 6)
    await page.getByTestId('cell-selected').waitFor()
    await page.getByTestId('voting-open').click()
    await page.getByTestId('vote-dots').first().waitFor()
    // The round's strip makes the canvas lower and the fitted board is fitted again: the picture is made once the view has
    // settled (under load, a view still moving while the picture was made gave a few pixels that differ).
    let last = ''
    await expect.poll(async () => {
      const now = await page.evaluate(() => JSON.stringify([document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect().height,
        getComputedStyle(document.querySelector('.react-flow__viewport')!).transform]))
      const same = now === last
      last = now
      return same
    }, { interval: 300 }).toBe(true)
    // Every header's ••• shown, as on a touch screen, where they always are.
    const shown = await page.addStyleTag({ content: '.header-actions { opacity: 1 !important; transition: none !important }' })
    expect(await page.getByTestId('phase-actions').first().evaluate((el) => getComputedStyle(el).opacity)).toBe('1')
    const during = PNG.sync.read(await exportFile('png-board'))
    await shown.evaluate((el) => (el as Element).remove())
    expect([during.width, during.height]).toEqual([clean.width, clean.height])
    let differing = 0
    const where = { left: Infinity, top: Infinity, right: -1, bottom: -1 }
    for (let i = 0; i < during.data.length; i += 4) {
      if (Math.abs(during.data[i]! - clean.data[i]!) + Math.abs(during.data[i + 1]! - clean.data[i + 1]!) + Math.abs(during.data[i + 2]! - clean.data[i + 2]!) > 48) {
        differing++
        const [x, y] = [(i / 4) % during.width, Math.floor(i / 4 / during.width)]
        Object.assign(where, { left: Math.min(where.left, x), top: Math.min(where.top, y), right: Math.max(where.right, x), bottom: Math.max(where.bottom, y) })
      }
    }
    if (differing > 0) {
      writeFileSync(`${RESULTS_DIR}/export-round-during.png`, PNG.sync.write(during))
      writeFileSync(`${RESULTS_DIR}/export-round-clean.png`, PNG.sync.write(clean))
    }
    // A round's buttons or a header's ••• would be hundreds of pixels; a handful may differ where two journey steps cross
    // (seen: 9 pixels at the same spots in 1 run of 3 under load, with nothing else changed), which the test allows.
    expect(differing, `pixels that differ, within ${JSON.stringify(where)}`).toBeLessThanOrEqual(30)
    // On screen the round and the cell are as they were.
    expect(await page.getByTestId('vote-dots').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('cell-selected').count()).toBe(1)
    await page.getByTestId('voting-close').click()
    await expect.poll(() => page.getByTestId('vote-dots').count()).toBe(0)
    await page.keyboard.press('Escape')
  })

  it('exports the board as a JSON file that the format accepts', async () => {
    const file = JSON.parse((await exportFile('json')).toString('utf8'))
    expect(file).toMatchObject({ format: 'zigzag-board', formatVersion: 3 })
    expect(file.touchpoints.length).toBeGreaterThanOrEqual(8)
  })

  it('carries the voting record in the JSON file: the imported board shows the round under Priority', async () => {
    const card = (on: Page, title: string) => on.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
    const voted = 'Asks for advice in the store'
    await page.getByTestId('voting-title').fill('Which moments matter most?')
    await page.getByTestId('voting-open').click()
    for (let dot = 1; dot <= 2; dot++) {
      await card(page, voted).getByTestId('vote-cast').click()
      await expect.poll(() => card(page, voted).getByTestId('vote-dots').getAttribute('data-mine')).toBe(String(dot))
    }
    await page.getByTestId('voting-reveal').click()
    await page.getByTestId('voting-close').click()
    await expect.poll(() => page.getByTestId('vote-dots').count()).toBe(0)

    const bytes = await exportFile('json')
    const file = JSON.parse(bytes.toString('utf8'))
    const round = file.votingRounds.find((r: { title: string }) => r.title === 'Which moments matter most?')
    expect(round).toMatchObject({ target: 'touchpoints', votesPerPerson: 3, results: [{ name: voted, dots: 2 }] })
    expect(file.touchpoints.find((t: { id: string }) => t.id === round.results[0].touchpointId)?.title).toBe(voted)

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
    context.setDefaultTimeout(10_000)
    const start = await context.newPage()
    await start.goto(server.url)
    await start.getByTestId('import-file').setInputFiles({ name: 'retail.zigzag.json', mimeType: 'application/json', buffer: bytes })
    await start.waitForURL(/\/b\//)
    await start.getByTestId('display-name').fill('Fran')
    await start.getByTestId('join').click()
    await start.locator('[data-testid="board"][data-synced="true"]').waitFor()
    // A board just made opens with its share panel for the facilitator who made it.
    await start.getByTestId('share-panel').waitFor()
    await start.keyboard.press('Escape')
    await start.getByTestId('share-panel').waitFor({ state: 'detached' })
    await start.getByTestId('open-priority').click()
    // The newest round first, as on the original (an earlier test closed one without votes, which is on record too).
    const newest = start.locator('.voting-history__round').first()
    await expect.poll(() => newest.getByTestId('voting-history-round').innerText()).toMatch(/^Which moments matter most\? · Dot voting on touchpoints · /)
    expect(await newest.getByTestId('voting-history-item').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^● 2\\s*${voted}$`))])
    expect(await newest.getByTestId('voting-history-item').getAttribute('data-removed')).toBe('false')
    expect(await start.locator('.voting-history__round').count()).toBe(file.votingRounds.length)
    await start.getByTestId('voting-history').scrollIntoViewIfNeeded()
    await screenshot(start, 'imported-voting-history')
    await context.close()
  })
})

describe('handing a big board off', () => {
  // Big enough for the overview (BoardCanvas: OVERVIEW_MIN_CARDS), where the canvas draws its cards as one picture, and
  // zoomed in it renders only the cards on screen: an export must still show every card in full.
  const CARDS = 200
  let big: Page

  beforeAll(async () => {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: generatedBoardFile(CARDS, 10, 5) }),
    })
    const created = await response.json() as { links: { edit: string } }
    big = await joinBoard(browser, created.links.edit, 'Eve')
    await overview().waitFor()
  })

  const overview = () => big.locator(`[data-testid="overview-picture"][data-cards="${CARDS}"]`)
  const zoom = () => big.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)

  it('exports every card in full from the overview and from a zoomed-in view', async () => {
    expect(await overview().count()).toBe(1)
    expect(await big.getByTestId('touchpoint').count()).toBe(0)
    const svg = (await exportFile('svg-board', big)).toString('utf8')
    expect(svg.match(/data-touchpoint-id=/g)?.length).toBe(CARDS)
    expect(svg).not.toContain('card--lite')
    expect(svg).not.toContain('overview-picture')
    expect(svg.match(/class="journey-step/g)?.length).toBe(CARDS)
    const fromOverview = PNG.sync.read(await exportFile('png-board', big))
    // The canvas goes back to the overview afterwards.
    await overview().waitFor()

    const pane = (await big.locator('.react-flow').boundingBox())!
    await big.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
    for (let i = 0; i < 30 && await zoom() < 0.99; i++) await big.mouse.wheel(0, -Math.min(100, Math.log2(1 / await zoom()) * 500))
    await expect.poll(() => big.getByTestId('overview-picture').count()).toBe(0)
    expect(await big.getByTestId('touchpoint').count()).toBeLessThan(CARDS / 2)
    const fromView = PNG.sync.read(await exportFile('png-board', big))
    expect(await big.getByTestId('touchpoint').count()).toBeLessThan(CARDS / 2)

    // The same picture of the whole board either way.
    expect([fromView.width, fromView.height]).toEqual([fromOverview.width, fromOverview.height])
    let differing = 0
    for (let i = 0; i < fromView.data.length; i += 4) {
      if (Math.abs(fromView.data[i] - fromOverview.data[i]) + Math.abs(fromView.data[i + 1] - fromOverview.data[i + 1]) + Math.abs(fromView.data[i + 2] - fromOverview.data[i + 2]) > 48) differing++
    }
    expect(differing / (fromView.width * fromView.height)).toBeLessThan(0.01)
  })
})
