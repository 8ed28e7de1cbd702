import { type ReactFlowState, useStore } from '@xyflow/react'
import { type MouseEvent, type PointerEvent, memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { JourneyFlowEdge, TouchpointFlowNode } from './adapter.js'
import type { Point } from './layout.js'
import { type Bounds, type PictureContent, cardAt, changedRegions, drawOverview, pictureBounds, reaching } from './overviewPicture.js'

/**
 * The most pixels the picture may take (32 MB), before the canvas's room to grow (ROOM: up to 255 more each way); a bigger
 * board is drawn at a lower resolution and scaled up.
 */
const MAX_PIXELS = 8e6
/** Beyond this many boxes to redraw at once (changedRegions), the whole picture is redrawn. */
const MAX_REGIONS = 160
/** Canvas pixels are allocated in steps of this many, each way (OverviewCanvas: room to grow). */
const ROOM = 256
const roomFor = (pixels: number) => Math.max(1, Math.ceil(pixels / ROOM) * ROOM)
/** How long the zoom must rest before the picture is redrawn at its resolution (until then the compositor scales it). */
const ZOOM_SETTLE_MS = 250

/**
 * Canvas pixels per flow pixel for a zoom: the device pixels the zoom shows, so the compositor draws the picture at its
 * own size (a scaled one cost the crowd's frames). Panning never redraws it; a zoom does once it rests (useSettledResolution).
 */
export function resolutionFor(zoom: number, devicePixelRatio: number): number {
  return zoom * devicePixelRatio
}

const selectResolution = (s: ReactFlowState) => resolutionFor(s.transform[2], window.devicePixelRatio || 1)

export interface OverviewCanvasProps {
  cards: readonly TouchpointFlowNode[]
  edges: readonly JourneyFlowEdge[]
  /** Where the ends of the steps are. */
  at: ReadonlyMap<string, Point>
  selected: ReadonlySet<string>
  /** A press on a card (a drag may follow). */
  onPress: (card: TouchpointFlowNode, event: PointerEvent) => void
  /** A double click on a card. */
  onDoubleClick: (card: TouchpointFlowNode) => void
}

/**
 * The resting cards of the overview and the journey path between them, as one
 * picture (./overviewPicture.ts) in the flow's coordinates: the viewport's
 * transform pans and zooms it like everything else. One canvas instead of an
 * element per card and a path per step: a thousand cards cost a few
 * milliseconds to draw, where as elements they cost React, style, layout and
 * paint a quarter of the page's first second.
 *
 * Pointing at a card shows its title (a tooltip) and the grab cursor. A press
 * on a card is the card's (OverviewCanvas marks itself `nopan` for React
 * Flow until the pointer is up); anywhere else it pans the board as before.
 * `data-cards` says how many cards the last drawing holds, `data-redraw`
 * whether it redrew the whole picture or only the parts where cards and
 * steps changed (changedRegions: a rename, a new selection, a drop), and
 * `data-drawings` how many drawings it has made.
 */
export const OverviewCanvas = memo(function OverviewCanvas(props: OverviewCanvasProps) {
  const { selected, onPress, onDoubleClick } = props
  // The board's view is rebuilt on every change of the board and of who does what; most leave every card as it was.
  const cards = useSameItems(props.cards)
  const edges = useSameItems(props.edges)
  const at = useSamePoints(props.at)
  const canvas = useRef<HTMLCanvasElement>(null)
  const resolution = useSettledResolution()
  const bounds = useMemo(() => pictureBounds(cards, edges, at), [cards, edges, at])
  const scale = bounds ? Math.min(resolution, Math.sqrt(MAX_PIXELS / (bounds.width * bounds.height))) : resolution

  // The canvas's size in its own pixels, set as its attributes (before it gets a context: sizing a canvas afterwards resets it),
  // with room to grow: a drop that makes a lane taller keeps the canvas, where a new size would cost a new backing store.
  const width = bounds ? roomFor(bounds.width * scale) : 1
  const height = bounds ? roomFor(bounds.height * scale) : 1
  // What the canvas covers, in flow coordinates: the picture's bounds and the room beyond.
  const frame = bounds && { x: bounds.x, y: bounds.y, width: width / scale, height: height / scale }

  // What the canvas holds, to redraw only where it changed.
  const drawn = useRef<PictureContent & { key: string } | null>(null)
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx || !frame) return
    const key = `${frame.x} ${frame.y} ${scale} ${width} ${height}`
    const before = drawn.current
    const now = { cards, edges, at, selected }
    const regions = before && before.key === key ? changedRegions(before, now, MAX_REGIONS) : null
    drawn.current = { ...now, key }
    ctx.resetTransform()
    if (regions) {
      // Only those regions, on whole canvas pixels (a clip through a pixel would leave a seam), with all that reaches in.
      const clip = new Path2D()
      for (const region of regions) {
        const x0 = Math.max(0, Math.floor((region.x - frame.x) * scale)), y0 = Math.max(0, Math.floor((region.y - frame.y) * scale))
        const x1 = Math.min(width, Math.ceil((region.x + region.width - frame.x) * scale))
        const y1 = Math.min(height, Math.ceil((region.y + region.height - frame.y) * scale))
        ctx.clearRect(x0, y0, x1 - x0, y1 - y0)
        clip.rect(x0, y0, x1 - x0, y1 - y0)
      }
      ctx.save()
      ctx.clip(clip)
      ctx.setTransform(scale, 0, 0, scale, -frame.x * scale, -frame.y * scale)
      const again = reaching(regions.map((r) => grow(r, 1 / scale)), cards, edges, at)
      drawOverview(ctx, again.cards, again.edges, at, selected)
      ctx.restore()
      canvas.current!.dataset.redraw = 'part'
    } else {
      ctx.clearRect(0, 0, width, height)
      ctx.setTransform(scale, 0, 0, scale, -frame.x * scale, -frame.y * scale)
      drawOverview(ctx, cards, edges, at, selected)
      canvas.current!.dataset.redraw = 'whole'
    }
    canvas.current!.dataset.cards = String(cards.length)
    canvas.current!.dataset.drawings = String(Number(canvas.current!.dataset.drawings ?? 0) + 1)
  }, [cards, edges, at, selected, frame?.x, frame?.y, scale, width, height])

  const pick = (event: { clientX: number; clientY: number }): TouchpointFlowNode | null => {
    const element = canvas.current
    if (!element || !frame) return null
    const r = element.getBoundingClientRect()
    return cardAt(cards, {
      x: frame.x + ((event.clientX - r.left) * frame.width) / r.width,
      y: frame.y + ((event.clientY - r.top) * frame.height) / r.height,
    })
  }
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    const card = event.button === 0 ? pick(event) : null
    if (!card) return // React Flow pans
    const element = event.currentTarget
    element.classList.add('nopan')
    const up = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== event.pointerId) return
      element.classList.remove('nopan')
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
    }
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
    onPress(card, event)
  }
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.buttons !== 0) return
    const card = pick(event)
    const element = event.currentTarget
    element.style.cursor = card ? 'grab' : ''
    element.title = card?.data.touchpoint.title ?? ''
    if (card) element.dataset.pointedId = card.id
    else delete element.dataset.pointedId
  }
  const onDouble = (event: MouseEvent<HTMLCanvasElement>) => {
    const card = pick(event)
    if (card) onDoubleClick(card)
  }

  if (!frame) return null
  return (
    <canvas ref={canvas} className="overview-picture" data-testid="overview-picture" aria-hidden="true" width={width} height={height}
      style={{ left: frame.x, top: frame.y, width: frame.width, height: frame.height }}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onDoubleClick={onDouble} />
  )
})

