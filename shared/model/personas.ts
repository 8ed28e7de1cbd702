import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import type { TransactionOrigin } from '../origins.js'
import { positionBetween } from './ordering.js'
import { readPersonas } from './readCollab.js'
import { removeSteps } from './journey.js'
import { type Persona, entityMap, personaMaps } from './schema.js'

export const PERSONA_COLORS = ['#e4572e', '#2e86ab', '#7768ae', '#3bb273', '#f18f01', '#d81159']

export type PersonaPatch = Partial<Pick<Persona, 'name' | 'description' | 'color'>>

export function addPersona(doc: Y.Doc, input: { name: string } & PersonaPatch, origin?: TransactionOrigin): string {
  const id = entityId()
  doc.transact(() => {
    const existing = readPersonas(doc)
    personaMaps(doc).set(id, entityMap({
      name: input.name,
      description: input.description ?? '',
      color: input.color ?? PERSONA_COLORS[existing.length % PERSONA_COLORS.length],
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
