import { breakingLongWords, contentStart } from './reportLayout.js'

/**
 * pdfmake's lightHorizontalLines (lines between rows, a heavier one under the header), with every column padded on
 * both sides: that layout leaves the first and last columns unpadded, so their text touched the header row's dark
 * fill at its edges.
 */
const TABLE_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows: number } }) =>
    i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 2 : 1,
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i === 1 ? 'black' : '#aaa'),
  paddingLeft: () => 6,
  paddingRight: () => 6,
}

/** A table cell: its text, or its text in a colour. */
export type TableCell = string | { text: string; color: string }

/**
 * A table whose header row comes again on every page it runs onto. One whose rows are `short` (names and single
 * entries, never near a page's height: a journey's stops, the ranking) keeps each row on one page: a journey's first
 * stop was cut in two by a page break, its touchpoint's name on one page and the rest on the next (QA). One that
 * `namesItself` (its header row says what it is about, no heading does: a card's factor entries) also keeps that row
 * with the next. (pdfmake's dontBreakRows leaves a row taller than a page out of the document, so the other tables,
 * whose rows may hold long texts, let rows break across pages. keepWithHeaderRows under a heading kept with the table's
 * first row, a persona's name, left the name alone at the page's foot.)
 */
export function table(
  header: (string | Record<string, unknown>)[], rows: TableCell[][], widths: (number | string)[], keep: false | 'short' | 'namesItself' = false,
  /** A row above the header, across every column, saying what the table is about (a persona's name): it names itself. */
  title?: Record<string, unknown>,
): Record<string, unknown> {
  const cell = (content: TableCell) => (typeof content === 'string' ? breakingLongWords(content) : content)
  // The first row marks where the table's content starts, so that its heading keeps to that row's page.
  const body = rows.map((row, i) => row.map((content) => (i === 0 ? contentStart(cell(content)) : cell(content))))
  const head = header.map((content) => ({ ...(typeof content === 'string' ? { text: content } : content), style: 'head' }))
  return {
    table: {
      headerRows: title ? 2 : 1, ...(keep ? { dontBreakRows: true } : {}), ...(keep === 'namesItself' || title ? { keepWithHeaderRows: 1 } : {}), widths,
      body: [...(title ? [[{ ...title, colSpan: widths.length }, ...widths.slice(1).map(() => ({}))]] : []), head, ...body],
    },
    layout: TABLE_LAYOUT,
    margin: [0, 0, 0, 8],
  }
}
