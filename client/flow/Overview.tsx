import { Position, getBezierPath, useStoreApi } from '@xyflow/react'
import { type PointerEvent, type Ref, memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react'
import { type JourneyFlowEdge, STEP_ENDS, type TouchpointFlowNode } from './adapter.js'
import { FlowPortal } from './FlowPortal.js'
import { GRID, type Point } from './layout.js'
import type { MovingPositions } from './localDrag.js'
import type { DraggedAlong } from '../sync/presence.js'
import { OverviewCanvas } from './OverviewCanvas.js'
import { SWITCH_DASH, titleBarWidth } from './overviewPicture.js'

/** Pointer travel (screen pixels) before a press on a card becomes a drag, as React Flow's default. */
const DRAG_THRESHOLD = 1

export interface OverviewProps {
  /** The cards to draw, where they are on this screen (including cards being dragged). */
  cards: TouchpointFlowNode[]
  /** The same cards where the document puts them (the same array for as long as no card moves in the document). */
  resting: TouchpointFlowNode[]
  /** Every journey step that is drawn. */
  edges: JourneyFlowEdge[]
  /** Cards being dragged here or by someone else. */
  moving: ReadonlySet<string>
  /** Where the cards being dragged, here or by someone else, are, move by move (the other props change only when a drag starts or ends). */
  drag: MovingPositions
  selection: ReadonlySet<string>
  readOnly: boolean
  /** A card was pressed (the selection becomes it), or Shift-, Ctrl- or Cmd-clicked (it joins the selection or leaves it). */
  onSelect: (selection: ReadonlySet<string>) => void
  /** A card was clicked without being dragged. */
  onOpen: (id: string) => void
  onEdit: (id: string) => void
  /** A card moves to `position`; the first of a group names the others as offsets from it (`along`), the others pass null. */
  onDrag: (id: string, position: Point, along?: DraggedAlong[] | null) => void
  /** The cards were let go there: each into the cell it is over, in one change. */
  onDrop: (moves: { id: string; position: Point }[]) => void
}

/**
 * The board zoomed out far (see BoardCanvas): React Flow draws only the grid
 * and the emotion curve, and this draws the cards and the journey path. The
 * resting ones are one picture on a canvas (OverviewCanvas): a card is a
 * block with its channel colour, kind, status, moment-of-truth mark and its
 * title as a bar (and a tooltip); a step is a curve in the persona's colour,
 * dashed where the channel switches. No React Flow node or edge per card and
 * step, no element at all: no handles, arrowheads or switch labels (a pixel
 * or two at these zooms).
 *
 * Cards can be clicked (select and open), Shift-, Ctrl- or Cmd-clicked (add
 * to the selection or take out), double-clicked (edit the title: React Flow
 * then draws that card in full) and dragged into another cell; dragging a
 * card of a selection drags the whole selection, as on the full canvas.
 * A card being moved, here or by someone else, and its steps leave the
 * picture and are drawn above it as elements (a lite card, an SVG path) on
 * compositing layers of their own, so moving them redraws neither the
 * picture nor the board under it.
 */
export function Overview({ cards, resting, edges, moving, drag, selection, readOnly, onSelect, onOpen, onEdit, onDrag, onDrop }: OverviewProps) {
  const store = useStoreApi()
  const still = useMemo(() => edges.filter((e) => !moving.has(e.source) && !moving.has(e.target)), [edges, moving])
  const restingAt = useMemo(() => positions(resting), [resting])
  const movingEdges = useMemo(() => edges.filter((e) => moving.has(e.source) || moving.has(e.target)), [edges, moving])
  const movingCards = useMemo(() => cards.filter((c) => moving.has(c.id)), [cards, moving])
  const movingAt = useMemo(() => {
    const ends = new Set(movingEdges.flatMap((e) => [e.source, e.target]))
    return new Map(cards.filter((c) => ends.has(c.id)).map((c) => [c.id, c.position]))
  }, [cards, movingEdges])
  const stillCards = useMemo(() => resting.filter((c) => !moving.has(c.id)), [resting, moving])

  // A press on a card selects it; moving the pointer then drags it (window listeners: the card moves to another layer meanwhile),
  // letting go without moving opens it.
  const latest = useRef({ onSelect, onDrag, onDrop, onOpen, onEdit, readOnly, selection, cards })
  latest.current = { onSelect, onDrag, onDrop, onOpen, onEdit, readOnly, selection, cards }
  const onPress = useCallback((card: TouchpointFlowNode, event: PointerEvent) => {
    const { id } = card
    const { selection: selected, readOnly: viewing } = latest.current
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      const next = new Set(selected)
      if (!next.delete(id)) next.add(id)
      latest.current.onSelect(next)
      return
    }
    // A card of a selection carries the selection along; any other card becomes the selection.
    const group = selected.has(id) && selected.size > 1 ? latest.current.cards.filter((c) => selected.has(c.id)) : [card]
    if (!selected.has(id)) latest.current.onSelect(new Set([id]))
    const movers = viewing ? [] : [card, ...group.filter((c) => c.id !== id)].filter((c) => c.draggable !== false)
    const { pointerId, clientX: x0, clientY: y0 } = event
    let dragging = false
    const moves = (e: globalThis.PointerEvent) => {
      const zoom = store.getState().transform[2]
      const dx = (e.clientX - x0) / zoom, dy = (e.clientY - y0) / zoom
      return movers.map((c) => ({ id: c.id, position: { x: c.position.x + dx, y: c.position.y + dy } }))
    }
    const move = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== pointerId || movers.length === 0) return
      if (!dragging && Math.hypot(e.clientX - x0, e.clientY - y0) <= DRAG_THRESHOLD) return
      dragging = true
      const [lead, ...others] = moves(e)
      latest.current.onDrag(lead!.id, lead!.position,
        others.map((m) => ({ touchpointId: m.id, dx: m.position.x - lead!.position.x, dy: m.position.y - lead!.position.y })))
      for (const other of others) latest.current.onDrag(other.id, other.position, null)
    }
    const up = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== pointerId) return
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
      if (dragging) latest.current.onDrop(moves(e))
      else if (e.type === 'pointerup') latest.current.onOpen(id)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
  }, [store])
  const onDoubleClick = useCallback((card: TouchpointFlowNode) => {
    if (!latest.current.readOnly) latest.current.onEdit(card.id)
  }, [])

  return (
    <>
      <FlowPortal layer="edgelabel-renderer">
        <OverviewCanvas cards={stillCards} edges={still} at={restingAt} selected={selection} onPress={onPress} onDoubleClick={onDoubleClick} />
      </FlowPortal>
      {(movingEdges.length > 0 || movingCards.length > 0) && (
        <MovingLayer cards={movingCards} edges={movingEdges} at={movingAt} drag={drag} selection={selection} />
      )}
    </>
  )
}

