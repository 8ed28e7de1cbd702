import { type EmotionPoint, OUTCOMES, type Outcome } from '../../shared/model/index.js'
import { BAND_STROKE, BAND_Y, INK, LABEL_SPACE, PAD_Y, curvePath } from '../flow/EmotionCurveNode.js'
import { CURVE_ROOM, type CurveLabel, LABEL_FONT, LABEL_ROW, curveLabels } from '../flow/curveLabels.js'
import { CURVE_HEIGHT, GRID } from '../flow/layout.js'
import { OUTCOME_COLOR, OUTCOME_TEXT_COLOR } from '../ui/OutcomeIcon.js'
import { face, type Translate } from './boardSvgCard.js'
import { type Measure, direction, escaped, round, svgText } from './svgText.js'

/**
 * The emotion curve under the grid as SVG, with EmotionCurveNode's geometry: the three outcome bands, the selected
 * persona's curve in its colour, a face on each rated point (larger for the highest highs and lowest lows) and the
 * touchpoints' names under it; on a journey too long for names, dots. `y` is the curve's top in the board.
 */
export function curveSvg(points: readonly EmotionPoint[], colour: string, y: number, width: number, t: Translate, measure: Measure): string {
  const left = GRID.laneHeaderWidth
  const plotHeight = CURVE_HEIGHT - PAD_Y - LABEL_SPACE - 10
  const yOf = (score: number) => y + PAD_Y + ((1 - score) / 2) * plotHeight
  const step = points.length ? (width - left) / points.length : 0
  const xOf = (i: number) => left + step * (i + 0.5)
  const scores = points.flatMap((p) => (p.score === null ? [] : [p.score]))
  const high = scores.length ? Math.max(...scores) : null
  const low = scores.length ? Math.min(...scores) : null
  const labels = curveLabels(points.map((p) => (p.momentOfTruth ? `★ ${p.title}` : p.title)), { xOf, step, bottom: y + CURVE_HEIGHT, left: 8, right: width - 8 }, measure)
  const dot = Math.max(3, Math.min(8, step / 2))
  const parts = [
    `<rect x="0.5" y="${y + 0.5}" width="${width - 1}" height="${CURVE_HEIGHT - 1}" rx="14" fill="#ffffff" stroke="${INK.line}"/>`,
    svgText(t('curve.heading'), 16, y + 24, { weight: 800, size: 20 }, INK.text),
  ]
  for (const outcome of OUTCOMES) {
    const bandY = yOf(BAND_Y[outcome])
    parts.push(`<line x1="${left}" y1="${round(bandY)}" x2="${width - 12}" y2="${round(bandY)}" stroke="${BAND_STROKE[outcome]}" stroke-width="1.5" stroke-dasharray="4 6"/>`,
      face(outcome, 16, bandY - 11, 22), svgText(t(`outcome.${outcome}`), 44, bandY + 5, { weight: 800, size: 15 }, OUTCOME_TEXT_COLOR[outcome]))
  }
  const path = curvePath(points.map((p, i) => (p.score === null ? null : { x: round(xOf(i)), y: round(yOf(p.score)) })))
  if (path) parts.push(`<path class="emotion-curve" d="${path}" fill="none" stroke="${colour}" stroke-width="5" stroke-linecap="round"/>`)
  const unrated = (x: number) => svgText('?', x, yOf(0) + 5, { weight: 800, size: 16 }, '#aab2c2', 'text-anchor="middle"')
  points.forEach((p, i) => {
    const x = xOf(i)
    const peak = p.score === high || p.score === low
    if (p.score === null || !p.outcome) {
      if (labels.length > 0 || step >= CURVE_ROOM.unrated) parts.push(unrated(x))
    } else if (labels.length > 0 || step >= CURVE_ROOM.face) parts.push(ring(p.outcome, x, yOf(p.score), peak))
    else parts.push(`<circle cx="${round(x)}" cy="${round(yOf(p.score))}" r="${peak ? dot + 2 : dot}" fill="${OUTCOME_COLOR[p.outcome]}" stroke="#ffffff"/>`)
    if (labels[i]) parts.push(labelSvg(labels[i]))
  })
  if (points.length === 0) parts.push(svgText(t('curve.empty'), left + 20, yOf(0) - 10, { weight: 400, size: 16 }, INK.soft))
  return `<g class="emotion-curve">${parts.join('')}</g>`
}

/** A rated point: a ring in its outcome's colour around its face, larger for the highest highs and lowest lows. */
function ring(outcome: Outcome, x: number, y: number, peak: boolean): string {
  return `<circle cx="${round(x)}" cy="${round(y)}" r="${peak ? 15 : 12}" fill="#ffffff" stroke="${OUTCOME_COLOR[outcome]}" stroke-width="3"/>${face(outcome, x - 10, y - 10, 20)}`
}

/** A touchpoint's name under its point, as EmotionCurveNode draws it: its lines, and the whole name as a tooltip where they cut it. */
function labelSvg({ lines, x, y, anchor, text, cut }: CurveLabel): string {
  // A Hebrew or Arabic name reads right to left, its anchor mirrored so that it stays on the same side of its point.
  const { extra } = direction(text, x, `text-anchor="${anchor}"`)
  const spans = lines.map((line, i) => `<tspan x="${round(x)}" y="${round(y + i * LABEL_ROW)}">${escaped(line)}</tspan>`).join('')
  return `<text font-size="${LABEL_FONT.size}" font-weight="${LABEL_FONT.weight}" fill="${INK.text}" ${extra}>${cut ? `<title>${escaped(text)}</title>` : ''}${spans}</text>`
}
