import type { BoardState } from '../../shared/model/index.js'
import { type CurveFlowNode, type TouchpointFlowNode, docToFlow } from '../flow/adapter.js'
import { CURVE_GAP, CURVE_HEIGHT, computeLayout } from '../flow/layout.js'
import { type Translate, cardSvg } from './boardSvgCard.js'
import { curveSvg } from './boardSvgCurve.js'
import { gridSvg } from './boardSvgGrid.js'
import { journeySvg } from './boardSvgPath.js'
import { switchLabelWidth } from '../flow/stepPath.js'
import { CAPTION_HEIGHT, type ImageCaption, captionStrip } from './imageCaption.js'
import { FAMILY, type Measure, canvasMeasure, escaped } from './svgText.js'

export interface BoardSvgInput {
  board: BoardState
  /** The persona whose journey path and emotion curve are drawn. */
  personaId: string
  /** Also draw the other personas' paths, faded, as the board does when it shows them. */
  showOthers: boolean
  caption?: ImageCaption
  /** Translations in the language of the export (the page's). */
  t: Translate
  /** Text widths in CSS pixels; the browser's canvas unless a test brings its own. */
  measure?: Measure
}

/** White room around the board, in the board's pixels. */
const MARGIN = 24

/**
 * The whole board as a vector picture drawn from its data, for slides and design tools: plain SVG shapes and text
 * (no HTML inside), in the board's own geometry (layout.ts) and colours. Top to bottom: the caption strip (board
 * title, "Journey of" the persona), the grid with its phase and lane headers, the journey path under the cards, the
 * cards, the channel-switch labels, and the emotion curve. The board's session state (selection, locks, votes,
 * someone's cursor) and the heatmap view are not part of it.
 */
export function boardSvg({ board, personaId, showOthers, caption, t, measure = canvasMeasure }: BoardSvgInput): string {
  const layout = computeLayout(board)
  const { nodes, edges } = docToFlow(board, layout, { personaId, showOthers, switchLabelWidth: switchLabelWidth(t, measure) })
  const cards = nodes.filter((node): node is TouchpointFlowNode => node.type === 'touchpoint')
  const curve = nodes.find((node): node is CurveFlowNode => node.type === 'curve')
  const at = new Map(cards.map((card) => [card.id, card.position]))
  const { steps, labels } = journeySvg(edges, at, t, measure)

  const boardHeight = layout.height + CURVE_GAP + CURVE_HEIGHT
  const width = layout.width + 2 * MARGIN
  const top = caption ? CAPTION_HEIGHT : 0
  const height = top + boardHeight + 2 * MARGIN
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escaped(FAMILY)}">`
    + `<title>${escaped(board.meta.title)}</title>`
    + `<rect width="${width}" height="${height}" fill="#ffffff"/>`
    + (caption ? captionStrip(caption, width, measure) : '')
    + `<g transform="translate(${MARGIN} ${top + MARGIN})">`
    + gridSvg(layout, t, measure)
    + steps
    + `<g class="cards">${cards.map((card) => cardSvg(card.id, card.position.x, card.position.y, card.data, t, measure)).join('')}</g>`
    + labels
    + (curve ? curveSvg(curve.data.points, curve.data.color, curve.position.y, layout.width, t, measure) : '')
    + '</g></svg>\n'
}
