import type { TFunction } from 'i18next'
import {
  type AriaLabelConfig, Background, BackgroundVariant, type Connection, ControlButton, type FinalConnectionState, Controls, type EdgeChange, type NodeChange, ReactFlow, type ReactFlowState, type Viewport,
  useReactFlow, useStore, useStoreApi,
} from '@xyflow/react'
import { type DragEvent, type MouseEvent as ReactMouseEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TouchpointKind } from '../../shared/model/index.js'
import { removeTouchpointAsking } from '../board/askRemoval.js'
import { canvasMeasure } from '../export/svgText.js'
import { useBoard } from '../board/BoardContext.js'
import { RefusalToast, type ShownRefusal } from '../session/RefusalToast.js'
import { VotingResults } from '../session/VotingResults.js'
import { type DraggedAlong, type Peer, setPresence } from '../sync/presence.js'
import {
  type BoardFlowNode, type CardBusy, type CardStatus, type FlowView, type JourneyFlowEdge, type TouchpointFlowNode, applyFlowChanges,
  applyJourneyChanges, connectTouchpoints, docToFlow, selectionAfter,
} from './adapter.js'
import { CanvasContext, type CanvasContextValue, cachedTranslate } from './CanvasContext.js'
import { CarriedSteps } from './CarriedSteps.js'
import { Cursors } from './Cursors.js'
import { ADD_BUTTONS_ROOM, MAX_ZOOM, MIN_ZOOM, fitOnCanvas } from './canvasFit.js'
import { FIT_MARGIN, fitArea } from './fitArea.js'
import { type ShownCards, useShowCards } from './useShowCards.js'
import { useKeepBoardFitted } from './useKeepBoardFitted.js'
import { useViewOnResize } from './useViewOnResize.js'
import { EmotionCurveNode } from './EmotionCurveNode.js'
import { HelpControl } from '../help/HelpControl.js'
import { Icon } from '../ui/Icon.js'
import { FollowStrip } from './FollowStrip.js'
import { focusFirstCard } from './cardFocus.js'
import { GridNode } from './GridNode.js'
import { JourneyEdge } from './JourneyEdge.js'
import { CURVE_GAP, CURVE_HEIGHT, type Cell, type Point, cellAt, computeLayout } from './layout.js'
import { createLocalDrag, mergePositions } from './localDrag.js'
import { Overview } from './Overview.js'
import { PinnedHeaders } from './PinnedHeaders.js'
import { useRenderEverything } from './renderEverything.js'
import { TouchpointNode } from './TouchpointNode.js'
import { useFollow } from './useFollow.js'
import { usePointerPresence } from './usePointerPresence.js'
import { switchLabelWidth } from './stepPath.js'
import { useRemoteDrags } from './useRemoteDrags.js'
import { SelectionHint } from './SelectionHint.js'
import { useCardRemoval } from './useCardRemoval.js'
import { useCellSelection } from './useCellSelection.js'
import { useClipboard } from './useClipboard.js'
import { useCardKeys } from './useCardKeys.js'
import { useLockRefusals } from './useLockRefusals.js'

const nodeTypes = { grid: GridNode, touchpoint: TouchpointNode, curve: EmotionCurveNode }
const edgeTypes = { journey: JourneyEdge }
/** Shift- or Ctrl/Cmd-click adds a card to the selection or takes it out; Shift-drag draws a selection box (React Flow's default selectionKeyCode). */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']
const PRO_OPTIONS = { hideAttribution: false }
/**
 * Zoomed out below FAR_ZOOM, a card's 17 px title is about 10 px on screen and its 10 to 12 px chips and department 6 or
 * less (a 1,280 × 720 laptop fits a five-phase board at about 0.43, a 1,440 × 900 one at 0.59): the cards show their
 * titles larger instead (.canvas--far: 20 px; below FARTHEST_ZOOM, .canvas--farthest: 24 px; farTitle.ts). The steps
 * keep a title from shrinking on screen when a zoom step of 1.2 crosses one (24 × 0.5 = 20 × 0.6 = 12 px).
 */
