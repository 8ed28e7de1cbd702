import { type JourneyFlowEdge, STEP_ENDS, type TouchpointFlowNode } from './adapter.js'
import { GRID, type Point } from './layout.js'

/**
 * The overview's picture of the resting cards and the journey path, drawn on
 * one 2D canvas (OverviewCanvas) in flow coordinates. It looks like the lite
 * cards of styles.css (`.card--lite`), which still draw the cards being
 * moved: the same colours and boxes, measured from those rules.
 */

/** Colours of `.card--lite` and its modifiers in styles.css. */
const COLOURS = {
  physical: '#9e6a2a', digital: '#3571c0', // --physical-strong, --digital-strong
  body: '#ffffff', retired: '#f8f9fb', border: '#e3e7ef',
  heat: { delight: '#e9f7ef', disappointment: '#fdecec', even: '#f4f5f8' },
  mark: { none: '#eef1f6', keep: '#bfe3cd', refine: '#fde0a8', retire: '#efcaca' },
  bar: '#b7bfcd', retiredBar: '#dde1e8', mot: '#1f2a44',
  selected: '#f08a24', focused: '#7768ae', // --accent, .card--focused
} as const

/** The boxes of a lite card, relative to its corner: border-left 16, padding 13 16, `::before` 20 high, `::after` 14 below it. */
const BOX = {
  border: 16,
  mark: { x: 32, y: 14, width: 64, height: 20 },
  mot: { x: 211, y: 14, width: 28, height: 20 },
  bar: { x: 32, y: 48, height: 28 },
  /** Outline and box-shadow rings outside the card: offset and width. */
  busy: { offset: 0, width: 14 }, selected: { offset: 4, width: 14 }, focused: { offset: 6, width: 16 },
} as const
/** The longest title bar (the card's inner width), as `--title` in Overview. */
export const BAR_MAX = GRID.cardWidth - 16 - 1 - 32
/**
 * Dashes of a channel switch, longer than on the full edges so they stay dashes at overview zooms (10 and 6 pixels at
 * the least zoom). Each dash costs the canvas about a microsecond to stroke, and the long steps of a big board have
 * tens of thousands: half as many as with the SVG overview's 30 18.
 */
export const SWITCH_DASH = [60, 36]
/** How far anything drawn reaches outside the cards' boxes (the widest ring). */
const RING = BOX.focused.offset + BOX.focused.width

export const titleBarWidth = (title: string) => Math.min(BAR_MAX, 40 + title.length * 9)

/** A journey step's curve as React Flow's default bezier draws it (curvature 0.25, from a right handle to a left one). */
export function stepCurve(from: Point, to: Point): [Point, Point, Point, Point] {
  const s = { x: from.x + STEP_ENDS.source.x, y: from.y + STEP_ENDS.source.y }
  const t = { x: to.x + STEP_ENDS.target.x, y: to.y + STEP_ENDS.target.y }
  const offset = (distance: number) => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance))
  return [s, { x: s.x + offset(t.x - s.x), y: s.y }, { x: t.x - offset(t.x - s.x), y: t.y }, t]
}

export interface Bounds { x: number; y: number; width: number; height: number }

/** What the picture covers, in flow coordinates: every card with its rings, and every step's curve (inside its control points). */
export function pictureBounds(cards: readonly TouchpointFlowNode[], edges: readonly JourneyFlowEdge[], at: ReadonlyMap<string, Point>): Bounds | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  const add = (x: number, y: number, margin: number) => {
    x0 = Math.min(x0, x - margin); y0 = Math.min(y0, y - margin)
    x1 = Math.max(x1, x + margin); y1 = Math.max(y1, y + margin)
  }
  for (const card of cards) {
    add(card.position.x, card.position.y, RING)
    add(card.position.x + GRID.cardWidth, card.position.y + GRID.cardHeight, RING)
  }
  for (const edge of edges) {
    const box = stepBox(edge, at)
    if (box) {
      add(box.x, box.y, 0)
      add(box.x + box.width, box.y + box.height, 0)
    }
  }
  if (x0 > x1) return null
  const x = Math.floor(x0), y = Math.floor(y0)
  return { x, y, width: Math.ceil(x1) - x, height: Math.ceil(y1) - y }
}

/** Draws the steps, then the cards on them. `ctx` is already transformed to flow coordinates. */
export function drawOverview(
  ctx: CanvasRenderingContext2D, cards: readonly TouchpointFlowNode[], edges: readonly JourneyFlowEdge[],
  at: ReadonlyMap<string, Point>, selected: ReadonlySet<string>,
): void {
  drawSteps(ctx, edges, at)
  drawCards(ctx, cards, selected)
}