/**
 * The resolution for the zoom (resolutionFor), at once for the first drawing and then once the zoom has rested: redrawing a
 * thousand cards takes a frame or several, so during a wheel or pinch zoom the picture is scaled, and redrawn when it stops.
 */
function useSettledResolution(): number {
  const wanted = useStore(selectResolution)
  const [settled, setSettled] = useState(wanted)
  useEffect(() => {
    if (wanted === settled) return
    const id = setTimeout(() => setSettled(wanted), ZOOM_SETTLE_MS)
    return () => clearTimeout(id)
  }, [wanted, settled])
  return settled
}

/** `list`, or the list of the render before if that holds the same items in the same order (so nothing needs redrawing). */
function useSameItems<T>(list: readonly T[]): readonly T[] {
  const kept = useRef(list)
  if (kept.current !== list && (kept.current.length !== list.length || list.some((item, i) => item !== kept.current[i]))) kept.current = list
  return kept.current
}

/** `at`, or the map of the render before if that puts every card at the same point. */
function useSamePoints(at: ReadonlyMap<string, Point>): ReadonlyMap<string, Point> {
  const kept = useRef(at)
  const before = kept.current
  if (before !== at && (before.size !== at.size || [...at].some(([id, p]) => {
    const q = before.get(id)
    return !q || q.x !== p.x || q.y !== p.y
  }))) kept.current = at
  return kept.current
}

/** `region` grown by `margin` on every side (the pixel a clip rounds out to). */
function grow(region: Bounds, margin: number): Bounds {
  return { x: region.x - margin, y: region.y - margin, width: region.width + 2 * margin, height: region.height + 2 * margin }
}
