import type { Awareness } from 'y-protocols/awareness'
import type { Participant } from './identity.js'

/** How cards are drawn: the journey view, or the factor heatmap (disappointment versus delight factors). */
export type ViewMode = 'journey' | 'heatmap'

/**
 * What each person shares through y-protocols awareness (never the document):
 * who they are, where their cursor is and which card they are dragging or
 * editing. Cleared automatically when they leave.
 */
export interface PresenceState {
  /**
   * `arrived`: when they arrived on the board (ms since 1970, after everyone they found there), which decides who
   * gives way when two show one colour (./colorRule.ts); absent while they arrive.
   */
  user: Participant & { role: string; arrived?: number }
  cursor: { x: number; y: number } | null
  /** The card they drag and where it is; the cards moving with it (a selection of several) as offsets from it. */
  dragging: { touchpointId: string; x: number; y: number; along?: DraggedAlong[] } | null
  editing: string | null
  /**
   * Centre of this person's view in flow coordinates, their zoom, and the
   * width and height of the area they see (flow units), for follow-me: a
   * follower with another screen size shows the same area.
   */
  viewport: { x: number; y: number; zoom: number; w?: number; h?: number } | null
  /**
   * 'phone' on the phone layout, which has no board view to follow; 'board' on the board. Absent from browsers older
   * than this field: taken as 'board'.
   */
  device?: 'phone' | 'board'
  /** The persona whose journey this person's board draws, and how it draws the cards: whoever follows them draws the same. */
  personaId?: string | null
  viewMode?: ViewMode
  /** Whether the other personas' journeys are drawn too, faded. */
  showOthers?: boolean
  /** The language of this person's page: a projector speaks its facilitator's, wherever it runs. */
  language?: 'en' | 'de'
}

/**
 * A person on the board as the board draws them. Their cursor and where the
 * card they drag is are left out: they change with every pointer move, and
 * only what draws cursors and moving cards needs them (`cursors`,
 * `draggedByOthers`), so a crowd pointing and dragging does not render the
 * board on every move.
 */
export interface Peer extends Omit<PresenceState, 'cursor' | 'dragging' | 'device' | 'personaId' | 'viewMode' | 'showOthers' | 'language'> {
  /**
   * The card they drag, if any, and the cards moving with it; where they are goes to what draws them
   * (`draggedByOthers`, useRemoteDrags), not here.
   */
  dragging: { touchpointId: string; along?: string[] } | null
  clientId: number
  isSelf: boolean
  /** On the phone layout: nothing to follow. */
  onPhone: boolean
  /** Whose journey they see and how; null from browsers older than these fields (or a value not understood). */
  personaId: string | null
  viewMode: ViewMode | null
  showOthers: boolean | null
  /** Their page's language; null from browsers older than this field. */
  language: 'en' | 'de' | null
}

/** A card moving with the one dragged: how far from it (flow units). */
export interface DraggedAlong { touchpointId: string; dx: number; dy: number }

/** The cards moving with a dragged one, as far as they are well formed (presence comes from other browsers). */
function alongOf(dragging: PresenceState['dragging']): DraggedAlong[] {
  const along = dragging?.along
  if (!Array.isArray(along)) return []
  return along.filter((card) => typeof card?.touchpointId === 'string' && Number.isFinite(card.dx) && Number.isFinite(card.dy))
}

function draggedCards(dragging: NonNullable<PresenceState['dragging']>): NonNullable<Peer['dragging']> {
  const along = alongOf(dragging).map((card) => card.touchpointId)
  return along.length ? { touchpointId: dragging.touchpointId, along } : { touchpointId: dragging.touchpointId }
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
        dragging: state.dragging ? draggedCards(state.dragging) : null,
        editing: state.editing ?? null,
        viewport: state.viewport ?? null,
        clientId,
        onPhone: state.device === 'phone',
        personaId: typeof state.personaId === 'string' ? state.personaId : null,
        viewMode: state.viewMode === 'journey' || state.viewMode === 'heatmap' ? state.viewMode : null,
        showOthers: typeof state.showOthers === 'boolean' ? state.showOthers : null,
        language: state.language === 'en' || state.language === 'de' ? state.language : null,
        isSelf: clientId === awareness.clientID,
      })
    }
  })
  return list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name))
}

/** Everyone else's cursor that is on the board, in a stable order. */
export function cursors(awareness: Awareness, roles?: ReadonlySet<string>): PeerCursor[] {
  const list: PeerCursor[] = []
  awareness.getStates().forEach((state, clientId) => {
    const cursor = (state as PresenceState).cursor
    if (clientId !== awareness.clientID && isPresence(state) && cursor && (!roles || roles.has(state.user.role))) {
      list.push({ clientId, name: state.user.name, color: state.user.color, x: cursor.x, y: cursor.y })
    }
  })
  return list.sort((a, b) => a.clientId - b.clientId)
}

/** How many cursors of other people are on the board (`cursors(awareness).length`, without building the list). */
export function cursorCount(awareness: Awareness): number {
  let count = 0
  awareness.getStates().forEach((state, clientId) => {
    if (clientId !== awareness.clientID && isPresence(state) && (state as PresenceState).cursor) count++
  })
  return count
}

/** Whether two lists of cursors draw the same. */
export function sameCursors(a: PeerCursor[], b: PeerCursor[]): boolean {
  return a.length === b.length && a.every((cursor, i) => {
    const other = b[i]!
    return cursor.clientId === other.clientId && cursor.x === other.x && cursor.y === other.y && cursor.name === other.name && cursor.color === other.color
  })
}

/** Where other people have the cards they drag, by card (flow coordinates). */
export function draggedByOthers(awareness: Awareness): Map<string, { x: number; y: number }> {
  const dragged = new Map<string, { x: number; y: number }>()
  awareness.getStates().forEach((state, clientId) => {
    const dragging = (state as PresenceState).dragging
    if (clientId !== awareness.clientID && isPresence(state) && dragging && !dragged.has(dragging.touchpointId)) {
      dragged.set(dragging.touchpointId, { x: dragging.x, y: dragging.y })
      for (const card of alongOf(dragging)) {
        if (!dragged.has(card.touchpointId)) dragged.set(card.touchpointId, { x: dragging.x + card.dx, y: dragging.y + card.dy })
      }
    }
  })
  return dragged
}

export function setPresence(awareness: Awareness, patch: Partial<PresenceState>): void {
  const current = (awareness.getLocalState() ?? {}) as Partial<PresenceState>
  awareness.setLocalState({ ...current, ...patch })
}
