import { type JourneyFlowEdge, STEP_ENDS } from '../flow/adapter.js'
import type { Point } from '../flow/layout.js'
import { SWITCH_LABEL, stepBetween, switchWords } from '../flow/stepPath.js'
import type { Translate } from './boardSvgCard.js'
import { type Measure, escaped, round, svgText } from './svgText.js'

const ACCENT = '#b85c00' // --accent-strong: white text on it
const LABEL = { font: SWITCH_LABEL.font, height: SWITCH_LABEL.height, pad: SWITCH_LABEL.pad }

/**
 * The journey path as SVG, as JourneyEdge draws it: each step in its persona's colour with React Flow's closed arrow
 * at its end, the same curve (or the way round, for a step back), a channel switch thicker and dashed with its
 * "physical → digital" label, and other personas' paths faded under the selected one's. `edges` come from docToFlow
 * (faded ones first); `at` holds the cards' corners.
 */
export function journeySvg(edges: readonly JourneyFlowEdge[], at: ReadonlyMap<string, Point>, t: Translate, measure: Measure): { steps: string; labels: string } {
  const colours = [...new Set(edges.map((edge) => edge.data!.color))]
  const markers = colours.map((colour, i) => `<marker id="step-end-${i}" markerWidth="5" markerHeight="5" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto" refX="0" refY="0">`
    + `<polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${escaped(colour)}" stroke="${escaped(colour)}" stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/></marker>`)
  const steps: string[] = []
  const labels: string[] = []
  for (const edge of edges) {
    const from = at.get(edge.source)
    const to = at.get(edge.target)
    if (!from || !to) continue
    const { color, faded, switch: zigzag } = edge.data!
    const [d, midX, midY] = stepBetween(from, to, STEP_ENDS, edge.data!.corridor)
    const { x: labelX, y: labelY } = edge.data!.labelAt ?? { x: midX, y: midY }
    const look = zigzag ? ' stroke-width="4.5" stroke-dasharray="10 6"' : ' stroke-width="3"'
    steps.push(`<path class="journey-step${zigzag ? ' journey-step--switch' : ''}" d="${d}" fill="none" stroke="${escaped(color)}"${look}`
      + ` marker-end="url(#step-end-${colours.indexOf(color)})"${faded ? ' opacity="0.22"' : ''}/>`)
    if (zigzag && !faded) labels.push(switchLabel(switchWords(zigzag.to, t), labelX, labelY, measure))
  }
  return { steps: `<defs>${markers.join('')}</defs><g class="journey">${steps.join('')}</g>`, labels: `<g class="journey-switches">${labels.join('')}</g>` }
}

/** "⇄ physical → digital" on an orange pill centred on its spot (the step's middle unless a card is there). */
function switchLabel(text: string, x: number, y: number, measure: Measure): string {
  const width = measure(text, LABEL.font) + 2 * LABEL.pad
  return `<g class="channel-switch"><rect x="${round(x - width / 2)}" y="${round(y - LABEL.height / 2)}" width="${round(width)}" height="${LABEL.height}" rx="${LABEL.height / 2}" fill="${ACCENT}"/>`
    + `${svgText(text, x, y + 4, LABEL.font, '#ffffff', 'text-anchor="middle"')}</g>`
}
