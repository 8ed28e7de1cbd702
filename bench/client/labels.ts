/**
 * `npm run bench:labels`: what the channel-switch labels cost the board's view (client/flow/stepPath.ts, placed in
 * docToFlow), in Node on the generated boards of 200 and 1,000 touchpoints (shared/format/generatedBoard.ts, about
 * half of whose steps switch channel). Prints medians of 21: the layout and view after a rename (the placement is kept)
 * and after a move (it is made again), with and without labels, and a placement alone.
 */
import * as Y from 'yjs'
import { STEP_ENDS, docToFlow, type FlowView, stepCorridors } from '../../client/flow/adapter.js'
import { computeLayout } from '../../client/flow/layout.js'
import { placeSwitchLabels, stepBetween } from '../../client/flow/stepPath.js'
import { generatedBoardFile, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { moveTouchpoint, readBoard, touchpoints, updateTouchpoint } from '../../shared/model/index.js'
import { percentile } from './stats.js'

const ROUNDS = 21
const width = () => 130

function boardOf(cards: number): Y.Doc {
  const parsed = parseBoardFile(generatedBoardFile(cards))
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  const doc = new Y.Doc()
  importBoard(doc, parsed.file)
  return doc
}

function viewAfter(doc: Y.Doc, change: 'rename' | 'move', labels: boolean): number {
  const personaId = readBoard(doc).personas[0]!.id
  const all = touchpoints(doc)
  let previous: FlowView | undefined
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const card = all[i * 7]!
    const other = all[i * 7 + 3]!
    if (change === 'move') moveTouchpoint(doc, card.id, { phaseId: other.phaseId, laneId: other.laneId, index: 0 })
    else updateTouchpoint(doc, card.id, { title: `Renamed ${labels} ${i}` })
    const board = readBoard(doc)
    const started = performance.now()
    previous = docToFlow(board, computeLayout(board), { personaId, showOthers: false, ...(labels ? { switchLabelWidth: width } : {}) }, { previous })
    times.push(performance.now() - started)
  }
  return percentile(times, 50)
}

function placement(doc: Y.Doc): { labels: number; ms: number } {
  const board = readBoard(doc)
  const layout = computeLayout(board)
  const channel = new Map(board.lanes.map((lane) => [lane.id, lane.channel]))
  const of = new Map(board.touchpoints.map((t) => [t.id, channel.get(t.laneId)]))
  const corridors = stepCorridors(board.journey, '', layout)
  const spots = board.journey.filter((step) => of.get(step.from) !== of.get(step.to)).map((step) => {
    const [from, to] = [layout.cards.get(step.from)!, layout.cards.get(step.to)!]
    const [path, x, y] = stepBetween(from, to, STEP_ENDS, corridors.get(step.id))
    return { id: step.id, path, middle: { x, y }, width: width() }
  })
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now()
    placeSwitchLabels(spots, layout.cards.values())
    times.push(performance.now() - started)
  }
  return { labels: spots.length, ms: percentile(times, 50) }
}

const round = (ms: number) => ms.toFixed(1)
for (const cards of [200, 1000]) {
  const placed = placement(boardOf(cards))
  const line = [`${cards} touchpoints, ${placed.labels} switch labels: placement ${round(placed.ms)} ms`]
  for (const change of ['rename', 'move'] as const) {
    const without = viewAfter(boardOf(cards), change, false)
    const withLabels = viewAfter(boardOf(cards), change, true)
    line.push(`layout + view after a ${change}: ${round(withLabels)} ms with labels, ${round(without)} without`)
  }
  console.log(line.join('; '))
}
