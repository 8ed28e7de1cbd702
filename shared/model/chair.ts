import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { readCustomerChair } from './readCollab.js'
import { sessionMap } from './schema.js'

/**
 * The empty chair: one person at a time speaks as the customer. Taking a
 * chair that someone else holds is refused unless that person has left the
 * board (`present` lists who is on it).
 */
export function takeCustomerChair(
  doc: Y.Doc,
  person: { participantId: string; name: string },
  present?: ReadonlySet<string>,
  origin?: TransactionOrigin,
): boolean {
  const holder = readCustomerChair(doc)
  const holderGone = present !== undefined && holder !== null && !present.has(holder.participantId)
  if (holder && holder.participantId !== person.participantId && !holderGone) return false
  doc.transact(() => sessionMap(doc).set('customerChair', { ...person, since: Date.now() }), origin)
  return true
}

/** Frees the chair; only its holder can. */
export function releaseCustomerChair(doc: Y.Doc, participantId: string, origin?: TransactionOrigin): boolean {
  const holder = readCustomerChair(doc)
  if (!holder || holder.participantId !== participantId) return false
  doc.transact(() => sessionMap(doc).delete('customerChair'), origin)
  return true
}

/** The chair counts as free when nobody holds it or its holder is not among the people present. */
export function isChairVacant(doc: Y.Doc, presentParticipantIds: ReadonlySet<string>): boolean {
  const holder = readCustomerChair(doc)
  return !holder || !presentParticipantIds.has(holder.participantId)
}
