import type * as Y from 'yjs'
import {
  type BoardState, type JourneyStep, FACTOR_DIMENSIONS, FACTOR_LEVELS, MAX_TITLE_LENGTH, clipText, readBoard,
} from '../model/index.js'
import type { BoardFile } from './boardFile.js'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION } from './formatId.js'

const iso = (ms: number) => {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString()
}

/**
 * Steps of one persona in the order the customer walks them. Built only from
 * touchpoint order, never from ids, so a board and its re-imported copy
 * export alike.
 */
function walkJourney(steps: JourneyStep[], cardIndex: Map<string, number>): { from: string; to: string }[] {
  const at = (id: string) => cardIndex.get(id) as number
  const unique = new Map(steps.map((s) => [`${s.from}>${s.to}`, s]))
  const base = [...unique.values()].sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to))
  const next = new Map<string, string[]>()
  const hasIncoming = new Set(base.map((s) => s.to))
  for (const s of base) {
    const to = next.get(s.from)
    if (to) to.push(s.to)
    else next.set(s.from, [s.to])
  }
  const rank = new Map<string, number>()
  // Depth first with a stack of its own: by recursion, a journey thousands of steps long overflowed the call stack.
  const visit = (start: string) => {
    const stack = [start]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (rank.has(id)) continue
      rank.set(id, rank.size)
      const to = next.get(id) ?? []
      for (let i = to.length - 1; i >= 0; i--) stack.push(to[i]!)
    }
  }
  for (const s of base) if (!hasIncoming.has(s.from)) visit(s.from)
  for (const s of base) visit(s.from) // cycles without a start
  return base
    .sort((a, b) => (rank.get(a.from) as number) - (rank.get(b.from) as number) || (rank.get(a.to) as number) - (rank.get(b.to) as number))
    .map((s) => ({ from: s.from, to: s.to }))
}

/** touchpointId → participantId → value, in touchpoint order and then by participant id. */
function personalScores<T>(all: BoardState['ratings'] | BoardState['influence'], cards: { id: string }[]) {
  const out: Record<string, Record<string, T>> = {}
  for (const { id } of cards) {
    const scores = all[id] as Record<string, T> | undefined
    if (!scores || Object.keys(scores).length === 0) continue
    out[id] = Object.fromEntries(Object.keys(scores).sort().map((participant) => [participant, scores[participant]]))
  }
  return out
}

/**
 * The whole board as a board file, everything but the customer chair (which
 * is session state). Deterministic: the same board always gives the same
 * JSON apart from `exportedAt`, whatever its entity ids.
 */
export function exportBoard(doc: Y.Doc, exportedAt: number = Date.now()): BoardFile {
  const board = readBoard(doc)
  const phaseIndex = new Map(board.phases.map((p, i) => [p.id, i]))
  const laneIndex = new Map(board.lanes.map((l, i) => [l.id, i]))
  // readBoard sorts cards by position; a stable sort by cell keeps their order inside each cell.
  const cards = [...board.touchpoints].sort(
    (a, b) => (phaseIndex.get(a.phaseId) ?? 0) - (phaseIndex.get(b.phaseId) ?? 0) || (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0),
  )
  const cardIndex = new Map(cards.map((t, i) => [t.id, i]))
  const card = (id: string) => cardIndex.get(id) as number
  const author = (a: { authorId: string; authorName: string; customerVoice: boolean }) => ({
    authorId: a.authorId, authorName: a.authorName, customerVoice: a.customerVoice,
  })

  return {
    format: BOARD_FORMAT,
    formatVersion: BOARD_FORMAT_VERSION,
    exportedAt: iso(exportedAt),
    meta: { title: clipText(board.meta.title, MAX_TITLE_LENGTH), language: board.meta.language },
    phases: board.phases.map((p) => ({ id: p.id, name: p.name })),
    lanes: board.lanes.map((l) => ({ id: l.id, name: l.name, channel: l.channel })),
    touchpoints: cards.map((t) => ({
      id: t.id, title: t.title, phaseId: t.phaseId, laneId: t.laneId, kind: t.kind, description: t.description,
      department: t.department, status: t.status, expectation: t.expectation, painPoint: t.painPoint, measure: t.measure, momentOfTruth: t.momentOfTruth,
    })),
    personas: board.personas.map((p) => ({
      name: p.name,
      description: p.description,
      color: p.color,
      journey: walkJourney(board.journey.filter((s) => s.personaId === p.id && s.from !== s.to && cardIndex.has(s.from) && cardIndex.has(s.to)), cardIndex),
    })),
    ratings: personalScores(board.ratings, cards),
    influence: personalScores(board.influence, cards),
    factors: board.factors
      .filter((f) => f.text.trim() !== '')
      .sort((a, b) =>
        a.createdAt - b.createdAt || card(a.touchpointId) - card(b.touchpointId) ||
        FACTOR_LEVELS.indexOf(a.level) - FACTOR_LEVELS.indexOf(b.level) ||
        FACTOR_DIMENSIONS.indexOf(a.dimension) - FACTOR_DIMENSIONS.indexOf(b.dimension) || compare(a.text, b.text))
      .map((f) => ({ touchpointId: f.touchpointId, level: f.level, dimension: f.dimension, text: f.text, createdAt: iso(f.createdAt), ...author(f) })),
    stardust: board.stardust
      .filter((s) => s.text.trim() !== '')
      .sort((a, b) => a.createdAt - b.createdAt || card(a.touchpointId) - card(b.touchpointId) || compare(a.text, b.text))
      .map((s) => ({
        touchpointId: s.touchpointId, text: s.text, department: s.department, status: s.status, voters: [...s.voters], goals: [...s.goals],
        createdAt: iso(s.createdAt), ...author(s),
      })),
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
