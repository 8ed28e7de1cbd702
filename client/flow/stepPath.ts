import { type EdgeProps, Position, getBezierPath, getSmoothStepPath } from '@xyflow/react'
import type { Channel } from '../../shared/model/index.js'
import type { Measure } from '../export/svgText.js'
import type { Corridor, CorridorStep } from './corridorTracks.js'
import { GRID, type Point } from './layout.js'

type PathInput = Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'>

/**
 * A step goes from a card's right edge to the next card's left edge: a curve when the next card is in the next phase.
 * One that skips phases, or goes back to an earlier one, would pass under cards; given a `corridor` (a border between
 * two lanes, where no card ever is: stepCorridor, and its tracks: corridorTracks), it goes down the gap beside its
 * card, along that border, and up the gap before the next one. To the next card of its own cell, a curve would loop back under both cards; the
 * step goes round them instead, out to the right, across between them and in from the left.
 */
export function journeyStepPath(input: PathInput, corridor?: Corridor): [path: string, labelX: number, labelY: number] {
  if (corridor !== undefined) {
    const before = input.sourceX + GAP_FROM_HANDLE.source + corridor.out
    const after = input.targetX - GAP_FROM_HANDLE.target + corridor.in
    const points = [
      { x: input.sourceX, y: input.sourceY }, { x: before, y: input.sourceY }, { x: before, y: corridor.y },
      { x: after, y: corridor.y }, { x: after, y: input.targetY }, { x: input.targetX, y: input.targetY },
    ]
    return [roundedPath(points, 10), (before + after) / 2, corridor.y]
  }
  if (input.targetX - input.sourceX > 0) {
    const [path, x, y] = getBezierPath(input)
    return [path, x, y]
  }
  const [path, x, y] = getSmoothStepPath({ ...input, borderRadius: 10, offset: 14 })
  return [path, x, y]
}

/**
 * From a step's handles to the middle of the gap between two phases' cards (GRID: 34 px wide): the source handle sits
 * 5 px right of its card, the target handle on its card's left edge.
 */
const GAP_FROM_HANDLE = { source: 12, target: 17 }

/** Where a journey step leaves and reaches a card (React Flow's point for a right and a left handle), relative to its corner. */
export interface StepEnds { source: Point; target: Point }

/** The step between two cards' corners, as React Flow draws it when they rest there. */
export function stepBetween(from: Point, to: Point, ends: StepEnds, corridor?: Corridor): ReturnType<typeof journeyStepPath> {
  return journeyStepPath({
    sourceX: from.x + ends.source.x, sourceY: from.y + ends.source.y, sourcePosition: Position.Right,
    targetX: to.x + ends.target.x, targetY: to.y + ends.target.y, targetPosition: Position.Left,
  }, corridor)
}

/**
 * The border between two lanes a step runs along, or undefined for one that needs none: a step to the next phase
 * curves across the gap, one to the next card of its own cell goes round through the gap between the two. Borders
 * hold no card: a lane's cards keep GRID.cellPadding from its top and more from its bottom. A step that skips phases
 * or goes back to an earlier one leaves its lane by the border on the next card's side; within one lane it runs along
 * the lane's top border.
 */
export function stepCorridor(from: Point, to: Point, rows: readonly { y: number; height: number }[]): number | undefined {
  const phases = Math.round((to.x - from.x) / GRID.phaseWidth)
  if (phases === 1 || (phases === 0 && sameLane(from, to, rows))) return undefined
  const lane = rows.find((row) => from.y >= row.y && from.y < row.y + row.height)
  if (!lane) return undefined
  return to.y > lane.y + lane.height ? lane.y + lane.height : lane.y
}

/** A step along the border `y` between the cards with these corners, as corridorTracks takes it. */
export function alongBorder(id: string, from: Point, to: Point, ends: StepEnds, y: number): CorridorStep {
  const source = { x: from.x + ends.source.x, y: from.y + ends.source.y }
  const target = { x: to.x + ends.target.x, y: to.y + ends.target.y }
  return { id, source, target, y, outX: source.x + GAP_FROM_HANDLE.source, inX: target.x - GAP_FROM_HANDLE.target }
}

