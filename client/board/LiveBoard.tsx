import { ReactFlowProvider } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TransactionOrigin } from '../../shared/origins.js'
import type { CardsLeaving } from '../../shared/model/index.js'
import { canWrite } from '../../shared/protocol.js'
import { BoardCanvas } from '../flow/BoardCanvas.js'
import type { Cell } from '../flow/layout.js'
import type { ShownCards } from '../flow/useShowCards.js'
import { SidePanel, type SidePanelKind } from '../panels/SidePanel.js'
import { Palette } from '../panels/Palette.js'
import { PersonaBar } from '../panels/PersonaBar.js'
import { SessionAnnouncer } from '../session/SessionAnnouncer.js'
import { SessionBar } from '../session/SessionBar.js'
import { SharePanel } from '../panels/SharePanel.js'
import { PhoneHeader } from '../phone/PhoneHeader.js'
import { PhoneView } from '../phone/PhoneView.js'
import { useView } from '../phone/useIsPhone.js'
import { TopBar } from '../panels/TopBar.js'
import { type BoardInfo, fetchBoardInfo } from '../sync/api.js'
import type { Participant } from '../sync/identity.js'
import { setPresence } from '../sync/presence.js'
import type { BoardConnection } from '../sync/useBoardConnection.js'
import { useBoardState } from '../sync/useBoardState.js'
import { usePeers } from '../sync/usePeers.js'
import { useSession } from '../sync/useSession.js'
import { takeNewBoard } from '../sync/newBoard.js'
import { useUndo } from '../sync/useUndo.js'
import { mayMoveCardsLeaving, mayTakeBackCards } from './askRemoval.js'
import { BoardContext, type BoardContextValue } from './BoardContext.js'
import { ProjectorView } from './ProjectorView.js'
import { useNewCard } from './useNewCard.js'
import { useLeader } from './useLeader.js'
import { roomsPersona, useShownJourney } from './useShownJourney.js'
import { useCrossedSaves } from './useCrossedSaves.js'
import { useUndoKeys } from './useUndoKeys.js'
import { useBoardTitle } from './useBoardTitle.js'
import { RestoreNotice } from '../session/RestoreNotice.js'
import { LostDrafts } from './LostDrafts.js'
import { useUnsavedText } from './useUnsavedText.js'
import { useSharedLanguage } from './useSharedLanguage.js'
import { boardOpened } from '../ui/lostDrafts.js'
import { OrphanedWorkNote } from './OrphanedWorkNote.js'
import { useOrphanedWork } from './useOrphanedWork.js'

const NOTHING_SELECTED: ReadonlySet<string> = new Set()

interface Props { info: BoardInfo; token: string; connection: BoardConnection; me: Participant; projector?: boolean }

