import { useViewport } from '@xyflow/react'
import { useBoard } from '../board/BoardContext.js'
import { useCursors } from '../sync/useCursors.js'
import { FlowPortal } from './FlowPortal.js'

/**
 * Up to this many cursors glide from one position to the next (a CSS
 * transition); more jump. Each position restarts every moving cursor's
 * transition, and with 100 people pointing at 20 Hz that kept a page's main
 * thread 62 % busy against 24 % without (docs/performance.md, "A crowd").
 * Every cursor is a compositor layer of its own (`will-change` in
 * styles.css): drawn into the board's layer instead, 100 moving cursors had
 * the board re-rastered under them, and the page made 13 frames a second.
 */
export const SMOOTH_CURSORS_MAX = 10

/** Everyone else's live cursor with their name, drawn in flow coordinates at a constant screen size. */
export function Cursors() {
  const { awareness } = useBoard()
  const shown = useCursors(awareness)
  const { zoom } = useViewport()
  const className = shown.length <= SMOOTH_CURSORS_MAX ? 'cursor cursor--smooth' : 'cursor'
  return (
    <FlowPortal layer="viewport-portal">
      {shown.map((p) => (
        <div key={p.clientId} className={className} data-testid="remote-cursor"
          style={{ transform: `translate(${p.x}px, ${p.y}px) scale(${1 / zoom})` }}>
          <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
            <path d="M1 1v17l5-4.5 3.5 7 3-1.5-3.5-6.8H16z" fill={p.color} stroke="#fff" strokeWidth="1.5" />
          </svg>
          <span className="cursor__name" style={{ background: p.color }}>{p.name}</span>
        </div>
      ))}
    </FlowPortal>
  )
}
