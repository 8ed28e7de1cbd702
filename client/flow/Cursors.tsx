import { useViewport } from '@xyflow/react'
import { useCallback, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { useBoard } from '../board/BoardContext.js'
import { cursorCount, cursors, sameCursors } from '../sync/presence.js'
import { useAwarenessValue } from '../sync/useAwarenessValue.js'
import { CursorCanvas } from './CursorCanvas.js'
import { FlowPortal } from './FlowPortal.js'
import { textOn } from '../ui/textOn.js'

/**
 * Up to this many cursors are elements that glide from one position to the
 * next (a CSS transition on a compositor layer of their own); more are a
 * crowd, drawn on one canvas by a worker (CursorCanvas) until it breaks up
 * (CROWD_BREAKS_UP_AT). As elements, 100 people pointing at 20 Hz kept a
 * page's main thread busy with a render, a layer, a style and a hit-test
 * entry per cursor (docs/performance.md, "A crowd on the board"). A few stay elements: a canvas over the whole board
 * is redrawn and composited whole on every move, which costs more than a few
 * small layers where the browser composites in software.
 */
export const SMOOTH_CURSORS_MAX = 10
/**
 * A crowd breaks up only once this many cursors are on the board or fewer:
 * cursors come and go as people's pointers leave the board for a panel, and
 * a room of about SMOOTH_CURSORS_MAX people would otherwise switch between
 * the two ways of drawing them (and start a worker) again and again.
 */
export const CROWD_BREAKS_UP_AT = SMOOTH_CURSORS_MAX - 3

/**
 * Everyone else's live cursor with their name, at a constant screen size; with `roles`, only the cursors of people in
 * those roles (the projector shows the facilitator's pointer, not the room's), always few enough to be elements.
 */
export function Cursors({ roles }: { roles?: ReadonlySet<string> }) {
  const { awareness } = useBoard()
  if (roles) return <CursorElements awareness={awareness} roles={roles} />
  return <AllCursors awareness={awareness} />
}

function AllCursors({ awareness }: { awareness: Awareness }) {
  // Renders only when the number of cursors crosses one of the two lines.
  const size = useAwarenessValue(awareness, crowdSize, Object.is)
  const [crowd, setCrowd] = useState(size === 'crowd')
  if (size === 'crowd' && !crowd) setCrowd(true)
  if (size === 'few' && crowd) setCrowd(false)
  return crowd ? <CursorCanvas awareness={awareness} /> : <CursorElements awareness={awareness} />
}

function crowdSize(awareness: Awareness): 'crowd' | 'between' | 'few' {
  const count = cursorCount(awareness)
  return count > SMOOTH_CURSORS_MAX ? 'crowd' : count > CROWD_BREAKS_UP_AT ? 'between' : 'few'
}

function CursorElements({ awareness, roles }: { awareness: Awareness; roles?: ReadonlySet<string> }) {
  const pick = useCallback((a: Awareness) => cursors(a, roles), [roles])
  const shown = useAwarenessValue(awareness, pick, sameCursors)
  const { zoom } = useViewport()
  return (
    <FlowPortal layer="viewport-portal">
      {shown.map((p) => (
        <div key={p.clientId} className="cursor" data-testid="remote-cursor"
          style={{ transform: `translate(${p.x}px, ${p.y}px) scale(${1 / zoom})` }}>
          <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
            <path d="M1 1v17l5-4.5 3.5 7 3-1.5-3.5-6.8H16z" fill={p.color} stroke="#fff" strokeWidth="1.5" />
          </svg>
          <span className="cursor__name" style={{ background: p.color, color: textOn(p.color) }}>{p.name}</span>
        </div>
      ))}
    </FlowPortal>
  )
}
