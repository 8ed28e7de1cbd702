import * as Y from 'yjs'
import { type BoardFile, exportBoard, importBoard } from '../../shared/format/index.js'
import {
  addFactor, addLane, addPersona, addPhase, addStardust, addTouchpoint, lanes, linkTouchpoints, phases, rateMomentOfTruth,
  readPersonas, scoreInfluence, setStardustGoal, takeCustomerChair, toggleStardustVote, updateStardust,
} from '../../shared/model/index.js'
import { seededDoc } from './board.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * A board file with ids replaced by `id1`, `id2`… in order of first
 * appearance (as values of `id` fields, then anywhere: references and keys),
 * and `exportedAt` blanked. Two exports of the same board then compare equal
 * whatever ids each copy got.
 */
export function normaliseIds(file: BoardFile): Json {
  const json = JSON.parse(JSON.stringify(file)) as Json
  const names = new Map<string, string>()
  const name = (id: string) => names.get(id) ?? (names.set(id, `id${names.size + 1}`), names.get(id) as string)
  const collect = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && typeof inner === 'string') name(inner)
        else collect(inner)
      }
    }
  }
  const rename = (value: Json): Json => {
    if (typeof value === 'string') return names.get(value) ?? value
    if (Array.isArray(value)) return value.map(rename)
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [names.get(key) ?? key, rename(inner)]))
    }
    return value
  }
  collect(json)
  const out = rename(json) as { [key: string]: Json }
  return { ...out, exportedAt: '(normalised)' }
}

/** Exports, imports into a new doc, exports again: the second export, and the new doc. */
export function roundTrip(doc: Y.Doc): { before: BoardFile; after: BoardFile; copy: Y.Doc } {
  const before = exportBoard(doc)
  const copy = new Y.Doc()
  importBoard(copy, JSON.parse(JSON.stringify(before)) as BoardFile)
  return { before, after: exportBoard(copy), copy }
}

const who = (authorId: string, authorName: string, customerVoice = false) => ({ authorId, authorName, customerVoice })

/**
 * A board with one of everything a board can hold: an extra phase and an
 * interleaved lane, cards with every field, two personas with journeys,
 * ratings, influence, factors, stardust with votes, and a customer chair
 * (which export leaves out).
 */
export function boardWithEverything(): Y.Doc {
  const doc = seededDoc({ title: 'Everything', language: 'en' })
  const phase = (i: number) => phases(doc)[i].id
  addPhase(doc, 'Loyalty')
  addLane(doc, 'Events', 'physical')
  const lane = (name: string) => lanes(doc).find((l) => l.name === name)!.id
  const ad = addTouchpoint(doc, { title: 'Flyer', phaseId: phase(0), laneId: lane('Letter & print'), department: 'Marketing', status: 'retire' })
  const review = addTouchpoint(doc, {
    title: 'Review portal', phaseId: phase(0), laneId: lane('Social & reviews'), kind: 'indirect',
    description: 'Reads the worst reviews first', expectation: 'Honest voices', painPoint: 'No answers', status: 'keep',
    measure: 'Reviews answered within a day',
  })
  const advice = addTouchpoint(doc, {
    title: 'Advice in store', phaseId: phase(1), laneId: lane('Store'), department: 'Sales', momentOfTruth: true, status: 'refine',
  })
  const advice2 = addTouchpoint(doc, { title: 'Second card in the same cell', phaseId: phase(1), laneId: lane('Store') })
  const checkout = addTouchpoint(doc, { title: 'Checkout', phaseId: phase(1), laneId: lane('Website'), momentOfTruth: true })
  const fair = addTouchpoint(doc, { title: 'Customer event', phaseId: phase(3), laneId: lane('Events') })

  const [first] = readPersonas(doc)
  const second = addPersona(doc, { name: 'Walter', description: 'Regular', color: '#2e86ab' })
  linkTouchpoints(doc, first.id, ad, review)
  linkTouchpoints(doc, first.id, review, advice)
  linkTouchpoints(doc, first.id, advice, checkout)
  linkTouchpoints(doc, first.id, checkout, fair)
  linkTouchpoints(doc, second, advice, advice2)
  linkTouchpoints(doc, second, advice, fair)

  rateMomentOfTruth(doc, advice, 'p-anna', 'delighting')
  rateMomentOfTruth(doc, advice, 'p-ben', 'disappointing')
  rateMomentOfTruth(doc, checkout, 'p-anna', 'ok')
  scoreInfluence(doc, advice, 'p-anna', 5)
  scoreInfluence(doc, review, 'p-ben', 2)

  addFactor(doc, { touchpointId: advice, level: 'disappointment', dimension: 'factual', text: 'Nobody there', ...who('p-anna', 'Anna') })
  addFactor(doc, { touchpointId: advice, level: 'delight', dimension: 'emotional', text: 'Remembers me', ...who('p-ben', 'Ben', true) })
  addFactor(doc, { touchpointId: checkout, level: 'ok', dimension: 'factual', text: 'Total price up front', ...who('p-anna', 'Anna') })

  const note = addStardust(doc, { touchpointId: advice, text: 'Hand-written note', ...who('p-anna', 'Anna') })!
  const coffee = addStardust(doc, { touchpointId: checkout, text: 'Free coffee', ...who('p-ben', 'Ben', true) })!
  updateStardust(doc, note, { department: 'Store operations', status: 'planned' })
  updateStardust(doc, coffee, { status: 'done' })
  setStardustGoal(doc, note, 'recommend', true)
  setStardustGoal(doc, note, 'reputation', true)
  toggleStardustVote(doc, note, 'p-anna')
  toggleStardustVote(doc, note, 'p-ben')
  toggleStardustVote(doc, coffee, 'p-ben')

  takeCustomerChair(doc, { participantId: 'p-ben', name: 'Ben' })
  return doc
}
