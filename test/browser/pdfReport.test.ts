import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { RESULTS_DIR, joinBoard, launchBrowser } from '../utils/browser.js'
import { expectFitsItsPages, pdfLayout, readPdf } from '../utils/pdf.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

// A stardust idea of one 280-character word, as long as an idea may be.
const LONG_WORD = 'Sternenstaub'.repeat(24).slice(0, 280)

let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // 6 lanes of 4 phases, two cards a cell: the board's picture is taller than a landscape page's free area is wide.
  const board = generatedBoardFile(48, 4, 6)
  board.stardust = [...board.stardust ?? [], { touchpointId: 't0', text: LONG_WORD, createdAt: '2025-01-15T09:00:00.000Z' }]
  page = await joinBoard(browser, (await createBoard(server.url, { board })).links.edit, 'Ida')
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function exportReport(from = page, name = 'tall'): Promise<Uint8Array> {
  await from.getByTestId('export').click()
  const [download] = await Promise.all([from.waitForEvent('download', { timeout: 30_000 }), from.getByTestId('export-pdf').click()])
  const bytes = readFileSync(await download.path())
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(`${RESULTS_DIR}/${name}-${download.suggestedFilename()}`, bytes)
  return new Uint8Array(bytes)
}

describe('the PDF report of a tall board', () => {
  it('fits the board’s picture under the title on the first page, leaves no page blank and wraps a very long word', async () => {
    const bytes = await exportReport()
    const pages = await pdfLayout(bytes)
    expectFitsItsPages(pages)
    // Fitted, not shrunk to a stamp: the picture reaches down to the page's bottom margin (or across the page).
    const [picture] = pages[0]!.images
    const bottom = pages[0]!.height - 40
    expect(bottom - picture!.bottom < 20 || picture!.right - picture!.left > 750, JSON.stringify(picture)).toBe(true)
    const { text } = await readPdf(bytes)
    expect(text.replace(/\s/g, '')).toContain(LONG_WORD)
  })
})

describe('the PDF report of a board with emoji and symbols', () => {
  it('prints emoji in Noto Emoji and stars and arrows in DejaVu Sans, in titles, tables, factors, stardust and the footer, fetched from this server only', async () => {
    const board = generatedBoardFile(10, 2, 2)
    board.meta.title = 'Café journey 🎉'
    board.touchpoints![0]!.title = 'Checkout 🛒 at the till'
    board.touchpoints![1]!.title = 'Review portal: ★★☆☆☆ „Nie wieder!“ → hotline'
    board.factors = [{ touchpointId: 't5', level: 'delight', dimension: 'emotional', text: 'Smiles 😀👍🏽 at the door', createdAt: '2025-01-15T09:00:00.000Z' }]
    board.stardust = [{ touchpointId: 't5', text: '🎁 A free coffee ☕️ on the house', createdAt: '2025-01-15T09:00:00.000Z' }]
    const emoji = await joinBoard(browser, (await createBoard(server.url, { board })).links.edit, 'Eli')
    const fetched: string[] = []
    emoji.on('request', (request) => fetched.push(request.url()))
    const bytes = await exportReport(emoji, 'emoji')
    // The font is embedded (pdfkit names a subset font TAG+PostScript name) and every emoji reads back as itself.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji-Regular/)
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/)
    const { text } = await readPdf(bytes)
    for (const expected of ['🎉', '🛒', '😀', '👍', '🎁', '☕', '★★☆☆☆', '→']) expect(text, expected).toContain(expected)
    expect(text).toContain('Café journey')
    expect(fetched.filter((url) => url.endsWith('.woff')).map((url) => url.replace(/-[\w-]{8}\.woff$/, '')).sort()).toEqual([
      `${server.url}/assets/noto-emoji-emoji-400-normal`, `${server.url}/assets/dejavu-sans-latin-400-normal`,
    ].sort())
    expect(fetched.every((url) => url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')), fetched.join(' ')).toBe(true)
    await emoji.context().close()
  })

  it('loads no fallback font for a report without emoji or symbols', async () => {
    const fetched: string[] = []
    page.on('request', (request) => fetched.push(request.url()))
    const bytes = await exportReport()
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/NotoEmoji|DejaVu/)
    expect(fetched.some((url) => url.endsWith('.woff'))).toBe(false)
  })
})