export const FAR_ZOOM = 0.6
export const FARTHEST_ZOOM = 0.5
/** The projector is what the room looks at: React Flow's credit stays on every laptop's canvas (and in the README), not on the wall. */
const PROJECTOR_PRO_OPTIONS = { hideAttribution: true }
const NO_CARDS: ReadonlySet<string> = new Set()
const NO_EDGES: JourneyFlowEdge[] = []
const NO_CELL = () => undefined
/** The projector shows the facilitator's pointer only: the room's cursors would cover what it shows. */
const FACILITATOR_ONLY: ReadonlySet<string> = new Set(['facilitator'])
/**
 * Below this zoom (in device pixels: half of it on a screen of two device
 * pixels per CSS pixel) a board of at least OVERVIEW_MIN_CARDS cards is drawn
 * as an overview: simplified cards and the journey path, each as one layer
 * (Overview), instead of a React Flow node and edge each. A card's title
 * would be under 7 device pixels high. Small boards stay in full at any zoom:
 * they are cheap to draw.
 */
export const OVERVIEW_ZOOM = 0.4
export const OVERVIEW_MIN_CARDS = 200
const selectZoomedOut = (s: ReactFlowState) => s.transform[2] * window.devicePixelRatio < OVERVIEW_ZOOM
export const PALETTE_MIME = 'application/x-zigzag-touchpoint'

/** The React Flow canvas. The doc decides where cards are; this only adds what is local to this screen. */
interface Props {
  /** The selected cards: local to this screen, never in the document. One card shows its details. */
  selection: ReadonlySet<string>
  onSelect: (ids: ReadonlySet<string>) => void
  /** A card was clicked (without Shift, Ctrl or Cmd): select it alone and show its details even if it was already selected. */
  onOpen: (id: string) => void
  /** Projector screens follow the facilitator and take no input. */
  projector?: boolean
  /** Screen pixels on the canvas' right covered by something else (the projector's QR column): the board is fitted clear of them. */
  reserveRight?: number
  /** The selected cell, where the palette adds: local to this screen like the selection (useCellSelection). */
  cell?: Cell | null
  onCell?: (cell: Cell | null) => void
  /** Said by this page about an undo or redo (useUndo), in the same place as a refusal. */
  undoNotice?: ShownRefusal | null
  /** Cards a panel asked to show: the view moves to bring them in sight (useShowCards). */
  shownCards?: ShownCards | null
  /** Makes a change one undo step of its own (useUndo's `alone`): a card moved by an arrow key. */
  ownStep?: (change: () => void) => unknown
}