function sameLane(a: Point, b: Point, rows: readonly { y: number; height: number }[]): boolean {
  return rows.some((row) => a.y >= row.y && a.y < row.y + row.height && b.y >= row.y && b.y < row.y + row.height)
}

/** A path through `points` (corners at right angles) with its corners rounded, as React Flow's step paths are. */
function roundedPath(points: readonly Point[], radius: number): string {
  let path = `M${points[0].x} ${points[0].y}`
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]]
    const size = Math.min(Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2, radius)
    const into = { x: b.x - Math.sign(b.x - a.x) * size, y: b.y - Math.sign(b.y - a.y) * size }
    const out = { x: b.x + Math.sign(c.x - b.x) * size, y: b.y + Math.sign(c.y - b.y) * size }
    path += ` L${into.x},${into.y} Q${b.x},${b.y} ${out.x},${out.y}`
  }
  const last = points[points.length - 1]
  return `${path} L${last.x},${last.y}`
}

/** A channel-switch label ("⇄ physical → digital") as the stylesheet draws it (.journey-switch), in flow pixels. */
export const SWITCH_LABEL = { font: { weight: 800, size: 11 }, height: 19, pad: 8 } as const

/** The label's words, in the page's language. */
export const switchWords = (to: Channel, t: (key: string) => string) =>
  `⇄ ${t(to === 'digital' ? 'journey.switchToDigital' : 'journey.switchToPhysical')}`

/** How wide the label of a switch to `to` is drawn, for docToFlow to find it a place clear of the cards. */
export const switchLabelWidth = (t: (key: string) => string, measure: Measure) => (to: Channel): number =>
  measure(switchWords(to, t), SWITCH_LABEL.font) + 2 * SWITCH_LABEL.pad

export interface SwitchLabelSpot {
  /** The step's id. */
  id: string
  path: string
  /** Where the step's label goes when nothing is in the way (journeyStepPath's label point); default: half its length. */
  middle?: Point
  /** The label's width in flow pixels. */
  width: number
}

interface Box { left: number; top: number; right: number; bottom: number }

/**
 * Where each channel-switch label goes on its step: the point along the path nearest its middle where the label
 * covers no card and no label placed before it. A label centred on the middle of a step between neighbouring phases
 * would lie across both cards' titles (the gap between two phases' cards is 34 px, a label about 130), so it slides
 * along the step to where the path crosses free board: between two lanes, or below a cell's cards. Where the whole
 * path is covered, the spot covering least wins. Pure: every screen and every export place them alike.
 */
export function placeSwitchLabels(spots: readonly SwitchLabelSpot[], cards: Iterable<Point>): Map<string, Point> {
  const taken = new BoxIndex()
  for (const corner of cards) taken.add({ left: corner.x, top: corner.y, right: corner.x + GRID.cardWidth, bottom: corner.y + GRID.cardHeight })
  const placed = new Map<string, Point>()
  for (const spot of spots) {
    const nearMiss = spot.width * SWITCH_LABEL.height * NEAR_MISS
    const at = freeSpot(new StepLine(spot.path), (point, enough) => taken.covered(labelBox(point, spot.width), enough), nearMiss, spot.middle)
    if (!at) continue
    placed.set(spot.id, at)
    // Its rounded ends may touch the next label's: two then fit one above the other between two lanes' cards (38 px).
    taken.add(labelBox(at, spot.width, LABELS_MAY_TOUCH))
  }
  return placed
}

/**
 * The spot along a step nearest its middle where `covered` is nothing, else the one where it is least. First tries
 * every TRY_EVERY pixels from its middle (where journeyStepPath puts a label, else half its length) outwards (never nearer an end than an eighth of the step, so the label hides
 * neither the card's handle nor the arrow), at most MAX_TRIES of them; when none is free, every pixel around the few
 * nearest misses (`nearMiss`: covered at most this much): two labels fit one above the other between two lanes only
 * to the pixel.
 */
