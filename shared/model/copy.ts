import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { linkTouchpoints, storedSteps } from './journey.js'
import { touchpointsInBoardOrder } from './ordering.js'
import { lanes, phases, touchpoints } from './read.js'
import { readPersonas } from './readCollab.js'
import { type Channel, TOUCHPOINT_STATUSES } from './schema.js'
import { type NewTouchpoint, addTouchpoint } from './touchpoints.js'

/**
 * Touchpoints copied off a board: each card's own fields and cell, and the
 * journey steps between them. Plain data, so it outlives the board it came
 * from and can be pasted into another one. What other people added to a card
 * (ratings, influence, factors, stardust, votes) is theirs and stays behind.
 */
export interface CopiedTouchpoints {
  /** In board order; `key` is the card's id on the board it was copied from. */
  cards: (NewTouchpoint & { key: string })[]
  /** Steps whose both ends were copied, by those keys. */
  steps: { personaId: string; from: string; to: string }[]
  /** What the cells and personas were called, by id: another board matches them by name (see pasteTouchpoints). */
  names?: { phases: Record<string, string>; lanes: Record<string, { name: string; channel: Channel }>; personas: Record<string, string> }
}

/** The cards `ids` names (those that exist) and the steps between them. */
export function copyTouchpoints(doc: Y.Doc, ids: Iterable<string>): CopiedTouchpoints {
  const wanted = new Set(ids)
  const ordered = touchpointsInBoardOrder({ phases: phases(doc), lanes: lanes(doc), touchpoints: touchpoints(doc) })
  const cards = ordered.filter((card) => wanted.has(card.id)).map((card) => ({
    key: card.id,
    phaseId: card.phaseId,
    laneId: card.laneId,
    title: card.title,
    kind: card.kind,
    description: card.description,
    department: card.department,
    status: card.status,
    expectation: card.expectation,
    painPoint: card.painPoint,
    measure: card.measure,
    momentOfTruth: card.momentOfTruth,
  }))
  const copied = new Set(cards.map((card) => card.key))
  const steps = storedSteps(doc)
    .filter((step) => copied.has(step.from) && copied.has(step.to))
    .map(({ personaId, from, to }) => ({ personaId, from, to }))
  const names = {
    phases: Object.fromEntries(phases(doc).map((p) => [p.id, p.name])),
    lanes: Object.fromEntries(lanes(doc).map((l) => [l.id, { name: l.name, channel: l.channel }])),
    personas: Object.fromEntries(readPersonas(doc).map((p) => [p.id, p.name])),
  }
  return { cards, steps, names }
}

/**
 * Adds the copied cards as new ones (new ids), each into the cell it was
 * copied from, after the cards already there, and links them as the copied
 * ones were. A phase, lane or persona this board lacks (removed meanwhile, or
 * copied from another board) gives way to one of the same name (two boards
 * from one template share their names), else to the first lane of the same
 * channel, else to the board's first phase, lane or persona. One transaction:
 * one undo takes the whole paste back. Answers the new cards' ids, in the
 * copy's order.
 */
export function pasteTouchpoints(doc: Y.Doc, copy: CopiedTouchpoints, origin?: TransactionOrigin): string[] {
  const here = { phases: phases(doc), lanes: lanes(doc), personas: readPersonas(doc) }
  const [firstPhase] = here.phases
  const [firstLane] = here.lanes
  if (!firstPhase || !firstLane || copy.cards.length === 0) return []
  const phaseFor = (id: string) => (here.phases.find((p) => p.id === id) ?? byName(here.phases, copy.names?.phases[id]) ?? firstPhase).id
  const laneFor = (id: string) => {
    const was = copy.names?.lanes[id]
    return (here.lanes.find((l) => l.id === id) ?? byName(here.lanes, was?.name) ?? here.lanes.find((l) => l.channel === was?.channel) ?? firstLane).id
  }
  const personaFor = (id: string) => (here.personas.find((p) => p.id === id) ?? byName(here.personas, copy.names?.personas[id]) ?? here.personas[0])?.id
  const added = new Map<string, string>()
  doc.transact(() => {
    for (const { key, ...card } of copy.cards) {
      added.set(key, addTouchpoint(doc, { ...card, phaseId: phaseFor(card.phaseId), laneId: laneFor(card.laneId) }, origin))
    }
    for (const step of copy.steps) {
      const personaId = personaFor(step.personaId)
      const from = added.get(step.from)
      const to = added.get(step.to)
      if (personaId && from && to) linkTouchpoints(doc, personaId, from, to, origin)
    }
  }, origin)
  return [...added.values()]
}

