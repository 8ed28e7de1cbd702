import { OUTCOMES, type Outcome, type RatingDistribution } from '../../shared/model/index.js'
import type { TouchpointNodeData } from '../flow/adapter.js'
import { GRID } from '../flow/layout.js'
import { MOUTH, OUTCOME_COLOR } from '../ui/OutcomeIcon.js'
import { type Font, type Measure, escaped, fitted, round, svgLines, svgText, wrapped } from './svgText.js'

/**
 * One touchpoint card as SVG, drawn as the board's `.card` (styles.css) looks: the channel's colour on the left
 * (dashed for an indirect touchpoint), the kind, status and moment-of-truth chips, the title in up to two lines cut
 * with "…", and the ratings of a moment of truth (or the owning department) and the stardust at the bottom. Numbers
 * are the stylesheet's boxes: 1 px border, 6 px on the left, padding 8 12, a 4 px gap between the rows.
 */
export type Translate = (key: string) => string

const W = GRID.cardWidth, H = GRID.cardHeight
const LEFT = 6, PAD_X = 12, TOP = 9
const INNER = W - LEFT - 1 - 2 * PAD_X
const CHIP = { font: { weight: 800, size: 10 }, height: 16, pad: 5, gap: 4, spacing: 0.3 }
const TITLE = { font: { weight: 700, size: 17 }, top: TOP + CHIP.height + 4, lineHeight: 21.25, baseline: 16.5, lines: 2 }
const BOTTOM = { top: H - 1 - 8 - 22, middle: H - 1 - 8 - 11 }
const STRONG = { physical: '#9e6a2a', digital: '#3571c0' } as const
const CHIP_COLOURS: Record<string, [fill: string, ink: string]> = {
  direct: ['#eef1f6', '#53607a'], indirect: ['#f1e9fb', '#6c3fa5'],
  new: ['#eef1f6', '#53607a'], keep: ['#e6f4ec', '#23744f'], refine: ['#fff3dc', '#9a5b00'], retire: ['#f3e3e3', '#9c2f2f'],
  mot: ['#1f2a44', '#ffd27a'],
}
const COUNT_INK: Record<Outcome, string> = { disappointing: '#b43434', ok: '#5b6475', delighting: '#23744f' }

export function cardSvg(id: string, x: number, y: number, data: TouchpointNodeData, t: Translate, measure: Measure): string {
  const { touchpoint, channel } = data
  const retired = touchpoint.status === 'retire'
  const strong = STRONG[channel]
  const side = touchpoint.kind === 'indirect'
    ? `<rect width="20" height="${H}" rx="10" fill="#ffffff"/><line x1="3" y1="6" x2="3" y2="${H - 6}" stroke="${strong}" stroke-width="6" stroke-dasharray="12 6"/>`
    : `<rect width="20" height="${H}" rx="10" fill="${strong}"/>`
  const body = `<path d="M${LEFT},1H${W - 10}A9,9 0 0 1 ${W - 1},10V${H - 10}A9,9 0 0 1 ${W - 10},${H - 1}H${LEFT}Z" fill="#ffffff"/>`
  const title = wrapped(touchpoint.title || t('touchpoint.untitled'), TITLE.font, INNER, TITLE.lines, measure)
  const parts = [
    `<rect width="${W}" height="${H}" rx="10" fill="#e3e7ef"/>`, side, body,
    chips(touchpoint.kind, touchpoint.status, touchpoint.momentOfTruth, t, measure),
    // A retired card's title struck through where the renderer draws text-decoration (browsers do; rsvg does not).
    svgLines(title, LEFT + PAD_X, TITLE.top + TITLE.baseline, TITLE.lineHeight, TITLE.font, '#1f2a44',
      `class="card__title"${retired ? ' text-decoration="line-through"' : ''}`, INNER),
    bottomRow(data, t, measure),
  ]
  return `<g class="card" data-touchpoint-id="${escaped(id)}" transform="translate(${round(x)} ${round(y)})"${retired ? ' opacity="0.6"' : ''}>${parts.join('')}</g>`
}

