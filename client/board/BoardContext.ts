import { createContext, useContext } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Author, BoardState, NewTouchpoint } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import type { Participant } from '../sync/identity.js'
import type { Peer, ViewMode } from '../sync/presence.js'
import type { SessionView } from '../sync/useSession.js'

/** What the canvas' node and edge components and the panels need, without prop drilling through React Flow. */
export interface BoardContextValue {
  doc: Y.Doc
  /** The board's connection to the server (History waits on it before saving a version). */
  provider: WebsocketProvider
  awareness: Awareness
  origin: TransactionOrigin
  readOnly: boolean
  board: BoardState
  peers: Peer[]
  me: Participant
  /** Author fields for what this person adds now (customer's voice while they hold the empty chair). */
  author: Author
  /** The card whose title this person is editing inline. */
  editingId: string | null
  setEditingId: (id: string | null) => void
  /** Adds a card and opens its title for writing; Escape then takes it back (useNewCard.ts). */
  /** `byKeyboard`: the focus goes to the card once its title is saved (or back to where it was, if it is taken back). */
  addCard: (input: NewTouchpoint, byKeyboard?: boolean) => string
  /** Takes back the card just added if its title was never committed; false for any other card. */
  dropNewCard: (id: string) => boolean
  /** The persona whose journey is drawn and extended by new links: while following someone, theirs. */
  personaId: string
  /** Chooses this person's own persona; while following someone, that breaks away from them. */
  setPersonaId: (id: string) => void
  showOtherJourneys: boolean
  setShowOtherJourneys: (show: boolean) => void
  /** While following someone, theirs; choosing one breaks away. */
  viewMode: ViewMode
  setViewMode: (mode: ViewMode) => void
  /** Facilitation: timer, voting, private mode, locks, agenda, focus, follow-me. */
  session: SessionView
  isFacilitator: boolean
  /** Locked for this person: true for locked touchpoints and a locked grid unless they facilitate. */
  isLocked: (what: 'grid' | string) => boolean
  /** The participant picked in the presence list to follow, if any. */
  following: string | null
  follow: (participantId: string | null) => void
  /** Whom this screen follows now (picked, brought here by the facilitator, or the projector's facilitator): their view, persona and view mode. */
  leader: Peer | null
  /** The facilitator who brought everyone along and then left the board (by name): this screen follows no one now. */
  leftLeader: string | null
  /** Stops following: the person's own view, persona and view mode come back. */
  stopFollowing: () => void
  /** Selects these cards and brings them in sight (a panel's link to them): one card opens its details. */
  showCards: (ids: readonly string[]) => void
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard outside <BoardContext.Provider>')
  return value
}
