import type { Plugin } from 'vite'

/** The key of the function pdfmake calls on each laid-out line (client/export/pdfBidi.ts sets it before printing). */
export const LINE_ORDER_HOOK = 'zigzag.pdfLineOrder'

/** Where pdfmake's browser build lines up a finished line (ElementWriter.alignLine), before it aligns it. */
const ALIGN_LINE = /\n(\s*)alignLine\(line\) \{\n/

/**
 * pdfmake lays out a line's words left to right in the order they were written: it has no right-to-left support.
 * Bidirectional text can only be put in display order once the lines are broken, so this patch lets the report's
 * code see each line as pdfmake finishes it (to move its words, never to change them). The build fails if a new
 * pdfmake no longer has the spot.
 */
export function pdfmakeLineOrder(): Plugin {
  return {
    name: 'zigzag:pdfmake-line-order',
    transform(code, id) {
      if (!/pdfmake[\\/]build[\\/]pdfmake(\.min)?\.js$/.test(id)) return null
      const found = code.match(ALIGN_LINE)
      if (!found || code.split(ALIGN_LINE).length !== 3) throw new Error('pdfmake: no single ElementWriter.alignLine to patch for right-to-left text')
      const hook = `${found[1]}  globalThis[Symbol.for(${JSON.stringify(LINE_ORDER_HOOK)})]?.(line);\n`
      return { code: code.replace(ALIGN_LINE, (all) => all + hook), map: null }
    },
  }
}
