import { readFileSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESULTS_DIR, joinBoard, launchBrowser } from '../utils/browser.js'
import { readPdf } from '../utils/pdf.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page

async function exportFile(kind: string): Promise<Buffer> {
  await page.getByTestId('export').click()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(`export-${kind}`).click()])
  const path = await download.path()
  const bytes = readFileSync(path)
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
  it('exports a slide-sized PNG of the whole board', async () => {
    const png = PNG.sync.read(await exportFile('png-board'))
    expect(png.width).toBe(1920)
    expect(png.height).toBeGreaterThan(800)
    // Nothing rendered as a black block (an SVG fill lost on the way into the image).
    let black = 0
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 12 && png.data[i + 1] < 12 && png.data[i + 2] < 12 && png.data[i + 3] > 0) black++
    expect(black / (png.width * png.height)).toBeLessThan(0.01)
  })

  it('exports a PDF workshop report built from the board’s data', async () => {
    const { pages, text } = await readPdf(new Uint8Array(await exportFile('pdf')))
    expect(pages).toBeGreaterThanOrEqual(4)
    expect(text).toContain('Online checkout')
    expect(text).toContain('Moments of truth')
    expect(text).toContain('Stardust backlog')
  })

  it('exports the board as a JSON file that the format accepts', async () => {
    const file = JSON.parse((await exportFile('json')).toString('utf8'))
    expect(file).toMatchObject({ format: 'zigzag-board', formatVersion: 1 })
    expect(file.touchpoints.length).toBeGreaterThanOrEqual(8)
  })
})
