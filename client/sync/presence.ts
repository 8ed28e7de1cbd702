import type { Awareness } from 'y-protocols/awareness'
import type { Participant } from './identity.js'

/**
 * What each person shares through y-protocols awareness (never the document):
 * who they are, where their cursor is and which card they are dragging or
 * editing. Cleared automatically when they leave.
 */
export interface PresenceState {
  user: Participant & { role: string }
  cursor: { x: number; y: number } | null
  dragging: { touchpointId: string; x: number; y: number } | null
  editing: string | null
  /**
   * Centre of this person's view in flow coordinates, their zoom, and the
   * width and height of the area they see (flow units), for follow-me: a
   * follower with another screen size shows the same area.
   */
  viewport: { x: number; y: number; zoom: number; w?: number; h?: number } | null
}

/**
 * A person on the board as the board draws them. Their cursor is left out: it
 * moves with every pointer move, and only the cursors layer needs it
 * (`cursors`, useCursors), so a crowd pointing does not render the board.
 */
export interface Peer extends Omit<PresenceState, 'cursor'> {
  clientId: number
  isSelf: boolean
}

/** Someone else's cursor, in flow coordinates. */
export interface PeerCursor {
  clientId: number
  name: string
  color: string
  x: number
  y: number
}

function isPresence(state: unknown): state is PresenceState {
  const user = (state as PresenceState | undefined)?.user
  return typeof user?.name === 'string' && typeof user?.color === 'string'
}

export function peers(awareness: Awareness): Peer[] {
  const list: Peer[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (isPresence(state)) {
      list.push({
        user: state.user,
        dragging: state.dragging ?? null,
        editing: state.editing ?? null,
        viewport: state.viewport ?? null,
        clientId,
        isSelf: clientId === awareness.clientID,
      })
    }
  })
  return list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name))
}

/** Everyone else's cursor that is on the board, in a stable order. */
export function cursors(awareness: Awareness): PeerCursor[] {
  const list: PeerCursor[] = []
  awareness.getStates().forEach((state, clientId) => {
    const cursor = (state as PresenceState).cursor
    if (clientId !== awareness.clientID && isPresence(state) && cursor) {
      list.push({ clientId, name: state.user.name, color: state.user.color, x: cursor.x, y: cursor.y })
    }
  })
  return list.sort((a, b) => a.clientId - b.clientId)
}

export function setPresence(awareness: Awareness, patch: Partial<PresenceState>): void {
  const current = (awareness.getLocalState() ?? {}) as Partial<PresenceState>
  awareness.setLocalState({ ...current, ...patch })
}