export function BoardCanvas({ selection, onSelect, onOpen, projector = false, reserveRight = 0, cell = null, onCell = NO_CELL, undoNotice = null, shownCards = null, ownStep }: Props) {
  const { t, i18n } = useTranslation()
  const ariaLabels = useMemo(() => canvasAriaLabels(t), [t, i18n.language])
  const {
    doc, awareness, origin, readOnly, board, peers, me, editingId, setEditingId, addCard, dropNewCard, personaId, showOtherJourneys, viewMode, isFacilitator, isLocked, leftLeader,
    session: { session, myVotes, send },
  } = useBoard()
  const { screenToFlowPosition, setViewport } = useReactFlow()
  const container = useRef<HTMLDivElement>(null)
  // From the phases, lanes and cards alone: a rating or an idea (the board's reader keeps those parts) lays out nothing again.
  const { phases, lanes, touchpoints } = board
  const layout = useMemo(() => computeLayout({ phases, lanes, touchpoints }), [phases, lanes, touchpoints])
  const busy = useBusyCards(peers)
  useShowCards(projector ? null : shownCards, layout)
  const gridLocked = isLocked('grid')
  // Who may add phases and lanes sees + Phase and + Lane beside a fitted board.
  const addRoom = readOnly || gridLocked ? 0 : ADD_BUTTONS_ROOM
  const status = useMemo<CardStatus>(() => {
    const locked = new Set(session.locks.touchpoints)
    const round = session.voting?.target === 'touchpoints' ? session.voting : null
    return {
      heatmap: viewMode === 'heatmap',
      locked,
      // A viewer moves no card at all: dragging one pans the board, locked or not.
      lockedForMe: isFacilitator || readOnly ? NO_CARDS : locked,
      gridLockedForMe: gridLocked,
      focusId: session.focusTouchpointId,
      editingId,
      busy,
      voting: round && { results: round.results, myVotes, votesLeft: round.votesPerPerson - myVotes.length },
    }
  }, [viewMode, session.locks.touchpoints, session.voting, session.focusTouchpointId, isFacilitator, readOnly, gridLocked, editingId, busy, myVotes])
  // Each view is built from the one before, so untouched cards keep their node objects and are not re-rendered.
  const previousView = useRef<FlowView | undefined>(undefined)
  const labelWidth = useMemo(() => switchLabelWidth(t, canvasMeasure), [t, i18n.language])
  const view = useMemo(
    () => docToFlow(board, layout, { personaId, showOthers: showOtherJourneys, switchLabelWidth: labelWidth }, { status, previous: previousView.current }),
    [board, layout, personaId, showOtherJourneys, labelWidth, status],
  )
  previousView.current = view
  const cells = useCellSelection({ cell, onCell, selection, onSelect, nodes: view.nodes })
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set())
  // The cards being dragged here: their ids in state (a drag's start and end re-render the canvas), their positions in `drag`
  // (a pointer move re-renders only what draws them: the card itself is moved on screen by moveNodeOnScreen).
  const drag = useMemo(createLocalDrag, [])
  const [dragged, setDragged] = useState<ReadonlySet<string>>(NO_CARDS)
  const pointer = usePointerPresence(awareness)
  const boardBounds = useMemo(() => ({ x: 0, y: 0, width: layout.width, height: layout.height + CURVE_GAP + CURVE_HEIGHT }), [layout.width, layout.height])
  const fitToBoard = useMemo(() => (projector ? { board: boardBounds, reserveRight } : undefined), [projector, boardBounds, reserveRight])
  const followView = useFollow(projector, fitToBoard)
  const following = followView.leader !== null
  // Image export copies the DOM: then every card and edge is rendered, in full.
  const everything = useRenderEverything()
  const overview = useStore(selectZoomedOut) && board.touchpoints.length >= OVERVIEW_MIN_CARDS && !everything
  const removeCard = useCallback((id: string) => removeTouchpointAsking(doc, id, me.id, t, origin), [doc, me.id, t, origin])
  // The one card whose details show, if exactly one is selected.
  const selectedId = selection.size === 1 ? selection.values().next().value! : null
  const { deleteKeys, onBeforeDelete } = useCardRemoval({
    doc, origin, participantId: me.id, t, readOnly, selection, locked: status.lockedForMe, overview, canvas: container,
  })
  useClipboard({ doc, origin, readOnly, selection, onSelect, disabled: projector })
  const cardKeys = useCardKeys({ doc, origin, t, board, layout, readOnly, selection, locked: status.lockedForMe, ownStep, canvas: container })
  const lockRefusals = useLockRefusals(status.lockedForMe, gridLocked && !readOnly)
  const clearSelection = useCallback(() => onSelect(new Set()), [onSelect])
  const canvas = useMemo<CanvasContextValue>(
    () => ({ t: cachedTranslate(t), doc, origin, readOnly, setEditingId, addCard, dropNewCard, send, removeCard, selectCell: cells.selectCell, language: board.meta.language }),
    [t, doc, origin, readOnly, setEditingId, addCard, dropNewCard, send, removeCard, cells.selectCell, board.meta.language],
  )

  // What is local to this screen on top of the view: the selection and cards being dragged, here or by someone else. Which cards
  // others drag comes from the list of people (it changes when a drag starts or ends); where they are, from `theirs`, move by move.
  const theirs = useRemoteDrags(awareness)
  const movingAt = useMemo(() => mergePositions(drag, theirs), [drag, theirs])
  const moving = useMovingCards(dragged, peers)
  const overlaid = useRef(new Map<string, { base: BoardFlowNode; x: number; y: number; selected: boolean; own: boolean; their: boolean; node: BoardFlowNode }>())
  const nodes = useMemo(() => {
    const cache = overlaid.current
    const next = new Map<string, { base: BoardFlowNode; x: number; y: number; selected: boolean; own: boolean; their: boolean; node: BoardFlowNode }>()
    // Read, not subscribed to: whenever the canvas renders during a drag, the dragged card is where the pointer has taken it.
    const ownAt = drag.positions()
    const theirAt = theirs.positions()
    const list = cells.nodes.map((node): BoardFlowNode => {
      const own = dragged.has(node.id) ? ownAt.get(node.id) : undefined
      const their = !own && moving.has(node.id) && !dragged.has(node.id)
      const position = own ?? (their ? theirAt.get(node.id) : undefined) ?? node.position
      const selected = selection.has(node.id)
      if (position === node.position && !selected) return node
      const { x, y } = position
      const last = cache.get(node.id)
      const entry = last && last.base === node && last.x === x && last.y === y && last.selected === selected && last.own === !!own
        && last.their === their
        ? last
        : {
          base: node, x, y, selected, own: !!own, their,
          node: {
            ...node, position: { x, y }, selected,
            // Someone else's drag: on top and on a layer of its own like a card dragged here (React Flow marks that one `dragging`).
            ...(their ? { className: node.className ? `${node.className} moving` : 'moving', zIndex: 1000 } : {}),
            // A card dragged here stays rendered wherever React Flow last saw it (its store is not told about every move).
            ...(own ? { dragging: true } : {}),
          } as BoardFlowNode,
        }
      next.set(node.id, entry)
      return entry.node
    })
    overlaid.current = next
    return list
  }, [cells.nodes, dragged, moving, selection, drag, theirs])
  // In the overview React Flow draws the grid, the emotion curve and a card whose title is being edited; Overview draws the other cards.
  const flowNodes = useMemo(
    () => (overview ? nodes.filter((n) => n.type !== 'touchpoint' || n.id === editingId) : nodes),
    [overview, nodes, editingId],
  )
  const overviewCards = useMemo(
    () => (overview ? nodes.filter((n): n is TouchpointFlowNode => n.type === 'touchpoint' && n.id !== editingId) : []),
    [overview, nodes, editingId],
  )
  const restingCards = useMemo(
    () => (overview ? view.nodes.filter((n): n is TouchpointFlowNode => n.type === 'touchpoint' && n.id !== editingId) : []),
    [overview, view.nodes, editingId],
  )
  // The steps of a card being moved, here or by someone else, are hidden from React Flow meanwhile and drawn by CarriedSteps, on a
  // layer of their own, so they follow every move without a React Flow update and without repainting the board under them.
  const edges = useMemo(() => {
    if (overview) return NO_EDGES
    return view.edges.map((edge) => {
      const selected = selectedEdges.has(edge.id)
      const carried = moving.has(edge.source) || moving.has(edge.target)
      if (!selected && !carried) return edge
      return { ...edge, ...(selected ? { selected } : {}), ...(carried ? { hidden: true } : {}) }
    })
  }, [view.edges, selectedEdges, moving, overview])
  const carriedSteps = useMemo(() => edges.filter((edge) => edge.hidden), [edges])
  // The cards at both ends of those steps and the moving cards, where React Flow draws them.
  const carriedEnds = useMemo(() => {
    const ends = new Set([...moving, ...carriedSteps.flatMap((edge) => [edge.source, edge.target])])
    const at = new Map<string, Point>()
    for (const node of nodes) if (ends.has(node.id)) at.set(node.id, node.position)
    return at
  }, [moving, carriedSteps, nodes])
  // Someone else's card follows their moves on screen directly, as a card dragged here follows the pointer (moveNodeOnScreen).
  // Only the cards that moved (a point kept its identity while its card stood still: createRemoteDrags).
  useEffect(() => {
    let shown = theirs.positions()
    return theirs.subscribe(() => {
      const own = drag.positions()
      const next = theirs.positions()
      for (const [id, position] of next) if (!own.has(id) && shown.get(id) !== position) moveNodeOnScreen(container.current, id, position)
      shown = next
    })
  }, [theirs, drag])

  // Presence names the first dragged card React Flow reports, and the others of a selection as offsets from it (`along`).
  const dragMove = useCallback((id: string, position: Point, along: DraggedAlong[] | null = []) => {
    if (!drag.positions().has(id)) setDragged((ids) => toggled(ids, id, true))
    drag.move(id, position)
    if (along) setPresence(awareness, { dragging: { touchpointId: id, ...position, ...(along.length ? { along } : {}) } })
  }, [drag, awareness])
  const dragEnd = useCallback(() => {
    drag.clear()
    setDragged(NO_CARDS)
    setPresence(awareness, { dragging: null })
  }, [drag, awareness])

  const onNodesChange = useCallback((changes: NodeChange<BoardFlowNode>[]) => {
    const local = readOnly ? changes.filter((c) => c.type === 'select') : applyFlowChanges(doc, changes, layout, origin)
    const moves = local.filter((c) => c.type === 'position' && c.position !== undefined) as { id: string; position: Point }[]
    moves.forEach((move, i) => {
      const lead = moves[0]!.position
      const along = i > 0 ? null : moves.slice(1).map((m) => ({ touchpointId: m.id, dx: m.position.x - lead.x, dy: m.position.y - lead.y }))
      dragMove(move.id, move.position, along)
      moveNodeOnScreen(container.current, move.id, move.position)
    })
    const next = selectionAfter(local, selection)
    if (next !== undefined) onSelect(next)
    // The drop renders the card where the document puts it, a position React Flow has not drawn it at during the drag.
    if (changes.some((c) => c.type === 'position' && c.dragging === false)) dragEnd()
  }, [doc, layout, origin, readOnly, onSelect, selection, dragMove, dragEnd])

  const onEdgesChange = useCallback((changes: EdgeChange<JourneyFlowEdge>[]) => {
    const local = readOnly ? changes : applyJourneyChanges(doc, changes, origin)
    for (const change of local) {
      if (change.type === 'select') setSelectedEdges((set) => toggled(set, change.id, change.selected))
    }
  }, [doc, origin, readOnly])

  // Dragging in the overview: the same local state, presence and drop into a cell as a drag of a React Flow node.
  const onOverviewDrop = useCallback((moves: { id: string; position: Point }[]) => {
    applyFlowChanges(doc, moves.map(({ id, position }) => ({ type: 'position', id, position, dragging: false })), layout, origin)
    dragEnd()
  }, [doc, layout, origin, dragEnd])

  const onConnect = useCallback((connection: Connection) => {
    if (!readOnly) connectTouchpoints(doc, personaId, connection, origin)
  }, [doc, origin, readOnly, personaId])
  // A link dropped on a card rather than on its small dot links to that card all the same (React Flow connects only on a dot).
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (readOnly || state.isValid || !state.fromNode || !state.fromHandle) return
    const { clientX, clientY } = 'changedTouches' in event ? event.changedTouches[0]! : event
    const dropped = document.elementFromPoint(clientX, clientY)?.closest<HTMLElement>('.react-flow__node-touchpoint')?.dataset.id
    if (!dropped || dropped === state.fromNode.id) return
    const from = state.fromNode.id
    connectTouchpoints(doc, personaId, state.fromHandle.type === 'source' ? { source: from, target: dropped } : { source: dropped, target: from }, origin)
  }, [doc, origin, readOnly, personaId])

  // Stable, so React Flow does not re-render every node wrapper when the parent passes a new onOpen.
  const open = useRef(onOpen)
  open.current = onOpen
  const onNodeClick = useCallback((event: ReactMouseEvent, node: BoardFlowNode) => {
    // Shift, Ctrl or Cmd adds the card to the selection or takes it out (React Flow's multiSelectionKeyCode).
    if (node.type === 'touchpoint' && !event.shiftKey && !event.ctrlKey && !event.metaKey) open.current(node.id)
  }, [])

  // Cards removed (here, by someone else, by an undo) leave the selection. Every card has a place in the layout.
  useEffect(() => {
    if (selection.size === 0) return
    const kept = [...selection].filter((id) => layout.cards.has(id))
    if (kept.length !== selection.size) onSelect(new Set(kept))
  }, [selection, layout, onSelect])

  // The board opens fitted. When the board and the canvas' size are known before React Flow first renders, it starts there,
  // instead of drawing the board once at zoom 1 and then fitting it a frame later.
  const store = useStoreApi<BoardFlowNode, JourneyFlowEdge>()
  // The board fitted to the canvas, as the zoom buttons' Fit does it too.
  const fitBoard = useCallback(() => {
    // The canvas' size as laid out now: React Flow's store learns of a new height (the session strip appeared) a little later.
    const { clientWidth: width = 0, clientHeight: height = 0 } = container.current ?? {}
    if (width > 0 && height > 0) void setViewport(fitOnCanvas(boardBounds, width, height, addRoom))
  }, [setViewport, boardBounds, addRoom])
  const [opening, setOpening] = useState<{ viewport?: Viewport } | null>(null)
  const fitted = useRef(false)
  useLayoutEffect(() => {
    if (opening || !container.current) return
    const { clientWidth: width, clientHeight: height } = container.current
    if (width === 0 || height === 0) return setOpening({})
    if (board.phases.length === 0) {
      // Not synced yet (a board always has a phase): wait for it, but not forever, so that an offline canvas still appears.
      const id = window.setTimeout(() => setOpening((open) => open ?? {}), 2000)
      return () => window.clearTimeout(id)
    }
    fitted.current = true
    const viewport = fitToBoard
      ? fitArea(boardBounds, { width, height, reserveRight: fitToBoard.reserveRight, margin: FIT_MARGIN, maxZoom: MAX_ZOOM })
      : fitOnCanvas(boardBounds, width, height, addRoom)
    // React Flow takes defaultViewport when its zoom pane mounts, after the first render; the store has it from the start, so that
    // render already draws (and picks the cards on screen and the overview) at the opening zoom.
    store.setState({ transform: [viewport.x, viewport.y, viewport.zoom], width, height })
    setOpening({ viewport })
  }, [opening, board.phases.length, boardBounds, fitToBoard, store])
  useEffect(() => {
    if (!opening || fitted.current || board.phases.length === 0) return
    fitted.current = true
    requestAnimationFrame(() => fitBoard())
  }, [opening, board.phases.length, fitBoard])

  // Until the person moves the view, it stays the fitted board: when the canvas changes size (a side panel opens or closes,
  // the session strip appears, the window is resized) it is fitted again (useViewOnResize) instead of losing the board's
  // right or bottom under the panel or off screen. Any move of theirs, with the mouse, the wheel or the zoom buttons, ends that.
  const untouched = useRef(true)
  const onMoveStart = followView.onMoveStart
  const onMove = followView.onMove
  const movedFrom = useRef<Viewport | null>(null)
  const onViewMoveStart = useCallback((event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    movedFrom.current = event ? viewport : null // a drag, the wheel or a pinch; programmatic moves (fitting, following) have no event
    // The wheel always moves the view, and its move ends only once the wheel has rested a while.
    if (event?.type === 'wheel') untouched.current = false
    onMoveStart(event)
  }, [onMoveStart])
  // A press that did not move the view (a click on a card) leaves it fitted.
  const onViewMoveEnd = useCallback((_event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
    const from = movedFrom.current
    if (from && (from.x !== viewport.x || from.y !== viewport.y || from.zoom !== viewport.zoom)) untouched.current = false
    movedFrom.current = null
  }, [])
  const touchedByButton = useCallback(() => void (untouched.current = false), [])
  useKeepBoardFitted({ bounds: boardBounds, reserveRight: addRoom, untouched, active: !projector && !following && fitted.current, fit: fitBoard })
  // The zoom as a CSS variable on the canvas, set without a render: controls that must stay clickable (a card's vote dots) keep a
  // minimum size on screen by growing as the board is zoomed out.
  // Set only when the zoom changed: the store changes with every node moved, and a custom property set on the canvas is
  // inherited by every element under it.
  // Below FAR_ZOOM the canvas is `canvas--far`: the cards drop what no one can read at that size (kind, status, department)
  // for larger titles. The class changes only when the zoom crosses it, so a zoom step restyles the cards at most once.
  useEffect(() => {
    let shown = NaN
    const set = (zoom: number) => {
      if (zoom === shown) return
      shown = zoom
      container.current?.style.setProperty('--zoom', String(zoom))
      container.current?.classList.toggle('canvas--far', zoom < FAR_ZOOM)
      container.current?.classList.toggle('canvas--farthest', zoom < FARTHEST_ZOOM)
    }
    set(store.getState().transform[2])
    return store.subscribe((s) => set(s.transform[2]))
  }, [store])
  const lastPress = useRef(-Infinity)
  const fitView = useCallback((width: number, height: number) => (fitToBoard
    ? fitArea(fitToBoard.board, { width, height, reserveRight: fitToBoard.reserveRight, margin: FIT_MARGIN, maxZoom: MAX_ZOOM })
    : fitOnCanvas(boardBounds, width, height, addRoom)), [fitToBoard, boardBounds, addRoom])
  useViewOnResize({ selectedId, fit: fitView, untouched, active: fitted.current && !following, lastPress, canvas: container })

  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME) as TouchpointKind
    if (readOnly || (kind !== 'direct' && kind !== 'indirect')) return
    event.preventDefault()
    const target = cellAt(layout, screenToFlowPosition({ x: event.clientX, y: event.clientY }))
    if (!target) return
    addCard({ title: t('touchpoint.untitled'), kind, phaseId: target.phaseId, laneId: target.laneId })
  }

  return (
    <div ref={container} className={`canvas${(following || leftLeader) && !projector ? ' canvas--following' : ''}`} data-testid="canvas" role="main" onPointerMove={pointer.onPointerMove} onPointerLeave={pointer.onPointerLeave}
      onDragOver={(e) => { if (!readOnly) e.preventDefault() }} onDrop={onDrop} {...lockRefusals.handlers} tabIndex={-1}
      onKeyDownCapture={cardKeys.onKeyDownCapture}
      onPointerDownCapture={(event) => {
        lastPress.current = event.timeStamp
        lockRefusals.handlers.onPointerDownCapture(event)
      }}>
      {/* Tab reaches the steps and the phases' and lanes' buttons before the first card: this jumps there. */}
      {!projector && !overview && <button type="button" className="skip-link" data-testid="skip-to-cards"
        onClick={() => focusFirstCard(container.current)}>{t('canvas.skipToCards')}</button>}
      <CanvasContext.Provider value={canvas}>
        {opening && <ReactFlow<BoardFlowNode, JourneyFlowEdge>
          defaultViewport={opening.viewport}
          nodes={flowNodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
          onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect} onConnectEnd={onConnectEnd}
          onNodeClick={onNodeClick} onPaneClick={cells.clearCell}
          onMove={onMove} onMoveStart={onViewMoveStart} onMoveEnd={onViewMoveEnd}
          nodesDraggable={!readOnly} nodesConnectable={!readOnly} edgesFocusable={!readOnly}
          deleteKeyCode={deleteKeys} onBeforeDelete={onBeforeDelete} multiSelectionKeyCode={MULTI_SELECT_KEYS} zoomOnDoubleClick={false}
          minZoom={MIN_ZOOM} maxZoom={MAX_ZOOM} snapToGrid={false} onlyRenderVisibleElements={!everything}
          proOptions={projector ? PROJECTOR_PRO_OPTIONS : PRO_OPTIONS} attributionPosition={reserveRight ? 'bottom-left' : 'bottom-right'} ariaLabelConfig={ariaLabels}>
          <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} color="#c9cfdb" />
          {/* Top left, in a row: at the bottom left they covered the emotion curve's Delighting / OK / Disappointing, which sit
              at the fitted board's bottom left; the top left of the board is its empty corner cell. */}
          <Controls position="top-left" orientation="horizontal" showInteractive={false} showFitView={false} onZoomIn={touchedByButton} onZoomOut={touchedByButton}>
            {/* Our fit, not React Flow's: a board too big for the smallest zoom keeps its top left in view (fitOnCanvas). */}
            <ControlButton className="react-flow__controls-fitview" onClick={() => { untouched.current = true; fitBoard() }} title={t('canvas.fitView')} aria-label={t('canvas.fitView')}>
              <Icon name="fit" />
            </ControlButton>
            {!projector && <HelpControl readOnly={readOnly} />}
          </Controls>
          {overview && (
            <Overview cards={overviewCards} resting={restingCards} edges={view.edges} moving={moving} selection={selection} readOnly={readOnly}
              drag={movingAt} onSelect={onSelect} onOpen={onOpen} onEdit={setEditingId} onDrag={dragMove} onDrop={onOverviewDrop} />
          )}
          <PinnedHeaders layout={layout} />
          {!overview && <CarriedSteps steps={carriedSteps} at={carriedEnds} drag={movingAt} />}
          <Cursors roles={projector ? FACILITATOR_ONLY : undefined} />
        </ReactFlow>}
      </CanvasContext.Provider>
      {!projector && <div className="visually-hidden" role="status" aria-live="polite" data-testid="card-moves">{cardKeys.message}</div>}
      {!projector && <SelectionHint count={selection.size} locked={countIn(selection, status.lockedForMe)} readOnly={readOnly} onClear={clearSelection} />}
      {!projector && <RefusalToast local={latest(lockRefusals.refusal, undoNotice)} />}
      {!projector && <FollowStrip />}
      {!projector && <VotingResults />}
    </div>
  )
}