function freeSpot(line: StepLine, covered: (at: Point, enough: number) => number, nearMiss: number, middleAt?: Point): Point | null {
  if (line.length === 0) return null
  const [lo, hi] = [line.length * END_SHARE, line.length * (1 - END_SHARE)]
  const within = (goal: number) => goal >= lo && goal <= hi
  const middle = Math.min(hi, Math.max(lo, middleAt ? line.along(middleAt) : line.length / 2))
  const step = Math.max(TRY_EVERY, (hi - lo) / MAX_TRIES)
  const goals = [middle]
  for (let d = step; middle - d >= lo || middle + d <= hi; d += step) {
    if (middle - d >= lo) goals.push(middle - d)
    if (middle + d <= hi) goals.push(middle + d)
  }
  const tried: { goal: number; area: number }[] = []
  let best = { goal: middle, area: Infinity }
  const tryAt = (goal: number) => {
    const area = covered(line.at(goal), best.area)
    if (area < best.area) best = { goal, area }
    return area
  }
  for (const goal of goals) {
    const area = tryAt(goal)
    if (area === 0) {
      // Free here: slid to the end of the free room nearer the middle (or, at the middle, nearer the step's start), so
      // that another label crossing the same room, such as the 38 px between two lanes' cards, has the rest of it.
      const towards = Math.sign(middle - goal) || -1
      let free = goal
      for (let d = 0; d < SLIDE && within(free + towards) && covered(line.at(free + towards), 1) === 0; d++) free += towards
      return line.at(free)
    }
    tried.push({ goal, area })
  }
  const nearMisses = tried.filter((miss) => miss.area <= nearMiss).sort((a, b) => a.area - b.area).slice(0, REFINED)
  for (const { goal } of nearMisses) {
    for (let d = 1; d < step; d++) {
      for (const near of [goal - d, goal + d]) {
        if (within(near) && tryAt(near) === 0) return line.at(near)
      }
    }
  }
  return line.at(best.goal)
}

const END_SHARE = 0.125
/**
 * Pixels between two tries: the free band between two lanes' cards is at least 28 px high (GRID: cell padding on
 * both sides), a label 19, so a label's centre fits anywhere in a 9 px range of it, which 8 px steps never miss.
 */
const TRY_EVERY = 8
/**
 * Enough for 8 px steps along a step across six lanes. The generated board of 1,000 cards (shared/format/
 * generatedBoard.ts: 518 switches, many with no free room at all) places all its labels in about 25 ms on a 2-core
 * machine (`npm run bench:labels`); a rename or a rating keeps the last placement (docToFlow).
 */
const MAX_TRIES = 120
/** How far a free label slides to the end of its free room: past the middle of the room between two lanes' cards. */
const SLIDE = 16
/** How many of the nearest misses are looked at pixel by pixel, and how near: covering at most this share of the label. */
const REFINED = 3
const NEAR_MISS = 0.35

/** A step's path as a polyline, to find the point any number of pixels along it. */
class StepLine {
  private readonly points: Point[]
  private readonly lengths: number[]

  constructor(path: string) {
    this.points = polyline(path)
    this.lengths = [0]
    for (let i = 1; i < this.points.length; i++) {
      this.lengths.push(this.lengths[i - 1] + Math.hypot(this.points[i].x - this.points[i - 1].x, this.points[i].y - this.points[i - 1].y))
    }
  }

  get length(): number {
    return this.points.length === 0 ? 0 : this.lengths[this.lengths.length - 1]
  }

  /** How far along the line its point nearest to `point` is. */
  along(point: Point): number {
    const { points, lengths } = this
    let best = { distance: Infinity, along: 0 }
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]]
      const piece = lengths[i] - lengths[i - 1]
      const t = piece === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * (b.x - a.x) + (point.y - a.y) * (b.y - a.y)) / (piece * piece)))
      const distance = Math.hypot(point.x - (a.x + t * (b.x - a.x)), point.y - (a.y + t * (b.y - a.y)))
      if (distance < best.distance) best = { distance, along: lengths[i - 1] + t * piece }
    }
    return best.along
  }

  /** The point `goal` pixels along. */
  at(goal: number): Point {
    const { points, lengths } = this
    for (let i = 1; i < points.length; i++) {
      if (lengths[i] >= goal) {
        const piece = lengths[i] - lengths[i - 1]
        const t = piece === 0 ? 0 : (goal - lengths[i - 1]) / piece
        return { x: points[i - 1].x + t * (points[i].x - points[i - 1].x), y: points[i - 1].y + t * (points[i].y - points[i - 1].y) }
      }
    }
    return points[points.length - 1] ?? { x: 0, y: 0 }
  }
}

