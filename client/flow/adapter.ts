import type { Edge, EdgeChange, MarkerType, Node, NodeChange } from '@xyflow/react'
import type * as Y from 'yjs'
import {
  type BoardState, type Channel, type ChannelSwitch, type EmotionPoint, type FactorCounts, type JourneyStep, type RatingDistribution, type Touchpoint,
  emotionCurve, factorHeatmap, linkTouchpoints, moveTouchpoint, ratingDistribution, removeTouchpoint, unlinkStep,
} from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { CURVE_GAP, CURVE_HEIGHT, GRID, type Cell, type GridLayout, type Point, cardCentre, cellAt } from './layout.js'
import { CARD_HANDLES, STEP_ENDS } from './cardGeometry.js'
import type { Corridor } from './corridorTracks.js'
import { sameFields, sameList } from './sameness.js'
import { type CorridorPlacement, type LabelPlacement, corridorPlacement, stepCorridors, switchLabelSpots } from './stepPlacement.js'

export { STEP_ENDS, stepCorridors }

/**
 * The one adapter between React Flow and the board document. Pure functions,
 * no React: the doc is the source of truth, React Flow only renders it and
 * reports what the user did.
 */
export const GRID_NODE_ID = 'grid'
export const CURVE_NODE_ID = 'emotion-curve'

/** Someone else dragging or editing a card. */
export interface CardBusy { name: string; color: string; dragging: boolean }
/** A card's dots in a touchpoint voting round: the count once revealed, else this person's own votes. */
export type CardVote = { result: number } | { mine: number; canCast: boolean }

/**
 * Everything a card shows, so the card component reads nothing else and
 * React.memo can skip every card whose data object did not change.
 */
export interface TouchpointNodeData extends Record<string, unknown> {
  touchpoint: Touchpoint
  channel: Channel
  /** Stardust ideas on the card. */
  stardust: number
  /** The ratings of a moment of truth, once someone rated it. */
  distribution: RatingDistribution | null
  /** Factor counts, in the heatmap view only. */
  heat: FactorCounts | null
  /** On the facilitator's lock list (shown with a padlock; facilitators may still move it). */
  locked: boolean
  /** The facilitator's focus card. */
  focused: boolean
  /** This person is editing its title inline. */
  editing: boolean
  busy: CardBusy | null
  vote: CardVote | null
}
/** The grid's geometry (a layout without the card positions) and whether it is locked for this person. */
export type GridGeometry = Omit<GridLayout, 'cards'>
export type TouchpointFlowNode = Node<TouchpointNodeData, 'touchpoint'>
export type GridFlowNode = Node<{
  layout: GridGeometry
  locked: boolean
  /** The cell selected on this screen, where the palette adds: local, never in the document (see useCellSelection). */
  selectedCell?: Cell | null
}, 'grid'>
export type CurveFlowNode = Node<{ points: EmotionPoint[]; color: string }, 'curve'>
export type BoardFlowNode = TouchpointFlowNode | GridFlowNode | CurveFlowNode
export type JourneyEdgeData = {
  switch: ChannelSwitch | null
  color: string
  faded: boolean
  /** Where the channel-switch label goes, clear of the cards (placeSwitchLabels); absent: the step's middle. */
  labelAt?: Point
  /** For a step that skips a phase: the border between lanes it runs along, clear of the cards, on its tracks (stepCorridor, corridorTracks). */
  corridor?: Corridor
}
export type JourneyFlowEdge = Edge<JourneyEdgeData, 'journey'>

const CARD_SIZE = { width: GRID.cardWidth, height: GRID.cardHeight }

export interface FlowView {
  nodes: BoardFlowNode[]
  edges: JourneyFlowEdge[]
  /** What the cards' data came from, so the next view can keep a card whose touchpoint did not change without looking closer. */
  cardsFrom?: CardSources
  /** What the edges came from, so the next view can keep them all when none of it changed. */
  edgesFrom?: EdgeSources
  /** Where the channel-switch labels went, and among what. */
  labelPlacement?: LabelPlacement
  /** The tracks of the steps along borders, and what they were worked out from. */
  corridors?: CorridorPlacement
}