/**
 * The cards being moved and their steps. React renders them when a drag starts or ends (and for a new selection); every move
 * in between, here or someone else's, only sets the moved cards' transforms and their steps' paths (`follow`): in a big
 * workshop a dozen people drag at once, and re-rendering the layer for each move was most of a frame's script.
 */
function MovingLayer({ cards, edges, at, drag, selection }: {
  cards: TouchpointFlowNode[]; edges: JourneyFlowEdge[]; at: Positions; drag: MovingPositions; selection: ReadonlySet<string>
}) {
  const steps = useRef<SVGSVGElement>(null)
  const deck = useRef<HTMLDivElement>(null)
  // Read, not subscribed: the moves after this render are `follow`'s.
  const moved = drag.positions()
  useLayoutEffect(() => follow({ cards: deck.current!, steps: steps.current!, edges, at, drag, drawn: moved }), [edges, at, drag, moved])
  return (
    <FlowPortal layer="viewport-portal">
      <Steps ref={steps} edges={edges} at={placed(at, moved)} moving />
      <div ref={deck} className="overview-cards overview-cards--moving">
        {cards.map((card) => {
          const position = moved.get(card.id)
          return <Card key={card.id} card={position ? { ...card, position } : card} selected={selection.has(card.id)} moving />
        })}
      </div>
    </FlowPortal>
  )
}

