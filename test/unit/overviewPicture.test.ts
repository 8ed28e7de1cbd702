import { Position, getBezierPath } from '@xyflow/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STEP_ENDS, type TouchpointFlowNode, docToFlow } from '../../client/flow/adapter.js'
import { GRID, type Point, computeLayout } from '../../client/flow/layout.js'
import { resolutionFor } from '../../client/flow/OverviewCanvas.js'
import { type PictureContent, cardAt, changedRegions, drawOverview, pictureBounds, reaching, stepCurve } from '../../client/flow/overviewPicture.js'
import { generatedBoardFile, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { moveTouchpoint, readBoard, removeTouchpoint } from '../../shared/model/index.js'
import * as Y from 'yjs'

/** A Path2D that remembers its shapes (Node has no canvas). */
class RecordedPath {
  shapes: { op: string; args: number[] }[] = []
  rect(...args: number[]) { this.shapes.push({ op: 'rect', args }) }
  moveTo(...args: number[]) { this.shapes.push({ op: 'moveTo', args }) }
  bezierCurveTo(...args: number[]) { this.shapes.push({ op: 'bezierCurveTo', args }) }
}

/** A 2D context that records each fill and stroke with the style it was made in. */
function recordingContext() {
  const calls: { op: 'fill' | 'stroke'; colour: string; width: number; dash: number[]; alpha: number; path: RecordedPath }[] = []
  let dash: number[] = []
  const ctx = {
    fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 1,
    setLineDash(d: number[]) { dash = d },
    fill(path: RecordedPath) { calls.push({ op: 'fill', colour: ctx.fillStyle, width: 0, dash, alpha: ctx.globalAlpha, path }) },
    stroke(path: RecordedPath) { calls.push({ op: 'stroke', colour: ctx.strokeStyle, width: ctx.lineWidth, dash, alpha: ctx.globalAlpha, path }) },
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls }
}

function bigBoard(touchpoints: number) {
  const doc = new Y.Doc()
  const parsed = parseBoardFile(JSON.parse(JSON.stringify(generatedBoardFile(touchpoints, 10, 5))))
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  importBoard(doc, parsed.file)
  const board = readBoard(doc)
  const flow = docToFlow(board, computeLayout(board), { personaId: board.personas[0]!.id, showOthers: false })
  const cards = flow.nodes.filter((n): n is TouchpointFlowNode => n.type === 'touchpoint')
  return { cards, edges: flow.edges, at: new Map(cards.map((c) => [c.id, c.position])) }
}

function boardDoc(touchpoints: number): Y.Doc {
  const doc = new Y.Doc()
  const parsed = parseBoardFile(JSON.parse(JSON.stringify(generatedBoardFile(touchpoints, 10, 5))))
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  importBoard(doc, parsed.file)
  return doc
}

/** The overview's picture of a board as the canvas gets it, from the flow before (docToFlow keeps what did not change). */
function pictureOf(doc: Y.Doc, previous?: ReturnType<typeof docToFlow>) {
  const board = readBoard(doc)
  const flow = docToFlow(board, computeLayout(board), { personaId: board.personas[0]!.id, showOthers: true }, { previous })
  const cards = flow.nodes.filter((n): n is TouchpointFlowNode => n.type === 'touchpoint')
  const content: PictureContent = { cards, edges: flow.edges, at: new Map(cards.map((c) => [c.id, c.position])), selected: new Set() }
  return { flow, content }
}

const Path2DBefore = (globalThis as { Path2D?: unknown }).Path2D
beforeAll(() => void ((globalThis as { Path2D?: unknown }).Path2D = RecordedPath))
afterAll(() => void ((globalThis as { Path2D?: unknown }).Path2D = Path2DBefore))

describe('the overview picture', () => {
  it('draws each step on the curve React Flow draws it, forwards and backwards', () => {
    for (const [from, to] of [[{ x: 0, y: 0 }, { x: 600, y: 240 }], [{ x: 900, y: 300 }, { x: 100, y: 0 }]] as const) {
      const [d] = getBezierPath({
        sourceX: from.x + STEP_ENDS.source.x, sourceY: from.y + STEP_ENDS.source.y, sourcePosition: Position.Right,
        targetX: to.x + STEP_ENDS.target.x, targetY: to.y + STEP_ENDS.target.y, targetPosition: Position.Left,
      })
      const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number)
      expect(stepCurve(from, to).flatMap((p) => [p.x, p.y]).map((n) => Math.round(n * 1000) / 1000))
        .toEqual(numbers.map((n) => Math.round(n * 1000) / 1000))
    }
  })

  it('covers every card with its rings and every step', () => {
    const { cards, edges, at } = bigBoard(200)
    const bounds = pictureBounds(cards, edges, at)!
    for (const card of cards) {
      expect(card.position.x - 22).toBeGreaterThanOrEqual(bounds.x)
      expect(card.position.y + GRID.cardHeight + 22).toBeLessThanOrEqual(bounds.y + bounds.height)
      expect(card.position.x + GRID.cardWidth + 22).toBeLessThanOrEqual(bounds.x + bounds.width)
    }
    for (const edge of edges) {
      for (const p of stepCurve(at.get(edge.source)!, at.get(edge.target)!)) {
        expect(p.x).toBeGreaterThanOrEqual(bounds.x)
        expect(p.x).toBeLessThanOrEqual(bounds.x + bounds.width)
      }
    }
    expect(pictureBounds([], [], new Map())).toBeNull()
  })

  it('finds the card under a point, and none between cards', () => {
    const { cards } = bigBoard(200)
    const card = cards[17]!
    expect(cardAt(cards, { x: card.position.x + 1, y: card.position.y + GRID.cardHeight - 1 })?.id).toBe(card.id)
    expect(cardAt(cards, { x: card.position.x - 1, y: card.position.y + 1 })).toBeNull()
    expect(cardAt(cards, { x: card.position.x + 5, y: card.position.y + GRID.cardHeight + GRID.cardGap / 2 })).toBeNull()
  })

  it('fills a few paths for hundreds of cards, in the order the boxes lie on each other', () => {
    const { cards, edges, at } = bigBoard(200)
    const { ctx, calls } = recordingContext()
    drawOverview(ctx, cards, edges, at, new Set([cards[3]!.id]))
    // Journey steps first, one stroke per look (colour, switch or not), switches dashed.
    const steps = calls.filter((c) => c.path.shapes.some((s) => s.op === 'bezierCurveTo'))
    expect(steps.length).toBeGreaterThan(0)
    expect(calls.indexOf(steps[steps.length - 1]!)).toBe(steps.length - 1)
    expect(steps.reduce((n, c) => n + c.path.shapes.filter((s) => s.op === 'bezierCurveTo').length, 0)).toBe(edges.length)
    expect(steps.some((c) => c.dash.length > 0 && c.width === 4.5)).toBe(true)
    // Then the cards: every card once in the border, once in a body, and its title bar; all in under 20 calls.
    const fills = calls.slice(steps.length)
    expect(fills.length).toBeLessThan(20)
    const boxes = (colour: string) => fills.filter((c) => c.colour === colour).flatMap((c) => c.path.shapes)
    expect(boxes('#e3e7ef')).toHaveLength(cards.length)
    const retired = cards.filter((c) => c.data.touchpoint.status === 'retire')
    expect(retired.length).toBeGreaterThan(0)
    expect(boxes('#f8f9fb')).toHaveLength(retired.length)
    const order = (colour: string) => fills.findIndex((c) => c.colour === colour)
    expect(order('#e3e7ef')).toBeLessThan(order('#ffffff'))
    expect(order('#ffffff')).toBeLessThan(order('#b7bfcd'))
    // A bar as long as the title (40 + 9 per character, at most the card's inner width).
    const title = cards[0]!.data.touchpoint.title
    // Found by its top left corner (32, 48 into the card): cards stacked in one cell share the x.
    const { x, y } = cards[0]!.position
    expect(boxes('#b7bfcd').concat(boxes('#dde1e8')).find((s) => s.args[0] === x + 32 && s.args[1] === y + 48)?.args[2]).toBe(40 + 9 * title.length)
    // The selected card's outline, last, 14 wide in the accent colour around that card alone.
    const outline = fills[fills.length - 1]!
    expect(outline).toMatchObject({ op: 'stroke', colour: '#f08a24', width: 14 })
    expect(outline.path.shapes).toHaveLength(1)
    expect(outline.path.shapes[0]!.args[0]).toBe(cards[3]!.position.x - 11)
  })

  it('redraws only around cards whose look changed, and all of it when there is too much to redraw', () => {
    const { cards, edges, at } = bigBoard(200)
    const picture = (changed: Partial<PictureContent> = {}): PictureContent => ({ cards, edges, at, selected: new Set(), ...changed })
    expect(changedRegions(picture(), picture({ cards: [...cards] }))).toEqual([])
    const renamed = cards.map((c, i) => (i === 17 ? { ...c, data: { ...c.data, touchpoint: { ...c.data.touchpoint, title: 'New' } } } : c))
    const [region, ...others] = changedRegions(picture(), picture({ cards: renamed }))!
    expect(others).toEqual([])
    const { x, y } = cards[17]!.position
    expect(region).toEqual({ x: x - 22, y: y - 22, width: GRID.cardWidth + 44, height: GRID.cardHeight + 44 })
    expect(changedRegions(picture({ selected: new Set([cards[3]!.id]) }), picture({ selected: new Set([cards[4]!.id]) }))).toHaveLength(2)
    // A second card added to the selection: only its box.
    expect(changedRegions(picture({ selected: new Set([cards[3]!.id]) }), picture({ selected: new Set([cards[3]!.id, cards[5]!.id]) }))).toHaveLength(1)
    // A card gone: where it was.
    expect(changedRegions(picture(), picture({ cards: cards.slice(1) }))).toEqual([{ x: cards[0]!.position.x - 22, y: cards[0]!.position.y - 22, width: GRID.cardWidth + 44, height: GRID.cardHeight + 44 }])
    expect(changedRegions(picture(), picture({ cards: renamed }), 0)).toBeNull()

    // Redrawn there: the card, the neighbours its rings reach, and every step that passes.
    const again = reaching([region!], renamed, edges, at)
    expect(again.cards.map((c) => c.id)).toContain(cards[17]!.id)
    for (const card of renamed) {
      const near = Math.abs(card.position.x - x) < GRID.cardWidth + 44 && Math.abs(card.position.y - y) < GRID.cardHeight + 44
      expect(again.cards.includes(card)).toBe(near)
    }
    const attached = edges.filter((e) => e.source === cards[17]!.id || e.target === cards[17]!.id)
    expect(attached.length).toBeGreaterThan(0)
    for (const edge of attached) expect(again.edges).toContain(edge)
    expect(again.edges.length).toBeLessThan(edges.length)
  })

  it('redraws a moved card where it was and where it is, with the cards shifted in both cells and their steps', () => {
    const doc = boardDoc(200)
    // Every cell holds 4 cards; one of them 3. The first card of another cell of that lane goes first into it: the cards
    // under it in both cells move, and (the lane keeping its height) nothing else.
    const card = readBoard(doc).touchpoints[40]!
    const inCell = (phaseId: string) => readBoard(doc).touchpoints.filter((t) => t.phaseId === phaseId && t.laneId === card.laneId)
    const target = readBoard(doc).phases.find((p) => p.id !== card.phaseId)!.id
    removeTouchpoint(doc, inCell(target).at(-1)!.id)
    const before = pictureOf(doc)
    const first = inCell(card.phaseId)[0]!
    moveTouchpoint(doc, first.id, { phaseId: target, laneId: card.laneId, index: 0 })
    const after = pictureOf(doc, before.flow)
    const regions = changedRegions(before.content, after.content)!
    expect(regions).not.toBeNull()
    const inside = (box: { x: number; y: number; width: number; height: number }) =>
      regions.some((r) => r.x <= box.x && r.y <= box.y && box.x + box.width <= r.x + r.width && box.y + box.height <= r.y + r.height)
    const cardBox = (p: Point) => ({ x: p.x, y: p.y, width: GRID.cardWidth, height: GRID.cardHeight })
    const moved = after.content.cards.filter((c) => {
      const was = before.content.at.get(c.id)!
      return was.x !== c.position.x || was.y !== c.position.y
    })
    expect(moved.map((c) => c.id)).toContain(first.id)
    expect(moved).toHaveLength(1 + 3 + 3)
    for (const c of moved) {
      expect(inside(cardBox(before.content.at.get(c.id)!))).toBe(true)
      expect(inside(cardBox(c.position))).toBe(true)
    }
    // Every step of a moved card, where it ran and where it runs; a step between two cards that stayed is not redrawn.
    const ends = new Set(moved.map((c) => c.id))
    for (const edge of after.content.edges.filter((e) => ends.has(e.source) || ends.has(e.target))) {
      for (const at of [before.content.at, after.content.at]) {
        const xs = stepCurve(at.get(edge.source)!, at.get(edge.target)!).map((p) => p.x)
        const ys = stepCurve(at.get(edge.source)!, at.get(edge.target)!).map((p) => p.y)
        expect(inside({ x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) })).toBe(true)
      }
    }
    expect(regions.length).toBeLessThanOrEqual(2 * moved.length + 2 * after.content.edges.filter((e) => ends.has(e.source) || ends.has(e.target)).length)
    expect(regions.length).toBeLessThan(after.content.cards.length / 4)
  })

  it('draws as many canvas pixels per flow pixel as the zoom shows device pixels', () => {
    expect(resolutionFor(0.15, 1)).toBeCloseTo(0.15)
    expect(resolutionFor(0.15, 2)).toBeCloseTo(0.3)
  })
})