function labelBox(at: Point, width: number, inset = 0): Box {
  const w = width / 2 - inset
  const h = SWITCH_LABEL.height / 2 - inset
  return { left: at.x - w, top: at.y - h, right: at.x + w, bottom: at.y + h }
}

/** Pixels by which two labels' boxes may overlap. */
const LABELS_MAY_TOUCH = 1.5

/** Boxes bucketed by a grid about a card's size, so a board of 1,000 cards asks a handful of them per try. */
class BoxIndex {
  private readonly buckets = new Map<number, Marked[]>()
  private question = 0

  add(box: Box): void {
    const marked: Marked = { ...box, question: 0 }
    this.each(box, (key) => {
      const bucket = this.buckets.get(key)
      if (bucket) bucket.push(marked)
      else this.buckets.set(key, [marked])
      return false
    })
  }

  /** The area of `box` that boxes in the index cover, counted up to `enough` (a spot already known to cover less). */
  covered(box: Box, enough = Infinity): number {
    const question = ++this.question
    let area = 0
    this.each(box, (key) => {
      for (const other of this.buckets.get(key) ?? NONE) {
        if (other.question === question) continue
        other.question = question
        const w = Math.min(box.right, other.right) - Math.max(box.left, other.left)
        const h = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top)
        if (w > 0 && h > 0) area += w * h
        if (area >= enough) return true
      }
      return false
    })
    return area
  }

  /** Visits the buckets a box lies in until `visit` says stop. */
  private each(box: Box, visit: (key: number) => boolean): void {
    for (let x = Math.floor(box.left / BUCKET); x <= Math.floor(box.right / BUCKET); x++) {
      for (let y = Math.floor(box.top / BUCKET); y <= Math.floor(box.bottom / BUCKET); y++) {
        if (visit(x * 100_003 + y)) return
      }
    }
  }
}

/** The index's bucket size: half a card's width, about a label's. */
const BUCKET = 128
/** A box in the index, with the last question that counted it: a box may lie in several buckets. */
interface Marked extends Box { question: number }
const NONE: Marked[] = []

/**
 * The points of an SVG path as React Flow writes a step (absolute M, L, Q and C commands), its curves cut into short
 * straight pieces.
 */
export function polyline(path: string): Point[] {
  const points: Point[] = []
  const commands = path.match(/[MLQC][^MLQC]*/g) ?? []
  for (const command of commands) {
    const n = (command.slice(1).match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number)
    const from = points[points.length - 1]
    const p = (i: number): Point => ({ x: n[i], y: n[i + 1] })
    if (command[0] === 'M' || command[0] === 'L') points.push(p(0))
    else if (command[0] === 'Q' && from) for (let i = 1; i <= CORNER_PIECES; i++) points.push(quadratic(from, p(0), p(2), i / CORNER_PIECES))
    else if (command[0] === 'C' && from) for (let i = 1; i <= CURVE_PIECES; i++) points.push(cubic(from, p(0), p(2), p(4), i / CURVE_PIECES))
  }
  return points
}

/** A step's curve, and the rounded corners (10 px) of a step that goes round. */
const CURVE_PIECES = 24
const CORNER_PIECES = 3

function quadratic(a: Point, b: Point, c: Point, t: number): Point {
  const u = 1 - t
  return { x: u * u * a.x + 2 * u * t * b.x + t * t * c.x, y: u * u * a.y + 2 * u * t * b.y + t * t * c.y }
}

function cubic(a: Point, b: Point, c: Point, d: Point, t: number): Point {
  const u = 1 - t
  return {
    x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
    y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y,
  }
}
