import { GRID, type GridLayout } from '../flow/layout.js'
import { LANE_NAME, LANE_NAME_LONG_WORD, hasWordWiderThanLane } from '../flow/laneName.js'
import type { Translate } from './boardSvgCard.js'
import { type Measure, round, svgLines, svgText, wrapped } from './svgText.js'

/**
 * The board's grid as SVG, as GridNode, PhaseHeader and LaneHeader draw it with styles.css: the dark header row with
 * the phase names (two lines at most, cut with "…"), the lane headers in their channel's tint with the name (three
 * lines at most) and a physical or digital chip, and the cells, warm for physical lanes and cool for digital ones.
 */
const INK = '#1f2a44'
const LINE = '#d9dee8'
const TINT = {
  lane: { physical: '#f5e7cf', digital: '#d9e7f8' },
  cell: { physical: '#fbf3e6', digital: '#eaf2fb' },
  chip: { physical: '#9e6a2a', digital: '#3571c0' },
} as const
const PHASE = { font: { weight: 700, size: 19 }, lineHeight: 22.8, lines: 2, pad: 12 }
const LANE = { font: LANE_NAME.font, lineHeight: 20.4, lines: 3, padX: 14, padY: 12, gap: 8 }
const CHANNEL_CHIP = { font: { weight: 700, size: 11 }, height: 17, pad: 10, spacing: 0.55 }
const RADIUS = 14

export function gridSvg(layout: Omit<GridLayout, 'cards'>, t: Translate, measure: Measure): string {
  const { columns, rows, width, height } = layout
  const parts: string[] = []
  for (const row of rows) {
    for (const column of columns) {
      parts.push(`<rect x="${column.x}" y="${row.y}" width="${column.width}" height="${row.height}" fill="${TINT.cell[row.channel]}"/>`,
        `<rect x="${column.x}" y="${row.y}" width="${column.width}" height="1" fill="${LINE}"/>`,
        `<line x1="${column.x + 0.5}" y1="${row.y}" x2="${column.x + 0.5}" y2="${row.y + row.height}" stroke="#cfd5e1" stroke-dasharray="3 3"/>`)
    }
  }
  rows.forEach((row, i) => {
    const startsGroup = i > 0 && rows[i - 1]!.channel !== row.channel
    const border = startsGroup ? 3 : 1
    parts.push(`<g class="lane" data-channel="${row.channel}">`,
      `<rect x="0" y="${row.y}" width="${GRID.laneHeaderWidth}" height="${row.height}" fill="${TINT.lane[row.channel]}"/>`,
      `<rect x="0" y="${row.y}" width="${GRID.laneHeaderWidth}" height="${border}" fill="${startsGroup ? INK : LINE}"/>`)
    // As on the board: smaller where a word would not fit at the usual size (LaneHeader).
    const font = hasWordWiderThanLane(row.name, measure) ? LANE_NAME_LONG_WORD : LANE.font
    const lineHeight = LANE.lineHeight * (font.size / LANE.font.size)
    const room = GRID.laneHeaderWidth - 2 * LANE.padX
    const lines = wrapped(row.name, font, room, LANE.lines, measure)
    const block = lines.length * lineHeight + LANE.gap + CHANNEL_CHIP.height
    const top = row.y + border + LANE.padY + (row.height - border - 2 * LANE.padY - block) / 2
    // A Hebrew or Arabic name set against the header's right side, as the board aligns it (dir="auto").
    parts.push(svgLines(lines, LANE.padX, top + baseline(font.size, lineHeight), lineHeight, font, INK, '', room))
    const label = t(`grid.${row.channel}`).toLocaleUpperCase()
    const chipWidth = measure(label, CHANNEL_CHIP.font) + CHANNEL_CHIP.spacing * [...label].length + 2 * CHANNEL_CHIP.pad
    const chipTop = top + lines.length * lineHeight + LANE.gap
    parts.push(`<rect x="${LANE.padX}" y="${round(chipTop)}" width="${round(chipWidth)}" height="${CHANNEL_CHIP.height}" rx="${CHANNEL_CHIP.height / 2}" fill="${TINT.chip[row.channel]}"/>`,
      svgText(label, LANE.padX + chipWidth / 2, chipTop + 12.5, CHANNEL_CHIP.font, '#ffffff', `text-anchor="middle" letter-spacing="${CHANNEL_CHIP.spacing}"`),
      '</g>')
  })
  // The header row: the corner over the lane headers and the phases, round at its two top corners.
  const right = Math.max(width, GRID.laneHeaderWidth)
  parts.push(`<path d="M0,${GRID.headerHeight}V${RADIUS}A${RADIUS},${RADIUS} 0 0 1 ${RADIUS},0H${right - RADIUS}A${RADIUS},${RADIUS} 0 0 1 ${right},${RADIUS}V${GRID.headerHeight}Z" fill="${INK}"/>`)
  for (const column of columns) {
    const lines = wrapped(column.name, PHASE.font, column.width - 1 - 2 * PHASE.pad, PHASE.lines, measure)
    const top = (GRID.headerHeight - lines.length * PHASE.lineHeight) / 2
    parts.push(`<g class="phase"><rect x="${column.x}" y="0" width="1" height="${GRID.headerHeight}" fill="#ffffff" fill-opacity="0.15"/>`,
      svgLines(lines, column.x + column.width / 2, top + baseline(PHASE.font.size, PHASE.lineHeight), PHASE.lineHeight, PHASE.font, '#ffffff', 'text-anchor="middle"'),
      '</g>')
  }
  return `<g class="grid" data-height="${height}">${parts.join('')}</g>`
}

/** Where the first baseline sits in a line box of `lineHeight` for text of `size` (a sans-serif font's ascent and descent). */
export const baseline = (size: number, lineHeight: number) => (lineHeight - size * 1.15) / 2 + size * 0.92
