import * as Y from 'yjs'
import { MAX_DEPARTMENT_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_EXPECTATION_LENGTH, MAX_NAME_LENGTH } from './defaults.js'
import { MAX_ENTRY_LENGTH } from './factors.js'
import { mergeText } from './mergeText.js'

/** The keys of the board's entities that hold text people type: names, titles, descriptions, factors, ideas. */
/** The longest text each key holds on any entity (a persona's name and description take less: their editor keeps to that). */
const TEXT_LIMITS: Record<string, number> = {
  name: MAX_NAME_LENGTH, title: MAX_NAME_LENGTH, description: MAX_DESCRIPTION_LENGTH, department: MAX_DEPARTMENT_LENGTH,
  expectation: MAX_EXPECTATION_LENGTH, painPoint: MAX_EXPECTATION_LENGTH, measure: MAX_EXPECTATION_LENGTH, text: MAX_ENTRY_LENGTH,
}
const TEXT_KEYS = new Set(Object.keys(TEXT_LIMITS))

/** A text this page saved: what it started from, what it wrote, and the entry in the document that holds it. */
interface Saved {
  base: string
  mine: string
  item: Y.ID
}

/** Where someone's text could not be merged into a text saved at the same time: what they wrote, and of what. */
export interface UnmergedSave {
  text: string
  /** The entity's map, to name it (its title or name). */
  entity: Y.Map<unknown>
  key: string
  /** Its changes fitted theirs, but together the text was longer than the field takes. */
  tooLong?: true
}

const itemOf = (map: Y.Map<unknown>, key: string) => map._map.get(key)
const textOf = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? '' : null)

/**
 * A field is saved whole (CommitField, InlineText), and a save merges into what someone else saved meanwhile (mergeText)
 * once that has arrived. Two saves of one field that cross on the wire (both within the time a change takes to reach
 * the others, or one made offline) are plain values in a Y.Map: one wins on every page, the other is gone.
 *
 * This page keeps what it saved with `origin` until someone else writes the same field. Yjs records on each write the
 * entry its writer saw as current (the item's origin): if that was this page's, they had read it and wrote on top.
 * If not, and theirs is now the field's value, the two crossed and this page's lost: its changes are merged into
 * theirs and written again, on top of theirs (so only the page whose save lost does it). Where they no longer fit,
 * theirs stays and `onUnmerged` gets this page's text, to keep for the person.
 */
/**
 * Set in a transaction's `meta` by a change written with the page's origin that is not a person's text save (a version
 * restored): its texts are not this page's words to merge again into what someone saved offline meanwhile (QA: a
 * restore wrote the old text back over an offline edit that had arrived after it, and nobody was told).
 */
export const NOT_A_TEXT_SAVE = 'zigzag.notATextSave'

export function mergeCrossedSaves(doc: Y.Doc, origin: unknown, onUnmerged: (save: UnmergedSave) => void): () => void {
  const saved = new Map<Y.Map<unknown>, Map<string, Saved>>()
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin && (saved.size === 0 || transaction.local)) return // nothing of this page's to look after
    const changes = [...transaction.changed].flatMap(([type, keys]) =>
      type instanceof Y.Map ? [...keys].flatMap((key) => (key !== null && TEXT_KEYS.has(key) ? [{ map: type as Y.Map<unknown>, key }] : [])) : [])
    if (changes.length === 0) return
    if (transaction.origin === origin) {
      const restore = transaction.meta.get(NOT_A_TEXT_SAVE) === true
      for (const { map, key } of changes) {
        if (!restore) remember(map, key, transaction)
        else if (saved.get(map)?.has(key)) forget(map, key) // written over: no longer this page's save
      }
      return
    }
    const redo: Array<() => void> = []
    for (const { map, key } of changes) {
      const mine = saved.get(map)?.get(key)
      const current = itemOf(map, key)
      if (!mine || !current || holds(current, mine.item)) continue // not saved here, or this page's save stands
      forget(map, key)
      if (builtOn(current, mine.item)) continue // they wrote on top of this page's save: they had it
      const theirs = textOf(map.get(key))
      if (theirs === null) continue
      const merged = mergeText(mine.base, mine.mine, theirs, TEXT_LIMITS[key])
      if (merged.partly) onUnmerged({ text: mine.mine, entity: map, key, ...(merged.tooLong ? { tooLong: true as const } : {}) })
      else if (merged.text !== theirs) redo.push(() => { if (map.get(key) === theirs) map.set(key, merged.text) })
    }
    // Written as this page's own edit (undoable like the save it repeats), once the remote change is through: the
    // connection does not pass on what is written while it applies a whole sync step (quietBoardSync).
    if (redo.length > 0) queueMicrotask(() => doc.transact(() => redo.forEach((write) => write()), origin))
  }
  const forget = (map: Y.Map<unknown>, key: string) => {
    saved.get(map)!.delete(key)
    if (saved.get(map)!.size === 0) saved.delete(map)
  }
  const remember = (map: Y.Map<unknown>, key: string, transaction: Y.Transaction) => {
    const item = itemOf(map, key)
    const mine = textOf(map.get(key))
    const before = textBefore(item, transaction)
    if (!item || item.deleted || mine === null || before === null) return
    if (!saved.has(map)) saved.set(map, new Map())
    saved.get(map)!.set(key, { base: before, mine, item: item.id })
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}

const holds = (item: Y.Item, id: Y.ID) => item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length

/**
 * Whether `item`'s writer had `mine` when writing: each write of a key records the entry its writer saw as current (its
 * origin), and those entries stand to its left in the key's list. Several later writes can arrive at once (after a
 * reconnection), so the chain is followed back.
 */
function builtOn(item: Y.Item, mine: Y.ID): boolean {
  for (let at: Y.Item | null = item; at;) {
    if (holds(at, mine)) return true
    const origin: Y.ID | null = at.origin
    if (!origin) return false
    let left: Y.Item | null = at.left
    while (left && !holds(left, origin)) left = left.left
    at = left
  }
  return false
}

/** The field's text before the transaction wrote `item`: the entry it replaced if that was removed just now, else none. */
function textBefore(item: Y.Item | undefined, transaction: Y.Transaction): string | null {
  const left = item?.left
  if (!left) return ''
  const removedNow = (transaction.deleteSet.clients.get(left.id.client) ?? []).some((d) => d.clock <= left.id.clock && left.id.clock < d.clock + d.len)
  if (!removedNow) return '' // the field was emptied before: it had no text
  const content = left.content.getContent()
  return content.length > 0 ? textOf(content[content.length - 1]) : ''
}
