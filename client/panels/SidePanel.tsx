import { useBoard } from '../board/BoardContext.js'
import { BacklogPanel } from './BacklogPanel.js'
import { HistoryPanel } from './HistoryPanel.js'
import { PriorityPanel } from './PriorityPanel.js'
import { TouchpointPanel } from './touchpoint/TouchpointPanel.js'

export type SidePanelKind = 'details' | 'backlog' | 'priority' | 'history'

/** The one panel on the right: the selected touchpoint, the stardust backlog or the priority ranking. */
export function SidePanel({ kind, selectedId, onClose, boardId, token }: { kind: SidePanelKind; selectedId: string | null; onClose: () => void; boardId: string; token: string }) {
  const { board } = useBoard()
  if (kind === 'backlog') return <BacklogPanel onClose={onClose} />
  if (kind === 'priority') return <PriorityPanel onClose={onClose} />
  if (kind === 'history') return <HistoryPanel boardId={boardId} token={token} onClose={onClose} />
  const touchpoint = board.touchpoints.find((t) => t.id === selectedId)
  return touchpoint ? <TouchpointPanel key={touchpoint.id} touchpoint={touchpoint} onClose={onClose} /> : null
}