/** What the journey's edges are made of: the steps, the personas' colours and the cards' channels, and which paths show. */
interface EdgeSources {
  journey: BoardState['journey']
  personas: BoardState['personas']
  touchpoints: BoardState['touchpoints']
  lanes: BoardState['lanes']
  /** With the lanes and touchpoints, what the layout is made of: the channel-switch labels keep clear of the cards. */
  phases: BoardState['phases']
  personaId: string
  showOthers: boolean
  switchLabelWidth: JourneyView['switchLabelWidth']
}

/** What a card's node is made of besides its touchpoint, its place, its ratings and its stardust. */
interface CardSources {
  phases: BoardState['phases']
  lanes: BoardState['lanes']
  factors: BoardState['factors']
  status: CardStatus
  /** Compared card by card: a board reader keeps each card's ratings as the same object while nobody rates it. */
  ratings: BoardState['ratings']
}

export interface JourneyView {
  /** The persona whose journey path is drawn. */
  personaId: string
  /** Also draw the other personas' paths, faded. */
  showOthers: boolean
  /**
   * How wide a channel-switch label is ("⇄ physical → digital", in the page's language), in flow pixels. With it each
   * label gets a spot on its step that covers no card (JourneyEdgeData.labelAt); without it labels sit mid-step.
   */
  switchLabelWidth?: (to: Channel) => number
}

/** What this screen shows on top of the document: view mode, session and presence state. */
export interface CardStatus {
  heatmap: boolean
  /** Touchpoints on the facilitator's lock list. */
  locked: ReadonlySet<string>
  /** Touchpoints this person may not move or delete though they could others (none for a facilitator or a viewer). */
  lockedForMe: ReadonlySet<string>
  gridLockedForMe: boolean
  focusId: string | null
  editingId: string | null
  /** Cards someone else is dragging or editing. */
  busy: ReadonlyMap<string, CardBusy>
  /** A touchpoint voting round, if one is open or revealed. */
  voting: { results: Record<string, number> | null; myVotes: readonly string[]; votesLeft: number } | null
}

export const NO_CARD_STATUS: CardStatus = {
  heatmap: false, locked: new Set(), lockedForMe: new Set(), gridLockedForMe: false, focusId: null, editingId: null, busy: new Map(), voting: null,
}

/** The titles each step's aria-label was made of: the same strings again, and the step is the one made before. */
const stepTitles = new WeakMap<JourneyFlowEdge, readonly [string, string]>()

/**
 * The board as React Flow nodes and edges. Pass the previous result as
 * `previous`: every node, edge and data object whose content did not change
 * is then the previous object itself (===), so React Flow and React.memo skip
 * it and a change to one touchpoint re-renders one card, not all of them.
 * Only id, type, data, position and size come from here; selection, measured
 * sizes and dragging stay in React Flow and never reach the document.
 */
