import * as Y from 'yjs'
import {
  type Author, type BoardSeed, addTouchpoint, initBoard, lanes, phases, readPersonas, touchpoints,
} from '../../shared/model/index.js'

/** A fresh doc holding a seeded English board with a fixed creation time. */
export function seededDoc(seed: BoardSeed = {}): Y.Doc {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Test board', language: 'en', createdAt: 1, ...seed })
  return doc
}

/** The ids of the phases and lanes by name, so tests read like the board. */
export function grid(doc: Y.Doc) {
  const byName = <T extends { id: string; name: string }>(items: T[], kind: string) => (name: string): string => {
    const hit = items.find((item) => item.name === name)
    if (!hit) throw new Error(`no ${kind} named ${name}`)
    return hit.id
  }
  return { phase: byName(phases(doc), 'phase'), lane: byName(lanes(doc), 'lane') }
}

export const phaseNames = (doc: Y.Doc) => phases(doc).map((p) => p.name)
export const laneNames = (doc: Y.Doc) => lanes(doc).map((l) => l.name)

/** Titles of the cards in a cell, in order. */
export function cellTitles(doc: Y.Doc, phaseId: string, laneId: string): string[] {
  return touchpoints(doc).filter((t) => t.phaseId === phaseId && t.laneId === laneId).map((t) => t.title)
}

/** Adds a card per [title, phase, lane] and returns their ids by title. */
export function addCards(doc: Y.Doc, specs: [title: string, phase: string, lane: string][]): Record<string, string> {
  const g = grid(doc)
  return Object.fromEntries(
    specs.map(([title, phase, lane]) => [title, addTouchpoint(doc, { title, phaseId: g.phase(phase), laneId: g.lane(lane) })]),
  )
}

/** The persona every new board starts with. */
export function defaultPersona(doc: Y.Doc): string {
  const [first] = readPersonas(doc)
  if (!first) throw new Error('board has no persona')
  return first.id
}

/** A participant as the author of factors and stardust; `id` doubles as their participant id. */
export const author = (id: string, name = id, customerVoice = false): Author => ({ authorId: id, authorName: name, customerVoice })