/** Steps of one look share one path, stroked once. */
function drawSteps(ctx: CanvasRenderingContext2D, edges: readonly JourneyFlowEdge[], at: ReadonlyMap<string, Point>): void {
  const groups = new Map<string, { path: Path2D; color: string; zigzag: boolean; faded: boolean }>()
  for (const edge of edges) {
    const from = at.get(edge.source)
    const to = at.get(edge.target)
    if (!from || !to) continue
    const { color, faded, switch: zigzag } = edge.data!
    // Faded paths first (under the persona's own), then by look: the same order whatever part of the picture is drawn.
    const key = `${faded ? 0 : 1} ${color} ${zigzag ? 1 : 0}`
    let group = groups.get(key)
    if (!group) groups.set(key, group = { path: new Path2D(), color, zigzag: zigzag !== null, faded })
    const [s, c1, c2, t] = stepCurve(from, to)
    group.path.moveTo(s.x, s.y)
    group.path.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, t.x, t.y)
  }
  for (const [, { path, color, zigzag, faded }] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    ctx.strokeStyle = color
    ctx.lineWidth = zigzag ? 4.5 : 3
    ctx.setLineDash(zigzag ? SWITCH_DASH : [])
    ctx.globalAlpha = faded ? 0.22 : 1
    ctx.stroke(path)
  }
  ctx.setLineDash([])
  ctx.globalAlpha = 1
}

/**
 * Every box of every card goes into the path of its colour, and each path is filled once: a few dozen calls into the
 * canvas instead of ten per card. Cards do not overlap (the layout stacks them in their cells), so drawing them by
 * colour instead of card by card gives the same picture.
 */
function drawCards(ctx: CanvasRenderingContext2D, cards: readonly TouchpointFlowNode[], selected: ReadonlySet<string>): void {
  const w = GRID.cardWidth, h = GRID.cardHeight
  // Filled stage by stage: rings under the cards, then border, sides, bodies, marks, bars, and outlines on top.
  const stages = { busy: new Map<string, Path2D>(), border: new Map(), side: new Map(), body: new Map(), mark: new Map(), bar: new Map(), outline: new Map() }
  const layer = (stage: keyof typeof stages, colour: string): Path2D => {
    const paths: Map<string, Path2D> = stages[stage]
    let path = paths.get(colour)
    if (!path) paths.set(colour, path = new Path2D())
    return path
  }
  for (const card of cards) {
    const { touchpoint, channel, heat, focused, busy } = card.data
    const { x, y } = card.position
    const retired = touchpoint.status === 'retire'
    const tone = heat ? (heat.delight > heat.disappointment ? 'delight' : heat.disappointment > heat.delight ? 'disappointment' : 'even') : null
    if (busy) ringPath(layer('busy', busy.color), x, y, BOX.busy)
    // Square corners: a card's are under 2 pixels round at these zooms, and rectangles fill several times faster.
    layer('border', COLOURS.border).rect(x, y, w, h)
    // The channel's border on the left (16 px; dashed for an indirect touchpoint), a 1 px border elsewhere.
    const side = layer('side', COLOURS[channel])
    if (touchpoint.kind === 'indirect') {
      for (let dy = 0; dy < h; dy += BOX.border * 2) side.rect(x, y + dy, BOX.border, Math.min(BOX.border, h - dy))
    } else side.rect(x, y, BOX.border, h)
    layer('body', retired ? COLOURS.retired : tone ? COLOURS.heat[tone] : COLOURS.body).rect(x + BOX.border, y + 1, w - BOX.border - 1, h - 2)
    layer('mark', COLOURS.mark[touchpoint.status as keyof typeof COLOURS.mark] ?? COLOURS.mark.none)
      .rect(x + BOX.mark.x, y + BOX.mark.y, BOX.mark.width, BOX.mark.height)
    if (touchpoint.momentOfTruth) layer('mark', COLOURS.mot).rect(x + BOX.mot.x, y + BOX.mot.y, BOX.mot.width, BOX.mot.height)
    layer('bar', retired ? COLOURS.retiredBar : COLOURS.bar).rect(x + BOX.bar.x, y + BOX.bar.y, titleBarWidth(touchpoint.title), BOX.bar.height)
    if (focused) ringPath(layer('outline', COLOURS.focused), x, y, BOX.focused)
    else if (selected.has(card.id)) ringPath(layer('outline', COLOURS.selected), x, y, BOX.selected)
  }
  for (const [stage, paths] of Object.entries(stages)) {
    for (const [colour, path] of [...paths].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (stage === 'busy' || stage === 'outline') {
        ctx.strokeStyle = colour
        ctx.lineWidth = stage === 'busy' ? BOX.busy.width : colour === COLOURS.focused ? BOX.focused.width : BOX.selected.width
        ctx.stroke(path)
      } else {
        ctx.fillStyle = colour
        ctx.fill(path)
      }
    }
  }
}

/** An outline (or a box-shadow's spread) around a card, as a path to stroke `width` wide. */
function ringPath(path: Path2D, x: number, y: number, { offset, width }: { offset: number; width: number }): void {
  const out = offset + width / 2
  path.rect(x - out, y - out, GRID.cardWidth + 2 * out, GRID.cardHeight + 2 * out)
}

/** The card at a point in flow coordinates: the one drawn last (on top) where several overlap. */
export function cardAt(cards: readonly TouchpointFlowNode[], point: Point): TouchpointFlowNode | null {
  for (let i = cards.length - 1; i >= 0; i--) {
    const { x, y } = cards[i]!.position
    if (point.x >= x && point.x < x + GRID.cardWidth && point.y >= y && point.y < y + GRID.cardHeight) return cards[i]!
  }
  return null
}