export function docToFlow(
  board: BoardState,
  layout: GridLayout,
  journey: JourneyView,
  options: { status?: CardStatus; previous?: FlowView } = {},
): FlowView {
  const status = options.status ?? NO_CARD_STATUS
  const before = new Map<string, BoardFlowNode>()
  for (const node of options.previous?.nodes ?? []) before.set(node.id, node)

  const lastGrid = before.get(GRID_NODE_ID) as GridFlowNode | undefined
  const grid: GridFlowNode = lastGrid && lastGrid.data.locked === status.gridLockedForMe && sameGeometry(lastGrid.data.layout, layout)
    ? lastGrid
    : {
      id: GRID_NODE_ID,
      type: 'grid',
      position: { x: 0, y: 0 },
      width: layout.width,
      height: layout.height,
      measured: { width: layout.width, height: layout.height },
      data: { layout: { columns: layout.columns, rows: layout.rows, width: layout.width, height: layout.height }, locked: status.gridLockedForMe },
      draggable: false,
      selectable: false,
      focusable: false,
      deletable: false,
      connectable: false,
      // React Flow gives non-interactive nodes pointer-events: none; the grid needs double-clicks on its cells.
      style: { pointerEvents: 'all' },
      // Below the journey path's edges, which React Flow draws under nodes of z-index 0.
      zIndex: -1,
    }

  const points = emotionCurve(board, journey.personaId)
  const color = board.personas.find((p) => p.id === journey.personaId)?.color ?? '#1f2a44'
  const lastCurve = before.get(CURVE_NODE_ID) as CurveFlowNode | undefined
  const curve: CurveFlowNode = lastCurve && lastCurve.position.y === layout.height + CURVE_GAP && lastCurve.width === layout.width
    && lastCurve.data.color === color && sameList(lastCurve.data.points, points, samePoint)
    ? lastCurve
    : {
      id: CURVE_NODE_ID,
      type: 'curve',
      position: { x: 0, y: layout.height + CURVE_GAP },
      width: layout.width,
      height: CURVE_HEIGHT,
      measured: { width: layout.width, height: CURVE_HEIGHT },
      data: { points, color },
      draggable: false,
      selectable: false,
      focusable: false,
      deletable: false,
      connectable: false,
    }

  let channels: Map<string, Channel | undefined> | undefined
  const channelOf = (id: string) => {
    if (!channels) {
      const channelOfLane = new Map(board.lanes.map((l) => [l.id, l.channel]))
      channels = new Map(board.touchpoints.map((t) => [t.id, channelOfLane.get(t.laneId)]))
    }
    return channels.get(id)
  }
  const stardust = new Map<string, number>()
  for (const idea of board.stardust) stardust.set(idea.touchpointId, (stardust.get(idea.touchpointId) ?? 0) + 1)
  const heatmap = status.heatmap ? factorHeatmap(board) : null
  const voting = status.voting
  const myVotes = new Map<string, number>()
  for (const id of voting?.myVotes ?? []) myVotes.set(id, (myVotes.get(id) ?? 0) + 1)

  const cardsFrom: CardSources = { phases: board.phases, lanes: board.lanes, factors: board.factors, status, ratings: board.ratings }
  const was = options.previous?.cardsFrom
  // Since the last view someone renamed a card, rated one, gave one an idea or moved one: a card whose touchpoint is the same
  // object in the same place, with the same ratings and as many ideas, is the same node. On a board of 1,000 cards this
  // skips building and comparing the data of 999 of them.
  const sameSources = !!was && was.phases === cardsFrom.phases && was.lanes === cardsFrom.lanes && was.factors === cardsFrom.factors && was.status === cardsFrom.status
  const phaseNames = new Map(board.phases.map((phase) => [phase.id, phase.name]))
  const laneNames = new Map(board.lanes.map((lane) => [lane.id, lane.name]))
  const cards: TouchpointFlowNode[] = []
  const touchpointOf = new Map(board.touchpoints.map((touchpoint) => [touchpoint.id, touchpoint]))
  // In the order the board reads (phase by phase, lane by lane, each cell from the top), as the layout places them: the
  // order of the cards in the page, which Tab and a screen reader follow. A card whose phase or lane was removed
  // concurrently has no place; it reappears once reassigned.
  for (const [id, position] of layout.cards) {
    const touchpoint = touchpointOf.get(id)
    if (!touchpoint) continue
    const kept = sameSources ? before.get(id) : undefined
    if (kept?.type === 'touchpoint' && kept.data.touchpoint === touchpoint && kept.position.x === position.x && kept.position.y === position.y
      && was!.ratings[id] === board.ratings[id] && kept.data.stardust === (stardust.get(id) ?? 0)) {
      cards.push(kept)
      continue
    }
    const rated = touchpoint.momentOfTruth ? ratingDistribution(board, id) : null
    const data: TouchpointNodeData = {
      touchpoint,
      channel: channelOf(id) ?? 'physical',
      stardust: stardust.get(id) ?? 0,
      distribution: rated && rated.total > 0 ? rated : null,
      heat: heatmap?.get(id) ?? null,
      locked: status.locked.has(id),
      focused: status.focusId === id,
      editing: status.editingId === id,
      busy: status.busy.get(id) ?? null,
      vote: !voting ? null : voting.results ? { result: voting.results[id] ?? 0 } : { mine: myVotes.get(id) ?? 0, canCast: voting.votesLeft > 0 },
    }
    const lockedForMe = status.lockedForMe.has(id)
    // What a screen reader names the card by: its title and its cell.
    const ariaLabel = `${touchpoint.title} (${phaseNames.get(touchpoint.phaseId) ?? ''}, ${laneNames.get(touchpoint.laneId) ?? ''})`
    const last = before.get(id)
    if (last?.type === 'touchpoint' && last.position.x === position.x && last.position.y === position.y
      && (last.draggable === false) === lockedForMe && last.ariaLabel === ariaLabel && sameCardData(last.data, data)) {
      cards.push(last)
      continue
    }
    if (last?.type === 'touchpoint' && sameFields(last.data.touchpoint, touchpoint)) data.touchpoint = last.data.touchpoint
    cards.push({
      id,
      type: 'touchpoint',
      position,
      ...CARD_SIZE,
      measured: CARD_SIZE,
      handles: CARD_HANDLES,
      ariaLabel,
      data,
      // Nor does dragging it pan the board, as React Flow does from a card it may not drag unless it is `nopan`: useLockRefusals says why.
      ...(lockedForMe ? { draggable: false, deletable: false, className: 'nopan' } : {}),
      // Its title being typed in, over the cards beside it: on a board zoomed out the field grows over them (styles.css).
      ...(data.editing ? { zIndex: 2000 } : {}),
    })
  }

  const edgesFrom: EdgeSources = {
    journey: board.journey, personas: board.personas, touchpoints: board.touchpoints, lanes: board.lanes, phases: board.phases,
    personaId: journey.personaId, showOthers: journey.showOthers, switchLabelWidth: journey.switchLabelWidth,
  }
  const edgesWere = options.previous?.edgesFrom
  // Someone rated a card or gave it an idea: no step, colour or channel changed, and the edges are the last ones, as they were.
  if (edgesWere && options.previous && (Object.keys(edgesFrom) as (keyof EdgeSources)[]).every((key) => edgesWere[key] === edgesFrom[key])) {
    const { edges, labelPlacement, corridors } = options.previous
    return { nodes: [grid, curve, ...cards], edges, cardsFrom, edgesFrom, labelPlacement, corridors }
  }
  const lastEdges = new Map<string, JourneyFlowEdge>()
  for (const edge of options.previous?.edges ?? []) lastEdges.set(edge.id, edge)
  const colors = new Map(board.personas.map((p) => [p.id, p.color]))
  const titles = new Map<string, string>()
  for (const touchpoint of board.touchpoints) titles.set(touchpoint.id, touchpoint.title)
  const shown = board.journey
    .filter((step) => journey.showOthers || step.personaId === journey.personaId)
    // Faded paths first, so the selected persona's path is drawn over them.
    .sort((a, b) => Number(a.personaId === journey.personaId) - Number(b.personaId === journey.personaId))
  const switchOf = (step: JourneyStep): ChannelSwitch | null => {
    const from = channelOf(step.from)
    const to = channelOf(step.to)
    return from && to && from !== to ? { from, to } : null
  }
  const placement = corridorPlacement(shown, journey, layout, options.previous?.corridors)
  const corridors = placement.corridors
  const labelPlacement = journey.switchLabelWidth
    ? switchLabelSpots(shown, journey, layout, switchOf, corridors, journey.switchLabelWidth, options.previous?.labelPlacement)
    : undefined
  const labels = labelPlacement?.placed ?? new Map<string, Point>()
  const edges: JourneyFlowEdge[] = shown.map((step) => {
    const faded = step.personaId !== journey.personaId
    const color = colors.get(step.personaId) ?? '#53607a'
    const zigzag = switchOf(step)
    const labelAt = labels.get(step.id)
    const corridor = corridors.get(step.id)
    const fromTitle = titles.get(step.from) ?? ''
    const toTitle = titles.get(step.to) ?? ''
    const last = lastEdges.get(step.id)
    const named = last && stepTitles.get(last)
    if (last && last.source === step.from && last.target === step.to && named?.[0] === fromTitle && named[1] === toTitle
      && last.data!.color === color && last.data!.faded === faded
      && last.data!.switch?.from === zigzag?.from && last.data!.switch?.to === zigzag?.to
      && last.data!.labelAt?.x === labelAt?.x && last.data!.labelAt?.y === labelAt?.y && sameFields(last.data!.corridor ?? null, corridor ?? null)) return last
    const edge: JourneyFlowEdge = {
      id: step.id,
      type: 'journey' as const,
      source: step.from,
      target: step.to,
      // What a screen reader says of the step: the two cards' titles, not their ids.
      ariaLabel: `${fromTitle} → ${toTitle}`,
      selectable: !faded,
      deletable: !faded,
      // Under the cards, so a path that doubles back never covers a card's buttons.
      zIndex: 0,
      markerEnd: { type: 'arrowclosed' as MarkerType, color, width: 5, height: 5 },
      data: { switch: zigzag, color, faded, ...(labelAt ? { labelAt } : {}), ...(corridor === undefined ? {} : { corridor }) },
    }
    stepTitles.set(edge, [fromTitle, toTitle])
    return edge
  })
  return { nodes: [grid, curve, ...cards], edges, cardsFrom, edgesFrom, labelPlacement, corridors: placement }
}