/** The one of `list` called `name` (case and surrounding spaces aside), if any. */
function byName<T extends { name: string }>(list: readonly T[], name: string | undefined): T | undefined {
  const wanted = name?.trim().toLocaleLowerCase()
  return wanted ? list.find((item) => item.name.trim().toLocaleLowerCase() === wanted) : undefined
}

/** Copies the cards `ids` names and pastes them at once (pasteTouchpoints), in one transaction. */
export function duplicateTouchpoints(doc: Y.Doc, ids: Iterable<string>, origin?: TransactionOrigin): string[] {
  return pasteTouchpoints(doc, copyTouchpoints(doc, ids), origin)
}

/** The version of CopiedTouchpoints that storedCopy writes, and the only one readCopy takes. */
export const COPY_VERSION = 1

/** A copy as text to keep (in the browser's storage, for another board or tab): JSON with its version. */
export function storedCopy(copy: CopiedTouchpoints): string {
  return JSON.stringify({ version: COPY_VERSION, ...copy })
}

/**
 * The copy storedCopy wrote, or null for anything else: not JSON, another version, a card or step of the wrong shape
 * (storage is anyone's to write in: another version of the app, an extension, a person in the console).
 */
export function readCopy(text: string | null | undefined): CopiedTouchpoints | null {
  if (!text) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(value) || value.version !== COPY_VERSION || !Array.isArray(value.cards) || !Array.isArray(value.steps)) return null
  const cards = value.cards
  const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v)
  const isString = (v: unknown) => typeof v === 'string'
  const cardOk = (c: unknown) => isRecord(c) && isString(c.key) && isString(c.title) && isString(c.phaseId) && isString(c.laneId)
    && optional(c.kind, (k) => k === 'direct' || k === 'indirect')
    && optional(c.status, (v) => (TOUCHPOINT_STATUSES as readonly unknown[]).includes(v))
    && ['description', 'department', 'expectation', 'painPoint', 'measure'].every((field) => optional(c[field], isString))
    && optional(c.momentOfTruth, (v) => typeof v === 'boolean')
  const stepOk = (st: unknown) => isRecord(st) && isString(st.personaId) && isString(st.from) && isString(st.to)
  if (!cards.every(cardOk) || !value.steps.every(stepOk)) return null
  const names = value.names
  const namesOk = names === undefined || (isRecord(names) && isRecord(names.phases) && isRecord(names.lanes) && isRecord(names.personas)
    && Object.values(names.phases).every(isString) && Object.values(names.personas).every(isString)
    && Object.values(names.lanes).every((l) => isRecord(l) && isString(l.name) && (l.channel === 'physical' || l.channel === 'digital')))
  if (!namesOk) return null
  const pick = (c: Record<string, unknown>) => Object.fromEntries(
    ['key', 'phaseId', 'laneId', 'title', 'kind', 'description', 'department', 'status', 'expectation', 'painPoint', 'measure', 'momentOfTruth']
      .filter((field) => c[field] !== undefined).map((field) => [field, c[field]]),
  )
  return {
    cards: (cards as Record<string, unknown>[]).map(pick) as unknown as CopiedTouchpoints['cards'],
    steps: (value.steps as Record<string, string>[]).map(({ personaId, from, to }) => ({ personaId: personaId!, from: from!, to: to! })),
    ...(names === undefined ? {} : { names: names as CopiedTouchpoints['names'] }),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