/** What a drawing of the picture holds. */
export interface PictureContent {
  cards: readonly TouchpointFlowNode[]
  edges: readonly JourneyFlowEdge[]
  /** Where the ends of the steps are. */
  at: ReadonlyMap<string, Point>
  /** The selected cards, drawn with a ring. */
  selected: ReadonlySet<string>
}

/**
 * Where the picture must be redrawn to go from `before` to `after`: around every card that came, went, moved or changed
 * its look (a title, a status, a ring, the selection), where it was and where it is, with the reach of its rings; and
 * along every step that came, went, changed or whose ends moved, where it ran and where it runs. Someone's drop moves a
 * card and the cards stacked after it in two cells, and their steps: a few boxes of a picture of a thousand cards.
 * Null when that takes more than `max` boxes: then the whole picture is redrawn.
 */
export function changedRegions(before: PictureContent, after: PictureContent, max = Infinity): Bounds[] | null {
  const regions: Bounds[] = []
  const add = (box: Bounds | null) => {
    if (box) regions.push(box)
    return regions.length <= max
  }
  const selection = (id: string) => before.selected.has(id) !== after.selected.has(id)
  const samePlace = (id: string) => {
    const was = before.at.get(id), is = after.at.get(id)
    return was === is || (!!was && !!is && was.x === is.x && was.y === is.y)
  }
  const cardsBefore = new Map(before.cards.map((card) => [card.id, card]))
  for (const card of after.cards) {
    const old = cardsBefore.get(card.id)
    cardsBefore.delete(card.id)
    if (old === card && !selection(card.id)) continue
    const moved = old && (old.position.x !== card.position.x || old.position.y !== card.position.y)
    if ((moved && !add(reach(old.position))) || !add(reach(card.position))) return null
  }
  for (const gone of cardsBefore.values()) if (!add(reach(gone.position))) return null
  const edgesBefore = new Map(before.edges.map((edge) => [edge.id, edge]))
  for (const edge of after.edges) {
    const old = edgesBefore.get(edge.id)
    edgesBefore.delete(edge.id)
    // A step's box follows from its ends: one whose ends stayed put needs none worked out. The overview draws no
    // corridor, so a step that only moved to another track of its border looks as it did.
    if (old && sameDrawing(old, edge) && samePlace(edge.source) && samePlace(edge.target)) continue
    if (!add((old && stepBox(old, before.at)) ?? null) || !add(stepBox(edge, after.at))) return null
  }
  for (const gone of edgesBefore.values()) if (!add(stepBox(gone, before.at))) return null
  return regions
}

/** Whether the overview draws two versions of a step alike (drawSteps reads these, never the corridor or the label). */
function sameDrawing(a: JourneyFlowEdge, b: JourneyFlowEdge): boolean {
  if (a === b) return true
  const [x, y] = [a.data!, b.data!]
  return a.source === b.source && a.target === b.target && x.color === y.color && x.faded === y.faded
    && x.switch?.from === y.switch?.from && x.switch?.to === y.switch?.to
}

/** The cards and steps a redraw of `regions` must draw again: all that reach into one of them. */
export function reaching(
  regions: readonly Bounds[], cards: readonly TouchpointFlowNode[], edges: readonly JourneyFlowEdge[], at: ReadonlyMap<string, Point>,
): { cards: TouchpointFlowNode[]; edges: JourneyFlowEdge[] } {
  const meets = (box: Bounds) => regions.some((r) => box.x < r.x + r.width && r.x < box.x + box.width && box.y < r.y + r.height && r.y < box.y + box.height)
  return {
    cards: cards.filter((card) => meets(reach(card.position))),
    edges: edges.filter((edge) => {
      const box = stepBox(edge, at)
      return box !== null && meets(box)
    }),
  }
}

/** What a step's stroke covers: its curve, which stays inside its control points, and half the widest stroke. Null without both ends. */
function stepBox(edge: JourneyFlowEdge, at: ReadonlyMap<string, Point>): Bounds | null {
  const from = at.get(edge.source)
  const to = at.get(edge.target)
  if (!from || !to) return null
  // Worked out once for a step and the points of its ends: every change to the board asks again for all of them.
  const known = stepBoxes.get(edge)
  if (known && known.from === from && known.to === to) return known.box
  const points = stepCurve(from, to)
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y)
  const x = Math.min(...xs) - 5, y = Math.min(...ys) - 5
  const box = { x, y, width: Math.max(...xs) + 5 - x, height: Math.max(...ys) + 5 - y }
  stepBoxes.set(edge, { from, to, box })
  return box
}

const stepBoxes = new WeakMap<JourneyFlowEdge, { from: Point; to: Point; box: Bounds }>()

/** A card's box with everything drawn around it. */
function reach({ x, y }: Point): Bounds {
  return { x: x - RING, y: y - RING, width: GRID.cardWidth + 2 * RING, height: GRID.cardHeight + 2 * RING }
}
