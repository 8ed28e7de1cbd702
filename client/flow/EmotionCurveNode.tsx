import { canvasMeasure, rightToLeft, wrapped } from '../export/svgText.js'
import type { NodeProps } from '@xyflow/react'
import { memo, useMemo } from 'react'
import { OUTCOMES, type Outcome } from '../../shared/model/index.js'
import { OUTCOME_COLOR, OUTCOME_TEXT_COLOR, OutcomeIcon } from '../ui/OutcomeIcon.js'
import type { CurveFlowNode } from './adapter.js'
import { useCanvas } from './CanvasContext.js'
import { CURVE_ROOM, type CurveLabel, LABEL_ROW, curveLabels } from './curveLabels.js'
import { CURVE_HEIGHT, GRID } from './layout.js'

export const PAD_Y = 48
export const LABEL_SPACE = 40
export const BAND_Y: Record<Outcome, number> = { delighting: 1, ok: 0, disappointing: -1 }
/*
 * Colours as SVG attributes, not only CSS: image export (html-to-image)
 * copies the SVG as it is, and a fill that lives only in a stylesheet comes
 * out black.
 */
export const INK = { text: '#1f2a44', soft: '#53607a', line: '#d9dee8' }
export const BAND_STROKE: Record<Outcome, string> = { disappointing: '#e8a0a0', ok: '#c3c9d4', delighting: '#9fd4b9' }
/**
 * The emotion curve under the grid: the rated outcome of each touchpoint in
 * the order the selected persona meets them, from disappointing (bottom) to
 * delighting (top), so the highest highs and lowest lows stand out.
 */
function EmotionCurveView({ data, width }: NodeProps<CurveFlowNode>) {
  // The canvas's cached lookup: the curve renders again for every rating on the board, and i18next's own took most of it.
  const { t } = useCanvas()
  const { points, color } = data
  const w = width ?? 800
  const left = GRID.laneHeaderWidth
  const plotTop = PAD_Y
  const plotHeight = CURVE_HEIGHT - PAD_Y - LABEL_SPACE - 10
  const yOf = (score: number) => plotTop + ((1 - score) / 2) * plotHeight
  const step = points.length ? (w - left) / points.length : 0
  const xOf = (i: number) => left + step * (i + 0.5)
  const rated = points.map((p, i) => ({ ...p, x: xOf(i) })).filter((p) => p.score !== null)
  const scores = rated.map((p) => p.score as number)
  const high = scores.length ? Math.max(...scores) : null
  const low = scores.length ? Math.min(...scores) : null
  // Measured text: laid out again only when a name or the curve's width changes, not for every rating.
  const names = JSON.stringify(points.map((p) => (p.momentOfTruth ? `★ ${p.title}` : p.title)))
  const labels = useMemo(() => curveLabels(JSON.parse(names) as string[], { xOf, step, bottom: CURVE_HEIGHT, left: 8, right: w - 8 }, canvasMeasure), [names, w]) // eslint-disable-line react-hooks/exhaustive-deps -- xOf and step follow from w and the names' count
  const faces = step >= CURVE_ROOM.face
  const unrated = step >= CURVE_ROOM.unrated
  const dot = Math.max(3, Math.min(8, step / 2))

  return (
    <div className="curve" data-testid="emotion-curve" data-points={rated.map((p) => p.score!.toFixed(2)).join(',')}
      data-touchpoints={points.map((p) => p.touchpointId).join(',')}>
      <svg width={w} height={CURVE_HEIGHT} role="img" aria-label={t('curve.heading')}>
        <rect x={0} y={0} width={w} height={CURVE_HEIGHT} rx={14} className="curve__bg" fill="#ffffff" stroke={INK.line} />
        <text x={16} y={24} className="curve__title" fill={INK.text}>{t('curve.heading')}</text>
        {OUTCOMES.map((o) => (
          <g key={o}>
            <line x1={left} x2={w - 12} y1={yOf(BAND_Y[o])} y2={yOf(BAND_Y[o])} className={`curve__line curve__line--${o}`} stroke={BAND_STROKE[o]} />
            <svg x={16} y={yOf(BAND_Y[o]) - 11} width={22} height={22}><OutcomeIcon outcome={o} size={22} /></svg>
            <text x={44} y={yOf(BAND_Y[o]) + 5} className="curve__band" fill={OUTCOME_TEXT_COLOR[o]}>{t(`outcome.${o}`)}</text>
          </g>
        ))}
        <path d={curvePath(points.map((p, i) => (p.score === null ? null : { x: xOf(i), y: yOf(p.score) })))} className="curve__path" stroke={color} fill="none" />
        {points.map((p, i) => {
          const x = xOf(i)
          const peak = p.score === high || p.score === low
          const label = labels[i]
          if (!label) {
            // A long journey: a dot per rated point, nothing for the unrated ones unless a "?" still fits.
            if (p.score === null || !p.outcome) {
              return unrated ? <text key={p.touchpointId} x={x} y={yOf(0) + 5} textAnchor="middle" className="curve__unrated" fill="#aab2c2">?</text> : null
            }
            return faces
              ? <Face key={p.touchpointId} x={x} y={yOf(p.score)} outcome={p.outcome} peak={peak} title={p.title} />
              : (
                <circle key={p.touchpointId} cx={x} cy={yOf(p.score)} r={peak ? dot + 2 : dot} fill={OUTCOME_COLOR[p.outcome]} stroke="#fff" strokeWidth={1} className="curve__dot">
                  <title>{p.title}</title>
                </circle>
              )
          }
          return (
            <g key={p.touchpointId}>
              {p.score !== null && p.outcome && <Face x={x} y={yOf(p.score)} outcome={p.outcome} peak={peak} />}
              <PointLabel label={label} />
              {p.score === null && <text x={x} y={yOf(0) + 5} textAnchor="middle" className="curve__unrated" fill="#aab2c2">?</text>}
            </g>
          )
        })}
        {points.length === 0 && <EmptyHint x={left + 20} bottom={yOf(0) - 8} room={w - left - 36} text={t('curve.empty')} />}
      </svg>
    </div>
  )
}

