import type * as Y from 'yjs'
import { byPosition } from './ordering.js'
import { type BoardState, type PersonalScores, isOutcome, journey, lanes, phases, readBoard, readMeta, readTouchpoint } from './read.js'
import { readCustomerChair, readFactors, readPersonalScores, readPersonas, readStardust } from './readCollab.js'
import {
  type EntityMap, type Touchpoint, factorMaps, influenceMap, journeyStepMap, laneMaps, legacyJourneyMaps, metaMap,
  personaMaps, phaseMaps, ratingMap, sessionMap, stardustMaps, stardustVoteMap, touchpointMaps,
} from './schema.js'

/**
 * Reads a board again after changes, reading only what they touched. Tell it
 * every transaction (`note`, from the doc's `afterTransaction`); `read` then
 * answers the board with every part no noted transaction touched kept as the
 * same object as before (===), and the same BoardState when nothing changed.
 *
 * On a board of 1,000 touchpoints, reading the whole board took about 3.5 ms
 * a change, and every page does it for everyone's every change: a title typed
 * by someone else re-read 1,000 cards. Now it re-reads that card, and views
 * memoised on a part (the journey, the ratings) skip their work.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>

export interface BoardReader {
  note(transaction: Y.Transaction): void
  /** The board; `whole` reads it all again, for a caller that may have missed transactions. */
  read(whole?: boolean): BoardState
}

export function boardReader(doc: Y.Doc): BoardReader {
  let board: BoardState | null = null
  /** Types the transactions since the last read changed, themselves or inside them (Yjs's changedParentTypes). */
  const touched = new Set<AnyType>()
  /** Types whose own entries changed (keys came or went at the top of a part). */
  const rekeyed = new Set<AnyType>()
  const cards = new Map<string, { map: EntityMap; touchpoint: Touchpoint }>()

  const readAll = (): BoardState => {
    const next = readBoard(doc)
    cards.clear()
    const byId = new Map(next.touchpoints.map((t) => [t.id, t]))
    touchpointMaps(doc).forEach((map, id) => {
      const touchpoint = byId.get(id)
      if (touchpoint) cards.set(id, { map, touchpoint })
    })
    return next
  }

  const readCards = (everyOne: boolean, last: readonly Touchpoint[], sameCards: boolean): Touchpoint[] => {
    const read: Touchpoint[] = []
    const seen = new Set<string>()
    let reordered = !sameCards
    touchpointMaps(doc).forEach((map, id) => {
      seen.add(id)
      const cached = cards.get(id)
      if (!everyOne && cached && cached.map === map && !touched.has(map)) {
        read.push(cached.touchpoint)
        return
      }
      const touchpoint = readTouchpoint(doc, id, map)
      if (!cached || cached.touchpoint.position !== touchpoint.position) reordered = true
      cards.set(id, { map, touchpoint })
      read.push(touchpoint)
    })
    for (const id of cards.keys()) if (!seen.has(id)) cards.delete(id)
    // The same cards in the same places (a title typed, a status set): the last order, with the cards read again in it.
    if (!reordered && read.length === last.length) return last.map((t) => cards.get(t.id)!.touchpoint)
    return read.sort(byPosition)
  }

  return {
    note(transaction) {
      for (const type of transaction.changedParentTypes.keys()) touched.add(type)
      for (const type of transaction.changed.keys()) rekeyed.add(type)
    },
    read(whole = false) {
      if (!board || whole) {
        touched.clear()
        rekeyed.clear()
        return (board = readAll())
      }
      if (touched.size === 0) return board
      const has = (type: AnyType) => touched.has(type)
      const last = board
      const grid = has(phaseMaps(doc)) || has(laneMaps(doc))
      // Parts that drop what belongs to a card no longer on the board read again when cards come or go.
      const cardSet = rekeyed.has(touchpointMaps(doc))
      const touchpoints = grid || has(touchpointMaps(doc)) ? readCards(grid, last.touchpoints, !cardSet) : last.touchpoints
      const cardIds = () => new Set(touchpoints.map((t) => t.id))
      const personasChanged = has(personaMaps(doc))
      board = {
        meta: has(metaMap(doc)) ? readMeta(doc) : last.meta,
        phases: has(phaseMaps(doc)) ? phases(doc) : last.phases,
        lanes: has(laneMaps(doc)) ? lanes(doc) : last.lanes,
        touchpoints,
        personas: personasChanged ? readPersonas(doc) : last.personas,
        journey: cardSet || personasChanged || has(journeyStepMap(doc)) || has(legacyJourneyMaps(doc)) ? journey(doc) : last.journey,
        ratings: cardSet || has(ratingMap(doc)) ? keepSame(last.ratings, readPersonalScores(ratingMap(doc), cardIds(), isOutcome)) : last.ratings,
        influence: cardSet || has(influenceMap(doc))
          ? keepSame(last.influence, readPersonalScores(influenceMap(doc), cardIds(), (v): v is number => typeof v === 'number' && v >= 1 && v <= 5))
          : last.influence,
        factors: cardSet || has(factorMaps(doc)) ? readFactors(doc, cardIds()) : last.factors,
        stardust: cardSet || has(stardustMaps(doc)) || has(stardustVoteMap(doc)) ? readStardust(doc, cardIds()) : last.stardust,
        customerChair: has(sessionMap(doc)) ? readCustomerChair(doc) : last.customerChair,
      }
      touched.clear()
      rekeyed.clear()
      // Nothing a view reads changed (say, only a part this reader does not read): the same board.
      if ((Object.keys(board) as (keyof BoardState)[]).every((key) => board![key] === last[key])) board = last
      return board
    },
  }
}

/** `next`, with each card's scores that did not change kept as the object `last` had, so a view can tell by identity. */
function keepSame<T>(last: PersonalScores<T>, next: PersonalScores<T>): PersonalScores<T> {
  for (const [card, scores] of Object.entries(next)) {
    const before = last[card]
    if (!before) continue
    const people = Object.keys(scores)
    if (people.length === Object.keys(before).length && people.every((person) => before[person] === scores[person])) next[card] = before
  }
  return next
}
