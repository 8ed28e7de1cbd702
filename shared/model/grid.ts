import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import type { TransactionOrigin } from '../origins.js'
import { positionBetween } from './ordering.js'
import { lanes, phases, touchpoints } from './read.js'
import { type Channel, type EntityMap, entityMap, gridHeirMap, laneMaps, num, phaseMaps, touchpointMaps } from './schema.js'

type Axis = 'phase' | 'lane'

const axisMaps = (doc: Y.Doc, axis: Axis) => (axis === 'phase' ? phaseMaps(doc) : laneMaps(doc))
const axisItems = (doc: Y.Doc, axis: Axis) => (axis === 'phase' ? phases(doc) : lanes(doc))

export function addPhase(doc: Y.Doc, name: string, origin?: TransactionOrigin): string {
  const id = entityId()
  doc.transact(() => {
    const last = phases(doc).at(-1)
    phaseMaps(doc).set(id, entityMap({ name, position: positionBetween(last?.position, undefined) }))
  }, origin)
  return id
}

export function addLane(doc: Y.Doc, name: string, channel: Channel, origin?: TransactionOrigin): string {
  const id = entityId()
  doc.transact(() => {
    // A new lane goes after the last lane of its channel, keeping physical and digital lanes grouped.
    const all = lanes(doc)
    const sameChannel = all.filter((l) => l.channel === channel)
    const anchor = sameChannel.at(-1) ?? (channel === 'physical' ? undefined : all.at(-1))
    const next = anchor ? all[all.findIndex((l) => l.id === anchor.id) + 1] : all[0]
    laneMaps(doc).set(id, entityMap({ name, channel, position: positionBetween(anchor?.position, next?.position) }))
  }, origin)
  return id
}

function fieldSetter(axis: Axis, field: string) {
  return (doc: Y.Doc, id: string, value: unknown, origin?: TransactionOrigin) => {
    const map = axisMaps(doc, axis).get(id)
    if (!map) return
    doc.transact(() => map.set(field, value), origin)
  }
}

export const renamePhase: (doc: Y.Doc, id: string, name: string, origin?: TransactionOrigin) => void = fieldSetter('phase', 'name')
export const renameLane: (doc: Y.Doc, id: string, name: string, origin?: TransactionOrigin) => void = fieldSetter('lane', 'name')

/**
 * Switches a lane between physical and digital. In the same transaction the
 * lane moves to the edge of its new group next to the other one (the last
 * physical lane, or the first digital one), so physical lanes stay above
 * digital ones in one block each.
 */
export function setLaneChannel(doc: Y.Doc, id: string, channel: Channel, origin?: TransactionOrigin): void {
  const map = laneMaps(doc).get(id)
  const all = lanes(doc)
  const lane = all.find((l) => l.id === id)
  if (!map || !lane) return
  const others = all.filter((l) => l.id !== id)
  const physical = others.map((l) => l.channel === 'physical')
  const index = channel === 'physical' ? physical.lastIndexOf(true) + 1 : physical.includes(false) ? physical.indexOf(false) : others.length
  const before = others[index - 1]
  const after = others[index]
  const inPlace = all[all.indexOf(lane) - 1] === before && all[all.indexOf(lane) + 1] === after
  doc.transact(() => {
    map.set('channel', channel)
    if (!inPlace) map.set('position', positionBetween(before?.position, after?.position))
  }, origin)
}

/** Moves a phase or lane one step earlier (-1) or later (+1). Returns false at the edge. */
function move(doc: Y.Doc, axis: Axis, id: string, direction: -1 | 1, origin?: TransactionOrigin): boolean {
  const items = axisItems(doc, axis)
  const index = items.findIndex((item) => item.id === id)
  const target = index + direction
  if (index < 0 || target < 0 || target >= items.length) return false
  const others = items.filter((item) => item.id !== id)
  const position = positionBetween(others[target - 1]?.position, others[target]?.position)
  doc.transact(() => axisMaps(doc, axis).get(id)?.set('position', position), origin)
  return true
}

export const movePhase = (doc: Y.Doc, id: string, direction: -1 | 1, origin?: TransactionOrigin) =>
  move(doc, 'phase', id, direction, origin)
export const moveLane = (doc: Y.Doc, id: string, direction: -1 | 1, origin?: TransactionOrigin) =>
  move(doc, 'lane', id, direction, origin)

/** The phase or lane that takes in the cards of `items[index]`: the nearest before it that stays, else the nearest after it. */
function heirOf<T extends { id: string }>(items: readonly T[], index: number, going: ReadonlySet<string>): { heir: T; comesBefore: boolean } | undefined {
  for (let i = index - 1; i >= 0; i--) if (!going.has(items[i]!.id)) return { heir: items[i]!, comesBefore: true }
  for (let i = index + 1; i < items.length; i++) if (!going.has(items[i]!.id)) return { heir: items[i]!, comesBefore: false }
  return undefined
}

