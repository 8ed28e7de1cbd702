import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import type { TransactionOrigin } from '../origins.js'
import { positionBetween } from './ordering.js'
import { readPersonas } from './readCollab.js'
import { removeSteps } from './journey.js'
import { type Persona, entityMap, personaMaps } from './schema.js'

/**
 * Ten colours for personas' journeys, far apart from each other (at least 26 in CIELAB) and each at least 3.6 : 1
 * against the white board, as a line must be. A persona keeps a colour it already has, in this list or not.
 */
export const PERSONA_COLORS = [
  '#e4572e', '#2e86ab', '#7768ae', '#2e8540', '#b86e00', '#d81159', '#00796b', '#8d5524', '#4b5bd6', '#a64ca6',
]

/**
 * The colour for a new persona: the first of the palette that no persona has (`used`); when every one is taken, the
 * one fewest have, so two journeys share a colour only when there are more personas than colours.
 */
export function freePersonaColor(used: readonly string[]): string {
  const counts = new Map(PERSONA_COLORS.map((color) => [color, 0]))
  for (const color of used) {
    const key = color.toLowerCase()
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1)
  }
  const fewest = Math.min(...counts.values())
  return PERSONA_COLORS.find((color) => counts.get(color) === fewest)!
}

export type PersonaPatch = Partial<Pick<Persona, 'name' | 'description' | 'color'>>

export function addPersona(doc: Y.Doc, input: { name: string } & PersonaPatch, origin?: TransactionOrigin): string {
  const id = entityId()
  doc.transact(() => {
    const existing = readPersonas(doc)
    personaMaps(doc).set(id, entityMap({
      name: input.name,
      description: input.description ?? '',
      color: input.color ?? freePersonaColor(existing.map((p) => p.color)),
      position: positionBetween(existing.at(-1)?.position, undefined),
    }))
  }, origin)
  return id
}

export function updatePersona(doc: Y.Doc, id: string, patch: PersonaPatch, origin?: TransactionOrigin): void {
  const map = personaMaps(doc).get(id)
  if (!map) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined && map.get(key) !== value) map.set(key, value)
  }, origin)
}

/**
 * A persona just added on two screens at once gets the same free colour on both (each picked it from what it saw).
 * Called on the screen that added `id`, while its colour is still the one it was given (`given`): when a persona added
 * before it in id order has that colour too, it takes another free one. Only one of the two changes, and the same one
 * on every screen. Returns whether it did.
 */
export function separateTwinColor(doc: Y.Doc, id: string, given: string, origin?: TransactionOrigin): boolean {
  const personas = readPersonas(doc)
  const own = personas.find((p) => p.id === id)
  if (!own || own.color.toLowerCase() !== given.toLowerCase()) return false
  const twin = personas.some((p) => p.id < id && p.color.toLowerCase() === own.color.toLowerCase())
  if (!twin) return false
  const color = freePersonaColor(personas.filter((p) => p.id !== id).map((p) => p.color))
  if (color.toLowerCase() === own.color.toLowerCase()) return false // every colour taken: sharing one is the least harm
  updatePersona(doc, id, { color }, origin)
  return true
}

/** Removes a persona and its journey path. The last persona stays: every board has at least one journey. */
export function removePersona(doc: Y.Doc, id: string, origin?: TransactionOrigin): boolean {
  const personas = personaMaps(doc)
  if (!personas.has(id) || personas.size <= 1) return false
  doc.transact(() => {
    personas.delete(id)
    removeSteps(doc, (step) => step.personaId === id)
  }, origin)
  return true
}