/** A rated point: a ring in its outcome's colour around its face, larger for the highest highs and lowest lows. */
function Face({ x, y, outcome, peak, title }: { x: number; y: number; outcome: Outcome; peak: boolean; title?: string }) {
  return (
    <g>
      {title && <title>{title}</title>}
      <circle cx={x} cy={y} r={peak ? 15 : 12} fill="#fff" stroke={OUTCOME_COLOR[outcome]} strokeWidth={3} />
      <svg x={x - 10} y={y - 10} width={20} height={20}><OutcomeIcon outcome={outcome} size={20} /></svg>
    </g>
  )
}

/** Smooth segments through the rated points; an unrated touchpoint breaks the line. */
export function curvePath(points: ({ x: number; y: number } | null)[]): string {
  let d = ''
  let prev: { x: number; y: number } | null = null
  for (const p of points) {
    if (!p) { prev = null; continue }
    if (!prev) d += `M${p.x},${p.y}`
    else d += `C${(prev.x + p.x) / 2},${prev.y} ${(prev.x + p.x) / 2},${p.y} ${p.x},${p.y}`
    prev = p
  }
  return d
}

/**
 * A touchpoint's name under its point, shortened to the room it has (centred
 * on the point); the last ones end at the curve's right edge instead of
 * reaching past it.
 */
const EMPTY_FONT = { weight: 400, size: 16 }
const EMPTY_LINE = 20

/** What draws the curve, above the middle band, on as many lines as the curve's width needs (an SVG text does not wrap; German is long). */
function EmptyHint({ x, bottom, room, text }: { x: number; bottom: number; room: number; text: string }) {
  const lines = wrapped(text, EMPTY_FONT, room, 3, canvasMeasure)
  return (
    <text x={x} y={bottom - (lines.length - 1) * EMPTY_LINE} className="curve__empty" fill={INK.soft} data-testid="curve-empty">
      {lines.map((line, i) => <tspan key={i} x={x} dy={i === 0 ? 0 : EMPTY_LINE}>{line}</tspan>)}
    </text>
  )
}

/** A touchpoint's name under its point, on one or two lines; where they cut it, the whole name shows on hover. */
function PointLabel({ label }: { label: CurveLabel }) {
  // A Hebrew or Arabic name reads right to left ("?" at its left end), its anchor mirrored to stay on the same side.
  const rtl = rightToLeft(label.text)
  const anchor = !rtl || label.anchor === 'middle' ? label.anchor : label.anchor === 'start' ? 'end' : 'start'
  return (
    <text x={label.x} y={label.y} textAnchor={anchor} className="curve__label" fill={INK.text} {...(rtl ? { direction: 'rtl', unicodeBidi: 'embed' } : {})}>
      {label.cut && <title>{label.text}</title>}
      {label.lines.map((line, i) => <tspan key={i} x={label.x} y={label.y + i * LABEL_ROW}>{line}</tspan>)}
    </text>
  )
}

export const EmotionCurveNode = memo(EmotionCurveView)