/**
 * Moves `movers` (cards of one phase or lane) into `heir`, cell by cell along the other axis, in their order: after
 * the heir's own cards of that cell when it comes before (below them, as they came later), before them when it comes
 * after. Call inside a transaction.
 */
function joinHeir(doc: Y.Doc, axis: Axis, heirId: string, heirComesBefore: boolean, movers: readonly EntityMap[]): void {
  const field = axis === 'phase' ? 'phaseId' : 'laneId'
  const across = axis === 'phase' ? 'laneId' : 'phaseId'
  const cards = [...touchpointMaps(doc).values()]
  const position = (tp: EntityMap) => num(tp, 'position')
  const byCell = new Map<unknown, EntityMap[]>()
  for (const tp of movers) byCell.set(tp.get(across), [...(byCell.get(tp.get(across)) ?? []), tp])
  for (const [cell, inCell] of byCell) {
    const staying = cards.filter((tp) => tp.get(field) === heirId && tp.get(across) === cell).map(position)
    inCell.sort((a, b) => position(a) - position(b))
    const start = staying.length === 0 ? 0 : heirComesBefore ? Math.max(...staying) + 1 : Math.min(...staying) - inCell.length
    inCell.forEach((tp, i) => {
      tp.set(field, heirId)
      tp.set('position', start + i)
    })
  }
}

/**
 * Removes a phase or lane. Its touchpoints are never dropped: they move to the
 * neighbouring column or row, in their order, after that one's own cards when
 * it comes before (below them, as they came later) and before them when it
 * comes after. The last phase or lane cannot be removed.
 */
function remove(doc: Y.Doc, axis: Axis, id: string, origin?: TransactionOrigin): boolean {
  const items = axisItems(doc, axis)
  const index = items.findIndex((item) => item.id === id)
  if (index < 0 || items.length <= 1) return false
  const { heir, comesBefore } = heirOf(items, index, new Set([id]))!
  const field = axis === 'phase' ? 'phaseId' : 'laneId'
  doc.transact(() => {
    joinHeir(doc, axis, heir.id, comesBefore, [...touchpointMaps(doc).values()].filter((tp) => tp.get(field) === id))
    axisMaps(doc, axis).delete(id)
    // A card put into it by someone at the same moment (or offline) still points at it: it shows in the heir, next door.
    gridHeirMap(doc).set(id, heir.id)
  }, origin)
  return true
}

/** Cards that must leave a phase or lane about to go some other way than removePhase/removeLane, and where they go. */
export interface CardsLeaving {
  axis: Axis
  /** The phase or lane that goes. */
  from: { id: string; name: string }
  /** Its neighbour that stays (the one before it, else the one after it). */
  to: { id: string; name: string }
  touchpointIds: string[]
}

/**
 * The cards in `going` (phases and lanes about to go, e.g. an undo takes back adding them) but those of `leave`, and
 * the neighbour each would move to as removal moves them (moveCardsLeaving): none is lost. Phases and lanes that stay
 * are passed over as neighbours; with none left, there is nowhere to go and nothing is answered.
 */
export function cardsLeaving(doc: Y.Doc, going: { phases: readonly string[]; lanes: readonly string[] }, leave: ReadonlySet<string>): CardsLeaving[] {
  const cards = touchpoints(doc).filter((card) => !leave.has(card.id))
  return (['lane', 'phase'] as const).flatMap((axis) => {
    const items = axisItems(doc, axis)
    const ids = new Set(axis === 'lane' ? going.lanes : going.phases)
    return items.flatMap((item, index) => {
      if (!ids.has(item.id)) return []
      // Read raw: a card in a lane that is already gone shows in the first lane, but it was not put in this one.
      const inIt = cards.filter((card) => touchpointMaps(doc).get(card.id)?.get(axis === 'lane' ? 'laneId' : 'phaseId') === item.id)
      const found = heirOf(items, index, ids)
      if (inIt.length === 0 || !found) return []
      return [{ axis, from: { id: item.id, name: item.name }, to: { id: found.heir.id, name: found.heir.name }, touchpointIds: inIt.map((card) => card.id) }]
    })
  })
}

/** Moves the cards `cardsLeaving` found to their neighbours, in one transaction, as removal would. */
export function moveCardsLeaving(doc: Y.Doc, leaving: readonly CardsLeaving[], origin?: TransactionOrigin): void {
  if (leaving.length === 0) return
  doc.transact(() => {
    for (const { axis, from, to, touchpointIds } of leaving) {
      const items = axisItems(doc, axis)
      const comesBefore = items.findIndex((item) => item.id === to.id) < items.findIndex((item) => item.id === from.id)
      const movers = touchpointIds.map((id) => touchpointMaps(doc).get(id)).filter((tp): tp is EntityMap => tp !== undefined)
      joinHeir(doc, axis, to.id, comesBefore, movers)
    }
  }, origin)
}

export const removePhase = (doc: Y.Doc, id: string, origin?: TransactionOrigin) => remove(doc, 'phase', id, origin)
export const removeLane = (doc: Y.Doc, id: string, origin?: TransactionOrigin) => remove(doc, 'lane', id, origin)