/** Keeps the moving layer's elements where `drag` says, move by move, from the positions `drawn` (the render's); answers how to stop. */
function follow({ cards, steps, edges, at, drag, drawn }: {
  cards: HTMLElement; steps: SVGSVGElement; edges: JourneyFlowEdge[]; at: Positions; drag: MovingPositions; drawn: ReadonlyMap<string, Point>
}): () => void {
  const cardElements = new Map<string, HTMLElement>()
  for (const element of cards.children) cardElements.set((element as HTMLElement).dataset.touchpointId!, element as HTMLElement)
  const pathElements = new Map<string, Element>()
  for (const element of steps.children) pathElements.set(element.getAttribute('data-step-id')!, element)
  let shown = drawn
  const place = () => {
    const next = drag.positions()
    if (next === shown) return
    const changed = new Set<string>()
    for (const [id, position] of next) if (shown.get(id) !== position) changed.add(id)
    for (const id of shown.keys()) if (!next.has(id)) changed.add(id)
    shown = next
    for (const id of changed) {
      const position = next.get(id)
      const element = cardElements.get(id)
      if (element && position) element.style.transform = `translate(${position.x}px, ${position.y}px)`
    }
    const where = placed(at, next)
    for (const edge of edges) {
      if (!changed.has(edge.source) && !changed.has(edge.target)) continue
      const d = stepPath(edge, where)
      if (d) pathElements.get(edge.id)?.setAttribute('d', d)
    }
  }
  place() // moves between the render and now
  return drag.subscribe(place)
}

/** Where the cards are: `at`, with the moved ones where they were moved to. */
function placed(at: Positions, moved: ReadonlyMap<string, Point>): Positions {
  if (moved.size === 0) return at
  const where = new Map(at)
  for (const [id, position] of moved) where.set(id, position)
  return where
}

type Positions = ReadonlyMap<string, Point>

function positions(cards: TouchpointFlowNode[]): Positions {
  return new Map(cards.map((c) => [c.id, c.position]))
}

const Card = memo(function Card({ card, selected, moving = false }: { card: TouchpointFlowNode; selected: boolean; moving?: boolean }) {
  const { touchpoint, channel, heat, focused, busy } = card.data
  const tone = heat ? (heat.delight > heat.disappointment ? 'delight' : heat.disappointment > heat.delight ? 'disappointment' : 'even') : ''
  const { x, y } = card.position
  return (
    // One element per card: the status mark, the title bar and the moment-of-truth mark are its backgrounds (styles.css).
    <div className={`card card--lite card--${channel} card--${touchpoint.kind} card--status-${touchpoint.status}${touchpoint.momentOfTruth ? ' card--mot' : ''}`
      + `${selected ? ' card--selected' : ''}${heat ? ` card--heat-${tone}` : ''}${touchpoint.status === 'retire' ? ' card--retired' : ''}`
      + `${focused ? ' card--focused' : ''}${moving ? ' card--moving' : ''} nopan`}
      data-testid="touchpoint" data-touchpoint-id={card.id} data-title={touchpoint.title} title={touchpoint.title}
      style={{
        // Resting cards by left/top: no transform, so no paint property node per card; a moving one by transform, on its own layer.
        ...(moving ? { transform: `translate(${x}px, ${y}px)` } : { left: x, top: y }),
        width: GRID.cardWidth, height: GRID.cardHeight,
        ['--title' as string]: `${titleBarWidth(touchpoint.title)}px`,
        ...(busy ? { boxShadow: `0 0 0 14px ${busy.color}` } : {}),
      }} />
  )
})

/** A step's curve between its cards at `at`, as React Flow draws it; undefined if a card is not there. */
function stepPath(edge: JourneyFlowEdge, at: Positions): string | undefined {
  const from = at.get(edge.source)
  const to = at.get(edge.target)
  if (!from || !to) return undefined
  return getBezierPath({
    sourceX: from.x + STEP_ENDS.source.x, sourceY: from.y + STEP_ENDS.source.y, sourcePosition: Position.Right,
    targetX: to.x + STEP_ENDS.target.x, targetY: to.y + STEP_ENDS.target.y, targetPosition: Position.Left,
  })[0]
}

const Steps = memo(function Steps({ edges, at, moving = false, ref }: { edges: JourneyFlowEdge[]; at: Positions; moving?: boolean; ref?: Ref<SVGSVGElement> }) {
  const paths = []
  for (const edge of edges) {
    const d = stepPath(edge, at)
    if (!d) continue
    const { color, faded, switch: zigzag } = edge.data!
    paths.push(
      <path key={edge.id} data-step-id={edge.id} d={d} stroke={color} strokeWidth={zigzag ? 4.5 : 3}
        strokeDasharray={zigzag ? SWITCH_DASH.join(' ') : undefined} opacity={faded ? 0.22 : undefined} />,
    )
  }
  return <svg ref={ref} className={`overview-edges${moving ? ' overview-edges--moving' : ''}`} aria-hidden="true">{paths}</svg>
})