const samePoint = (a: EmotionPoint, b: EmotionPoint) => sameFields(a, b)

function sameGeometry(a: GridGeometry, b: GridGeometry): boolean {
  return a.width === b.width && a.height === b.height && sameList(a.columns, b.columns, sameFields) && sameList(a.rows, b.rows, sameFields)
}

function sameCardData(a: TouchpointNodeData, b: TouchpointNodeData): boolean {
  return a.channel === b.channel && a.stardust === b.stardust && a.locked === b.locked && a.focused === b.focused
    && a.editing === b.editing && sameFields(a.touchpoint, b.touchpoint) && sameFields(a.distribution, b.distribution)
    && sameFields(a.heat, b.heat) && sameFields(a.busy, b.busy) && sameFields(a.vote, b.vote)
}

/**
 * Writes the user's finished actions to the doc (drops into a cell, deletes)
 * and returns the changes that stay local to this screen (selection, a card
 * still being dragged, measured sizes).
 */
export function applyFlowChanges(
  doc: Y.Doc,
  changes: NodeChange<BoardFlowNode>[],
  layout: GridLayout,
  origin: TransactionOrigin,
): NodeChange<BoardFlowNode>[] {
  const local: NodeChange<BoardFlowNode>[] = []
  const writes: NodeChange<BoardFlowNode>[] = []
  for (const change of changes) {
    const removal = change.type === 'remove' && change.id !== GRID_NODE_ID && change.id !== CURVE_NODE_ID
    const drop = change.type === 'position' && change.dragging === false && change.position
    if (removal || drop) writes.push(change)
    else local.push(change)
  }
  // No transaction at all for what stays local (every pointer move of a drag): an empty one still makes every view re-read the board.
  if (writes.length > 0) {
    // Several cards dropped at once (a multi-selection) go in from the top, so those landing in one cell keep their order.
    if (writes.length > 1) writes.sort((a, b) => dropY(a) - dropY(b))
    doc.transact(() => {
      for (const change of writes) {
        if (change.type === 'remove') {
          removeTouchpoint(doc, change.id, origin)
        } else if (change.type === 'position' && change.position) {
          const target = cellAt(layout, cardCentre(change.position))
          if (target) moveTouchpoint(doc, change.id, target, origin)
        }
      }
    }, origin)
  }
  return local
}

