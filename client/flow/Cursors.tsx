import { useViewport } from '@xyflow/react'
import { useBoard } from '../board/BoardContext.js'
import { FlowPortal } from './FlowPortal.js'

/** Everyone else's live cursor with their name, drawn in flow coordinates at a constant screen size. */
export function Cursors() {
  const { peers } = useBoard()
  const { zoom } = useViewport()
  return (
    <FlowPortal layer="viewport-portal">
      {peers.filter((p) => !p.isSelf && p.cursor).map((p) => (
        <div key={p.clientId} className="cursor" data-testid="remote-cursor"
          style={{ transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px) scale(${1 / zoom})` }}>
          <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
            <path d="M1 1v17l5-4.5 3.5 7 3-1.5-3.5-6.8H16z" fill={p.user.color} stroke="#fff" strokeWidth="1.5" />
          </svg>
          <span className="cursor__name" style={{ background: p.user.color }}>{p.user.name}</span>
        </div>
      ))}
    </FlowPortal>
  )
}