/** The open board: canvas in the middle, palette left, one side panel right, top bar above; on a phone, the journey as a list. */
export function LiveBoard({ info, token, connection, me, projector = false }: Props) {
  const { doc, provider, status } = connection
  const origin = useMemo<TransactionOrigin>(() => ({ source: 'local' }), [doc])
  const readOnly = !canWrite(info.role) || projector
  const board = useBoardState(doc)
  useBoardTitle(info.id, board.meta.title || info.title, !projector)
  const peers = usePeers(provider.awareness)
  const { t } = useTranslation()
  // An undo that would take away cards this person added asks first when others' work is on them, as Delete does.
  const mayTakeBack = useCallback((ids: string[], redo?: boolean) => mayTakeBackCards(doc, ids, me.id, t, undefined, redo), [doc, me.id, t])
  const mayMoveCards = useCallback((leaving: CardsLeaving[], redo?: boolean) => mayMoveCardsLeaving(leaving, t, undefined, redo), [t])
  const undo = useUndo(doc, origin, mayTakeBack, mayMoveCards)
  useCrossedSaves(doc, origin)
  useUndoKeys(undo, readOnly)
  const [editingId, setEditingId] = useState<string | null>(null)
  const { addCard, dropNewCard } = useNewCard(doc, origin, me.id, undo.alone, editingId, setEditingId)
  // The cards selected on the canvas; exactly one shows its details.
  const [selection, setSelection] = useState<ReadonlySet<string>>(NOTHING_SELECTED)
  const selectedId = selection.size === 1 ? selection.values().next().value! : null
  // The cell selected on the canvas, where the palette adds (useCellSelection).
  const [cell, setCell] = useState<Cell | null>(null)
  const selectOnly = useCallback((id: string) => setSelection((ids) => (ids.size === 1 && ids.has(id) ? ids : new Set([id]))), [])
  const [panel, setPanel] = useState<SidePanelKind | null>(null)
  const [shownCards, setShownCards] = useState<ShownCards | null>(null)
  const [links, setLinks] = useState(info.links)
  const [following, follow] = useState<string | null>(null)
  const { phone: isPhone, narrow } = useView()
  const orphans = useOrphanedWork(doc, board, me.id, connection.synced && !projector, { provider, origin })
  const customerVoice = board.customerChair?.participantId === me.id
  const session = useSession(provider, me)
  const isFacilitator = info.role === 'facilitator' && !projector
  const { leader, stopFollowing, leftLeader } = useLeader({ peers, session, me, following, follow, projector, onPhone: isPhone, isFacilitator })
  const {
    personaId, setPersonaId, viewMode, setViewMode, showOthers: showOtherJourneys, setShowOthers: setShowOtherJourneys,
  } = useShownJourney(provider.awareness, board, leader, stopFollowing, roomsPersona(peers, isFacilitator || projector))
  // A board just made on the start page opens with its share panel, so its facilitator can hand out the links at once.
  const [shareOpen, setShareOpen] = useState(() => isFacilitator && takeNewBoard(info.id))
  const isLocked = useCallback((what: string) => {
    if (isFacilitator) return false
    return what === 'grid' ? session.session.locks.grid : session.session.locks.touchpoints.includes(what)
  }, [isFacilitator, session.session.locks])

  // A replaced edit or view link is counted in the session state: fetch the links again, so the projector's QR code and
  // every share panel show the new one (this page's own token still works, or its connection was closed as rotated).
  const linkRotations = session.session.linkRotations ?? 0
  useEffect(() => {
    if (!linkRotations) return
    let live = true
    fetchBoardInfo(info.id, token).then((fresh) => live && setLinks(fresh.links), () => undefined)
    return () => { live = false }
  }, [info.id, token, linkRotations])

  useEffect(() => setPresence(provider.awareness, { editing: editingId }), [provider, editingId])
  useEffect(boardOpened, [])
  useUnsavedText(info.id, { shows: !projector })
  useSharedLanguage(provider.awareness, projector, leader)
  // Whether there is a board view to follow here: on a phone there is none, and a view shared before is dropped.
  useEffect(() => setPresence(provider.awareness, isPhone ? { device: 'phone', viewport: null } : { device: 'board' }), [provider, isPhone])
  useEffect(() => {
    if (selectedId) setPanel('details')
    else setPanel((p) => (p === 'details' ? null : p))
  }, [selectedId])

  const showCards = useCallback((ids: readonly string[]) => {
    stopFollowing()
    setSelection(new Set(ids))
    setShownCards({ ids, at: performance.now() })
  }, [stopFollowing])

  const context = useMemo<BoardContextValue>(() => ({
    doc, provider, awareness: provider.awareness, origin, readOnly, board, peers, me, editingId, setEditingId, addCard, dropNewCard,
    author: { authorId: me.id, authorName: me.name, customerVoice },
    personaId, setPersonaId, showOtherJourneys, setShowOtherJourneys, viewMode, setViewMode, session, isFacilitator, isLocked, following, follow,
    leader, leftLeader, stopFollowing, showCards,
  }), [doc, provider, origin, readOnly, board, peers, me, editingId, addCard, dropNewCard, customerVoice, personaId, setPersonaId, showOtherJourneys, viewMode,
    setViewMode, session, isFacilitator, isLocked, following, leader, leftLeader, stopFollowing, showCards])

  const share = shareOpen && <SharePanel links={links} onClose={() => setShareOpen(false)}
    rotation={isFacilitator ? { boardId: info.id, token, onRotated: setLinks } : undefined} />

  const orphanNotes = orphans.notes.map((note) =>
    <OrphanedWorkNote key={note.work.touchpointId} note={note} onDismiss={() => orphans.dismiss(note.work.touchpointId)} />)

  return (
    <BoardContext.Provider value={context}>
      <ReactFlowProvider>
        {/* One live region for the session's news, on a laptop and a phone alike (the projector speaks to no one). */}
        {!projector && <SessionAnnouncer synced={connection.synced} />}
        {projector ? <ProjectorView info={info} links={links} status={status} /> : isPhone ? (
        <div className={`workspace phone${readOnly ? ' workspace--readonly' : ''}`} data-testid="board" data-synced={connection.synced}>
          <PhoneHeader title={board.meta.title || info.title} status={status} />
          {/* Under the header, not over the list: kept text must not cover "+ Touchpoint". */}
          <LostDrafts>{orphanNotes}</LostDrafts>
          <PhoneView onShare={() => setShareOpen(true)} />
          <RestoreNotice />
          {share}
        </div>
        ) : (
        <div className={`workspace${readOnly ? ' workspace--readonly' : ''}`} data-testid="board" data-synced={connection.synced}>
          <TopBar info={info} status={status} undo={undo} onShare={() => setShareOpen(true)} panel={panel} narrow={narrow}
            onPanel={(kind) => setPanel(panel === kind ? null : kind)} />
          <PersonaBar />
          <SessionBar projectorLink={isFacilitator ? `/b/${info.id}/projector${window.location.hash}` : null}
            onBacklog={panel === 'backlog' ? undefined : () => setPanel('backlog')} />
          <div className="workspace__body">
            {!readOnly && <Palette selectedId={selectedId} cell={cell} />}
            <BoardCanvas selection={selection} onSelect={setSelection} cell={cell} onCell={setCell} undoNotice={undo.notice} shownCards={shownCards} ownStep={undo.alone} onOpen={(id) => { selectOnly(id); setPanel('details') }} />
            {panel && <SidePanel kind={panel} selectedId={selectedId} boardId={info.id} token={token} onClose={() => { setPanel(null); if (panel === 'details') setSelection(NOTHING_SELECTED) }} />}
            <RestoreNotice />
          </div>
          <LostDrafts>{orphanNotes}</LostDrafts>
          {share}
        </div>
        )}
      </ReactFlowProvider>
    </BoardContext.Provider>
  )
}
