import type { Edge, EdgeChange, MarkerType, Node, NodeChange, NodeHandle, Position } from '@xyflow/react'
import type * as Y from 'yjs'
import {
  type BoardState, type ChannelSwitch, type EmotionPoint, type Touchpoint, channelSwitch, emotionCurve, linkTouchpoints,
  moveTouchpoint, removeTouchpoint, unlinkStep,
} from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { CURVE_GAP, CURVE_HEIGHT, GRID, type GridLayout, cardCentre, cellAt } from './layout.js'

/**
 * The one adapter between React Flow and the board document. Pure functions,
 * no React: the doc is the source of truth, React Flow only renders it and
 * reports what the user did.
 */
export const GRID_NODE_ID = 'grid'

export type TouchpointNodeData = { touchpoint: Touchpoint; channel: string }
export type TouchpointFlowNode = Node<TouchpointNodeData, 'touchpoint'>
export type GridFlowNode = Node<{ layout: GridLayout }, 'grid'>
export type CurveFlowNode = Node<{ points: EmotionPoint[]; color: string }, 'curve'>
export type BoardFlowNode = TouchpointFlowNode | GridFlowNode | CurveFlowNode
export const CURVE_NODE_ID = 'emotion-curve'
export type JourneyEdgeData = { switch: ChannelSwitch | null; color: string; faded: boolean }
export type JourneyFlowEdge = Edge<JourneyEdgeData, 'journey'>

/**
 * Cards have a fixed size, so their measured size and handle positions are
 * known up front: React Flow then needs no DOM measuring pass before it can
 * draw the journey path, and re-created node objects never lose their handles.
 */
const HANDLE = 12
const CARD_HANDLES: NodeHandle[] = [
  { type: 'target', position: 'left' as Position, x: -HANDLE / 2, y: GRID.cardHeight / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  { type: 'source', position: 'right' as Position, x: GRID.cardWidth - HANDLE / 2, y: GRID.cardHeight / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
]

export interface FlowView {
  nodes: BoardFlowNode[]
  edges: JourneyFlowEdge[]
}

export interface JourneyView {
  /** The persona whose journey path is drawn. */
  personaId: string
  /** Also draw the other personas' paths, faded. */
  showOthers: boolean
}

export function docToFlow(board: BoardState, layout: GridLayout, journey: JourneyView): FlowView {
  const grid: GridFlowNode = {
    id: GRID_NODE_ID,
    type: 'grid',
    position: { x: 0, y: 0 },
    width: layout.width,
    height: layout.height,
    measured: { width: layout.width, height: layout.height },
    data: { layout },
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
  const curve: CurveFlowNode = {
    id: CURVE_NODE_ID,
    type: 'curve',
    position: { x: 0, y: layout.height + CURVE_GAP },
    width: layout.width,
    height: CURVE_HEIGHT,
    measured: { width: layout.width, height: CURVE_HEIGHT },
    data: {
      points: emotionCurve(board, journey.personaId),
      color: board.personas.find((p) => p.id === journey.personaId)?.color ?? '#1f2a44',
    },
    draggable: false,
    selectable: false,
    focusable: false,
    deletable: false,
    connectable: false,
  }
  const channelOfLane = new Map(board.lanes.map((l) => [l.id, l.channel]))
  const cards: TouchpointFlowNode[] = board.touchpoints.flatMap((touchpoint) => {
    const position = layout.cards.get(touchpoint.id)
    if (!position) return [] // phase or lane removed concurrently; the card reappears once reassigned
    return [{
      id: touchpoint.id,
      type: 'touchpoint' as const,
      position,
      width: GRID.cardWidth,
      height: GRID.cardHeight,
      measured: { width: GRID.cardWidth, height: GRID.cardHeight },
      handles: CARD_HANDLES,
      data: { touchpoint, channel: channelOfLane.get(touchpoint.laneId) ?? 'physical' },
    }]
  })
  const colors = new Map(board.personas.map((p) => [p.id, p.color]))
  const edges: JourneyFlowEdge[] = board.journey
    .filter((step) => journey.showOthers || step.personaId === journey.personaId)
    // Faded paths first, so the selected persona's path is drawn over them.
    .sort((a, b) => Number(a.personaId === journey.personaId) - Number(b.personaId === journey.personaId))
    .map((step) => {
      const faded = step.personaId !== journey.personaId
      const color = colors.get(step.personaId) ?? '#53607a'
      return {
        id: step.id,
        type: 'journey',
        source: step.from,
        target: step.to,
        selectable: !faded,
        deletable: !faded,
        // Under the cards, so a path that doubles back never covers a card's buttons.
        zIndex: 0,
        markerEnd: { type: 'arrowclosed' as MarkerType, color, width: 5, height: 5 },
        data: { switch: channelSwitch(board, step.id), color, faded },
      }
    })
  return { nodes: [grid, curve, ...cards], edges }
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
  doc.transact(() => {
    for (const change of changes) {
      if (change.type === 'remove' && change.id !== GRID_NODE_ID && change.id !== CURVE_NODE_ID) {
        removeTouchpoint(doc, change.id, origin)
      } else if (change.type === 'position' && change.dragging === false && change.position) {
        const target = cellAt(layout, cardCentre(change.position))
        if (target) moveTouchpoint(doc, change.id, target, origin)
      } else {
        local.push(change)
      }
    }
  }, origin)
  return local
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
