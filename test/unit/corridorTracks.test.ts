import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { type JourneyFlowEdge, STEP_ENDS, docToFlow } from '../../client/flow/adapter.js'
import { TRACKS, corridorTracks } from '../../client/flow/corridorTracks.js'
import { type Point, computeLayout } from '../../client/flow/layout.js'
import { polyline, stepBetween } from '../../client/flow/stepPath.js'
import { TEMPLATE_IDS, TEMPLATE_LANGUAGES, loadTemplates } from '../../server/templates.js'
import { importBoard } from '../../shared/format/index.js'
import { readBoard } from '../../shared/model/index.js'

/**
 * The straight upright and level stretches of a drawn step, but for the ones that leave and reach its cards' handles:
 * steps from one card, or into one, meet there.
 */
function stretches(path: string): { line: string; from: number; to: number }[] {
  const points = polyline(path).slice(1, -1)
  const out: { line: string; from: number; to: number }[] = []
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!]
    if (Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) > 1) out.push({ line: `x${a.x.toFixed(1)}`, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) })
    if (Math.abs(a.y - b.y) < 0.01 && Math.abs(a.x - b.x) > 1) out.push({ line: `y${a.y.toFixed(1)}`, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) })
  }
  return out
}

/** Pairs of steps drawn one on top of the other: on the same line for more than 2 px. */
function overlaps(edges: readonly JourneyFlowEdge[], at: ReadonlyMap<string, Point>): string[] {
  const drawn = edges.map((edge) => ({ edge, parts: stretches(stepBetween(at.get(edge.source)!, at.get(edge.target)!, STEP_ENDS, edge.data!.corridor)[0]) }))
  const found: string[] = []
  for (let i = 0; i < drawn.length; i++) {
    for (let j = i + 1; j < drawn.length; j++) {
      // Two personas taking the same step follow one path.
      if (drawn[i]!.edge.source === drawn[j]!.edge.source && drawn[i]!.edge.target === drawn[j]!.edge.target) continue
      for (const a of drawn[i]!.parts) {
        for (const b of drawn[j]!.parts) {
          if (a.line === b.line && Math.min(a.to, b.to) - Math.max(a.from, b.from) > 2) found.push(`${drawn[i]!.edge.ariaLabel} / ${drawn[j]!.edge.ariaLabel} on ${a.line}`)
        }
      }
    }
  }
  return found
}

describe('steps that share a gap or a border', () => {
  it('take the tracks beside the middle in turn where they overlap, and share the middle where they only meet', () => {
    const step = (id: string, sourceY: number, y: number, targetY: number, outX: number, inX: number) =>
      ({ id, source: { x: outX - 12, y: sourceY }, target: { x: inX + 17, y: targetY }, y, outX, inX })
    const tracks = corridorTracks([
      step('a', 100, 300, 500, 400, 100), // down the gap at 400, left along 300, down the gap at 100
      step('b', 200, 300, 50, 700, 100), // shares 400…100 of the border at 300 and 50…300 of the gap at 100
      step('c', 200, 300, 450, 700, 100), // a third on the same stretches
      step('d', 300, 600, 700, 400, 900), // the gap at 400 again, but below a's leg: they meet end to end at most
    ])
    expect(tracks.get('a')).toEqual({ y: 300, out: 0, in: 0 })
    expect(tracks.get('b')).toEqual({ y: 300 + TRACKS[1], out: 0, in: TRACKS[1] })
    expect(tracks.get('c')).toEqual({ y: 300 + TRACKS[2], out: TRACKS[1], in: TRACKS[2] })
    expect(tracks.get('d')).toEqual({ y: 600, out: 0, in: 0 })
  })

  it('are never drawn one on top of the other on a template, for its first persona or with every journey shown', () => {
    for (const id of TEMPLATE_IDS) {
      for (const language of TEMPLATE_LANGUAGES) {
        const doc = new Y.Doc()
        importBoard(doc, loadTemplates().get(id, language))
        const board = readBoard(doc)
        const layout = computeLayout(board)
        for (const showOthers of [false, true]) {
          const { edges } = docToFlow(board, layout, { personaId: board.personas[0]!.id, showOthers })
          expect(edges.some((edge) => edge.data!.corridor), `${id}.${language}`).toBe(true)
          expect(overlaps(edges, layout.cards), `${id}.${language}, others ${showOthers}`).toEqual([])
        }
      }
    }
  })
})