/** Chips that shrink (the kind and the status) share the row's room in proportion to their widths, as flex-shrink does. */
function chips(kind: string, status: string, moment: boolean, t: Translate, measure: Measure): string {
  const all = [
    { key: kind, label: t(`touchpoint.${kind}`), shrinks: true },
    { key: status, label: t(`status.${status}`), shrinks: true },
    ...(moment ? [{ key: 'mot', label: `★ ${t('rating.motShort')}`, shrinks: false }] : []),
  ].map((chip) => ({ ...chip, label: chip.label.toLocaleUpperCase(), width: chipWidth(chip.label.toLocaleUpperCase(), measure) }))
  const fixed = all.filter((c) => !c.shrinks).reduce((sum, c) => sum + c.width, 0) + CHIP.gap * (all.length - 1)
  const shrinking = all.filter((c) => c.shrinks).reduce((sum, c) => sum + c.width, 0)
  const scale = Math.min(1, (INNER - fixed) / shrinking)
  let x = LEFT + PAD_X
  return all.map((chip) => {
    const width = chip.shrinks ? chip.width * scale : chip.width
    const label = width < chip.width ? fitted(chip.label, CHIP.font, width - 2 * CHIP.pad, spaced(measure)) : chip.label
    const svg = pill(label, x, TOP, width, CHIP.height, CHIP.font, CHIP_COLOURS[chip.key] ?? CHIP_COLOURS.new!, CHIP.spacing)
    x += width + CHIP.gap
    return svg
  }).join('')
}

const spaced = (measure: Measure): Measure => (text, font) => measure(text, font) + CHIP.spacing * [...text].length
const chipWidth = (label: string, measure: Measure) => spaced(measure)(label, CHIP.font) + 2 * CHIP.pad

/** A rounded label: `height` high, its text centred on it. */
function pill(label: string, x: number, y: number, width: number, height: number, font: Font, [fill, ink]: [string, string], spacing = 0): string {
  return `<rect x="${round(x)}" y="${y}" width="${round(width)}" height="${height}" rx="${height / 2}" fill="${fill}"/>`
    + svgText(label, x + width / 2, y + height / 2 + font.size * 0.36, font, ink, `text-anchor="middle"${spacing ? ` letter-spacing="${spacing}"` : ''}`)
}

/** The bottom row: the ratings (or the department) on the left, the stardust count on the right. */
function bottomRow(data: TouchpointNodeData, t: Translate, measure: Measure): string {
  const font = { weight: 800, size: 13 }
  const stardust = data.stardust > 0 ? `✦ ${data.stardust}` : ''
  const stardustWidth = stardust ? measure(stardust, font) + 16 : 0
  const right = LEFT + PAD_X + INNER
  const parts = stardust ? [pill(stardust, right - stardustWidth, BOTTOM.middle - 9, stardustWidth, 18, font, ['#fff6e0', '#946312'])] : []
  if (data.distribution) parts.push(ratings(data.distribution, t, measure))
  else if (data.touchpoint.department) {
    const room = INNER - stardustWidth - (stardust ? 6 : 0)
    const department = fitted(data.touchpoint.department, { weight: 400, size: 12 }, room, measure)
    parts.push(svgText(department, LEFT + PAD_X, BOTTOM.middle + 4, { weight: 400, size: 12 }, '#53607a'))
  }
  return parts.join('')
}

/** "☹ 2 😐 5 ☺ 1" as RatingSummary draws it, and "⚡ split" when the room is split. */
function ratings(distribution: RatingDistribution, t: Translate, measure: Measure): string {
  const font = { weight: 800, size: 13 }
  let x = LEFT + PAD_X
  const parts: string[] = []
  for (const outcome of OUTCOMES) {
    parts.push(face(outcome, x, BOTTOM.middle - 7.5, 15, distribution[outcome] > 0))
    const count = String(distribution[outcome])
    parts.push(svgText(count, x + 17, BOTTOM.middle + 4.5, font, COUNT_INK[outcome]))
    x += 17 + measure(count, font) + 6
  }
  if (distribution.disagreement) {
    const label = `⚡ ${t('rating.disagreement')}`.toLocaleUpperCase()
    const small = { weight: 800, size: 11 }
    parts.push(pill(label, x, BOTTOM.middle - 8, measure(label, small) + 14, 16, small, ['#fff0c2', '#7a4d00']))
  }
  return parts.join('')
}

/** An outcome's face (OutcomeIcon) `size` wide with its top-left corner at x, y. */
export function face(outcome: Outcome, x: number, y: number, size: number, filled = true): string {
  const colour = OUTCOME_COLOR[outcome]
  const ink = filled ? '#ffffff' : colour
  return `<g transform="translate(${round(x)} ${round(y)}) scale(${round(size / 24)})">`
    + `<circle cx="12" cy="12" r="10.5" fill="${filled ? colour : '#ffffff'}" stroke="${colour}" stroke-width="1.5"/>`
    + `<circle cx="8.5" cy="9.5" r="1.4" fill="${ink}"/><circle cx="15.5" cy="9.5" r="1.4" fill="${ink}"/>`
    + `<path d="${MOUTH[outcome]}" fill="none" stroke="${ink}" stroke-width="1.8" stroke-linecap="round"/></g>`
}
