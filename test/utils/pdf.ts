import { expect } from 'vitest'
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Page count and the text of every page of a PDF, read with pdf.js as a viewer would (pdf.js takes the bytes it reads: it gets a copy). */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true }).promise
  const texts: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await pdf.destroy()
  return { pages: pdf.numPages, text: texts.join('\n') }
}

/** A box on a page in points, measured from the page's top-left corner as a reader sees it. */
export interface Box { left: number; top: number; right: number; bottom: number }

export interface PageLayout {
  width: number
  height: number
  /** Where each picture is drawn. */
  images: Box[]
  /** Each run of text and where it is drawn: from its start to its end, on its baseline (top and bottom are the baseline). */
  texts: (Box & { text: string })[]
}

type Matrix = [number, number, number, number, number, number]
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
]

/** Where the pictures and text runs of every page are drawn, from pdf.js's drawing operators (no rendering needed). */
export async function pdfLayout(bytes: Uint8Array): Promise<PageLayout[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true }).promise
  const pages: PageLayout[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i)
    const [, , width, height] = page.view as [number, number, number, number]
    const images: Box[] = []
    const { fnArray, argsArray } = await page.getOperatorList()
    let ctm: Matrix = [1, 0, 0, 1, 0, 0]
    const saved: Matrix[] = []
    fnArray.forEach((fn, at) => {
      if (fn === OPS.save) saved.push(ctm)
      else if (fn === OPS.restore) ctm = saved.pop() ?? ctm
      else if (fn === OPS.transform) ctm = multiply(ctm, argsArray[at] as Matrix)
      else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
        // An image fills the unit square of the current transform.
        const xs = [ctm[4], ctm[4] + ctm[0]]
        const ys = [ctm[5], ctm[5] + ctm[3]]
        images.push({ left: Math.min(...xs), right: Math.max(...xs), top: height - Math.max(...ys), bottom: height - Math.min(...ys) })
      }
    })
    const content = await page.getTextContent()
    const texts = content.items.flatMap((item) => {
      if (!('str' in item) || item.str.trim() === '') return []
      const [, , , , x, y] = item.transform as Matrix
      return [{ text: item.str, left: x, right: x + item.width, top: height - y, bottom: height - y }]
    })
    pages.push({ width, height, images, texts })
  }
  await pdf.destroy()
  return pages
}

/** The report's page margins (pdfReport.ts); the footer sits in the bottom one. */
const MARGIN = { left: 36, top: 36, right: 36, bottom: 40 }
const SLACK = 1

/**
 * Every page of a report shows something besides its footer, nothing is drawn past the page's margins (text may
 * reach into the bottom one: the footer), and the board's picture is on the first page, with the title.
 */
export function expectFitsItsPages(pages: PageLayout[]): void {
  pages.forEach((page, i) => {
    const body = page.texts.filter((t) => t.bottom < page.height - MARGIN.bottom)
    expect(body.length + page.images.length, `page ${i + 1} is blank`).toBeGreaterThan(0)
    for (const box of [...page.images, ...page.texts]) {
      const where = `page ${i + 1}: ${'text' in box ? `"${String(box.text).slice(0, 40)}"` : 'picture'} at ${JSON.stringify(box)}`
      expect(box.left, where).toBeGreaterThanOrEqual(MARGIN.left - SLACK)
      expect(box.right, where).toBeLessThanOrEqual(page.width - MARGIN.right + SLACK)
      expect(box.top, where).toBeGreaterThanOrEqual(MARGIN.top - SLACK)
      expect(box.bottom, where).toBeLessThanOrEqual(page.height - SLACK)
    }
    for (const box of page.images) expect(box.bottom, `page ${i + 1}: picture`).toBeLessThanOrEqual(page.height - MARGIN.bottom + SLACK)
  })
  expect(pages.map((page) => page.images.length), 'pictures per page').toEqual([1, ...pages.slice(1).map(() => 0)])
}
