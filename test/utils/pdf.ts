import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** Page count and the text of every page of a PDF, read with pdf.js as a viewer would. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, disableFontFace: true }).promise
  const texts: string[] = []
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await pdf.destroy()
  return { pages: pdf.numPages, text: texts.join('\n') }
}