const dropY = (change: NodeChange) => (change.type === 'position' ? change.position?.y ?? 0 : 0)

/**
 * The cards selected after React Flow's selection changes, or undefined when they leave the selection as it is. React Flow
 * reports a new selection as one change per card whose state differs, in the order of its nodes: pressing card B while A is
 * selected gives "B selected" and "A unselected" in either order, and B must win both ways; Shift- or Ctrl-clicking B adds
 * it ("B selected" alone), a selection box reports every card it takes in or lets go.
 */
export function selectionAfter(changes: readonly NodeChange[], selection: ReadonlySet<string>): ReadonlySet<string> | undefined {
  let next: Set<string> | undefined
  for (const change of changes) {
    if (change.type !== 'select' || (next ?? selection).has(change.id) === change.selected) continue
    next ??= new Set(selection)
    if (change.selected) next.add(change.id)
    else next.delete(change.id)
  }
  return next && (next.size !== selection.size || [...next].some((id) => !selection.has(id))) ? next : undefined
}

export function applyJourneyChanges(
  doc: Y.Doc,
  changes: EdgeChange<JourneyFlowEdge>[],
  origin: TransactionOrigin,
): EdgeChange<JourneyFlowEdge>[] {
  const local: EdgeChange<JourneyFlowEdge>[] = []
  for (const change of changes) {
    if (change.type === 'remove') unlinkStep(doc, change.id, origin)
    else local.push(change)
  }
  return local
}

/** A new link goes onto the journey of the persona being drawn. */
export function connectTouchpoints(
  doc: Y.Doc,
  personaId: string,
  connection: { source: string | null; target: string | null },
  origin: TransactionOrigin,
): string | null {
  if (!connection.source || !connection.target) return null
  return linkTouchpoints(doc, personaId, connection.source, connection.target, origin)
}
