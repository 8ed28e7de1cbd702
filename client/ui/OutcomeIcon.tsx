import type { Outcome } from '../../shared/model/index.js'

export const OUTCOME_COLOR: Record<Outcome, string> = { disappointing: '#d64545', ok: '#7b8597', delighting: '#2f9e6b' }
/** The outcomes' colours for text on white, darker for 4.5:1 (5.0, 5.6, 5.3): the emotion curve's band names, on screen and exported. */
export const OUTCOME_TEXT_COLOR: Record<Outcome, string> = { disappointing: '#c93c3c', ok: '#5f6878', delighting: '#237a52' }
/** A face's mouth in its 24 × 24 box. */
export const MOUTH: Record<Outcome, string> = {
  disappointing: 'M7 16.5q5-4 10 0',
  ok: 'M7.5 15h9',
  delighting: 'M7 14q5 4.5 10 0',
}

/** A face per outcome (frown, flat, smile), so the outcome never depends on colour alone. */
export function OutcomeIcon({ outcome, size = 18, filled = true }: { outcome: Outcome; size?: number; filled?: boolean }) {
  const color = OUTCOME_COLOR[outcome]
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" className="outcome-icon">
      <circle cx="12" cy="12" r="10.5" fill={filled ? color : '#fff'} stroke={color} strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.4" fill={filled ? '#fff' : color} />
      <circle cx="15.5" cy="9.5" r="1.4" fill={filled ? '#fff' : color} />
      <path d={MOUTH[outcome]} fill="none" stroke={filled ? '#fff' : color} strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  )
}
