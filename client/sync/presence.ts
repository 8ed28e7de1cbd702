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

export interface Peer extends PresenceState {
  clientId: number
  isSelf: boolean
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
        cursor: state.cursor ?? null,
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

export function setPresence(awareness: Awareness, patch: Partial<PresenceState>): void {
  const current = (awareness.getLocalState() ?? {}) as Partial<PresenceState>
  awareness.setLocalState({ ...current, ...patch })
}