/** What React Flow says of its controls, cards and steps (its defaults are English), in the UI's language. */
function canvasAriaLabels(t: TFunction): Partial<AriaLabelConfig> {
  return {
    'controls.ariaLabel': t('canvas.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'node.a11yDescription.default': t('canvas.card'),
    'node.a11yDescription.keyboardDisabled': t('canvas.cardByKeys'),
    'edge.a11yDescription.default': t('canvas.step'),
    'handle.ariaLabel': t('canvas.handle'),
  }
}

/** Ids of the cards being dragged, here or by someone else; the same Set for as long as the same cards move. */
function useMovingCards(dragged: ReadonlySet<string>, peers: Peer[]): ReadonlySet<string> {
  const last = useRef<{ key: string; ids: ReadonlySet<string> }>({ key: '', ids: new Set() })
  const theirs = peers.flatMap((p) => (!p.isSelf && p.dragging ? [p.dragging.touchpointId, ...(p.dragging.along ?? [])] : []))
  const ids = [...new Set([...dragged, ...theirs])].sort()
  const key = ids.join('\u0000')
  if (key !== last.current.key) last.current = { key, ids: new Set(ids) }
  return last.current.ids
}

/** Cards someone else is dragging or editing; the same Map until that changes (not on every cursor move). */
function useBusyCards(peers: Peer[]): ReadonlyMap<string, CardBusy> {
  const last = useRef<{ key: string; busy: ReadonlyMap<string, CardBusy> }>({ key: '', busy: new Map() })
  const busy = new Map<string, CardBusy>()
  for (const p of peers) {
    if (p.isSelf) continue
    const dragged = p.dragging ? [p.dragging.touchpointId, ...(p.dragging.along ?? [])] : []
    for (const id of [...dragged, p.editing]) {
      if (id && !busy.has(id)) busy.set(id, { name: p.user.name, color: p.user.color, dragging: dragged.includes(id) })
    }
  }
  const key = JSON.stringify([...busy])
  if (key !== last.current.key) last.current = { key, busy }
  return last.current.busy
}

/**
 * Puts a React Flow node's element at `position` (flow coordinates) without a render: how a card dragged here follows the
 * pointer (see localDrag.ts). React Flow draws the node there too whenever the canvas renders during the drag.
 */
function moveNodeOnScreen(canvas: HTMLElement | null, id: string, position: Point | undefined): void {
  const element = position && canvas?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
  if (element) element.style.transform = `translate(${position.x}px,${position.y}px)`
}

/** How many of `ids` are in `among`. */
function countIn(ids: ReadonlySet<string>, among: ReadonlySet<string>): number {
  let count = 0
  for (const id of ids) if (among.has(id)) count++
  return count
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  if (set.has(id) === on) return set
  const next = new Set(set)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

/** The later of two things this page said. */
const latest = (a: ShownRefusal | null, b: ShownRefusal | null) => (!a ? b : !b ? a : a.at >= b.at ? a : b)
