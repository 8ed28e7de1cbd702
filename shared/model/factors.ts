import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import type { TransactionOrigin } from '../origins.js'
import { plainText } from './plainText.js'
import { clipText } from './textLength.js'
import { type Author, type FactorDimension, type FactorLevel, entityMap, factorMaps, touchpointMaps } from './schema.js'

export const MAX_ENTRY_LENGTH = 280

/**
 * Factor-matrix entries are separate entities keyed by id (not one text per
 * cell), so people adding, editing and removing entries in the same cell at
 * once never overwrite each other.
 */
export function addFactor(
  doc: Y.Doc,
  input: { touchpointId: string; level: FactorLevel; dimension: FactorDimension; text: string; createdAt?: number } & Author,
  origin?: TransactionOrigin,
  /** Written even when the touchpoint is gone, for its author to bring the card back (orphans.ts): a revealed draft. */
  { evenIfCardGone = false } = {},
): string | null {
  const text = clipText(plainText(input.text).trim(), MAX_ENTRY_LENGTH)
  if (!text || (!evenIfCardGone && !touchpointMaps(doc).has(input.touchpointId))) return null
  const id = entityId()
  doc.transact(() => factorMaps(doc).set(id, entityMap({ ...input, text, createdAt: input.createdAt ?? Date.now() })), origin)
  return id
}

export function updateFactor(doc: Y.Doc, id: string, text: string, origin?: TransactionOrigin): void {
  const entry = factorMaps(doc).get(id)
  const clean = clipText(plainText(text).trim(), MAX_ENTRY_LENGTH)
  if (!entry || !clean || entry.get('text') === clean) return
  doc.transact(() => entry.set('text', clean), origin)
}

export function removeFactor(doc: Y.Doc, id: string, origin?: TransactionOrigin): void {
  if (!factorMaps(doc).has(id)) return
  doc.transact(() => factorMaps(doc).delete(id), origin)
}
