import * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { migrate } from './board.js'
import { NOT_A_TEXT_SAVE } from './concurrentSaves.js'
import { ROOT } from './schema.js'

/** Roots a restore brings back; the session root (the empty chair) is live state, not content. */
const RESTORED_ROOTS = Object.values(ROOT).filter((name) => name !== ROOT.session)

/**
 * Makes the board's content equal to an earlier version by writing the
 * differences as ordinary edits on top of the current state (never by
 * replacing history): the restore is one transaction that the undo manager
 * can take back, and edits others make meanwhile merge as usual. Fields that
 * already match are not touched, so concurrent work elsewhere survives.
 */
export function restoreVersion(doc: Y.Doc, version: Y.Doc, origin?: TransactionOrigin): number {
  let changes = 0
  doc.transact((transaction) => {
    transaction.meta.set(NOT_A_TEXT_SAVE, true) // the old texts are not this person's words to merge again
    for (const name of RESTORED_ROOTS) changes += syncMap(doc.getMap<unknown>(name), version.getMap<unknown>(name))
  }, origin)
  return changes
}

/** Restores a version given as an encoded Yjs update (as the server stores snapshots). */
export function restoreVersionUpdate(doc: Y.Doc, update: Uint8Array, origin?: TransactionOrigin): number {
  const version = new Y.Doc()
  try {
    Y.applyUpdate(version, update)
    migrate(version) // a version saved before a schema change is restored in today's layout
    return restoreVersion(doc, version, origin)
  } finally {
    version.destroy()
  }
}

function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): number {
  let changes = 0
  for (const key of [...target.keys()]) {
    if (!source.has(key)) {
      target.delete(key)
      changes++
    }
  }
  source.forEach((value, key) => {
    const current = target.get(key)
    if (value instanceof Y.Map) {
      if (current instanceof Y.Map) changes += syncMap(current, value)
      else {
        target.set(key, copyMap(value))
        changes++
      }
    } else if (!sameValue(current, value)) {
      target.set(key, value)
      changes++
    }
  })
  return changes
}

function copyMap(source: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>()
  source.forEach((value, key) => copy.set(key, value instanceof Y.Map ? copyMap(value) : value))
  return copy
}

const sameValue = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b))
