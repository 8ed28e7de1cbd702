import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'

/** Text someone was typing into something that someone else removed meanwhile (a card, a phase, a factor…). */
export interface LostDraft {
  id: number
  /** What the text belonged to, by its name (a card's title, a phase's name), so the person knows where. */
  name: string
  text: string
  /**
   * The thing was removed; someone rewrote the same text meanwhile so that this no longer fitted in; or the board
   * closed under the field (its link was replaced); or the page was closed or reloaded (kept in the browser meanwhile).
   */
  reason: 'removed' | 'rewritten' | 'tooLong' | 'closed' | 'left'
  /** Which of its fields, by the field's label, where it has several (a touchpoint's pain point, its description…). */
  field?: string
}

/**
 * What a field is part of: whether that is gone from the board, and its name. A field keeps nothing in the board
 * until it is saved (on Enter, or when it loses the focus), so when someone removes the card, phase or entry while
 * another person is typing into it, the field disappears with their text. The provider around a card, a header or a
 * panel says when that happened; the field then hands its text to the lost drafts (useKeepIfGone).
 */
export interface EditTarget {
  isGone: () => boolean
  name: string
}
export const EditTargetContext = createContext<EditTarget | null>(null)

/** An EditTarget that changes only with the name (`isGone` is read when asked). */
export function useEditTarget(isGone: () => boolean, name: string): EditTarget {
  const check = useRef(isGone)
  check.current = isGone
  return useMemo(() => ({ isGone: () => check.current(), name }), [name])
}

let drafts: LostDraft[] = []
/** The board is going away (its link was refused): every field with unsaved text keeps it. */
let boardClosing = false
let nextId = 1
const listeners = new Set<() => void>()
const changed = () => listeners.forEach((listener) => listener())

/** Keeps `text` for the person to copy (the last few: an old one goes when many pile up). */
export function keepLostDraft(name: string, text: string, reason: LostDraft['reason'] = 'removed', field?: string): void {
  drafts = [...drafts, { id: nextId++, name, text, reason, ...(field ? { field } : {}) }].slice(-KEPT)
  changed()
}
const KEPT = 5

/**
 * Call while the board is being replaced by a message that it closed (the link was replaced): the fields going away
 * with it keep their unsaved text, shown with that message (LostDrafts).
 */
export function keepDraftsOfClosingBoard(): void {
  boardClosing = true
}

/** A board is open (again, after a link was replaced, in the same page): its fields' text goes with them only when what they are part of goes. */
export function boardOpened(): void {
  boardClosing = false
}

export function dismissLostDraft(id: number): void {
  drafts = drafts.filter((draft) => draft.id !== id)
  changed()
}

export function useLostDrafts(): LostDraft[] {
  return useSyncExternalStore((listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }, () => drafts)
}

/** Keeps `text` when someone rewrote the field's text meanwhile and not all of it could be merged in (mergeText). */
export function useKeepRewritten(): (text: string, field?: string, tooLong?: boolean) => void {
  const target = useContext(EditTargetContext)
  return (text: string, field?: string, tooLong?: boolean) => keepLostDraft(target?.name ?? '', text, tooLong ? 'tooLong' : 'rewritten', field)
}

/** The texts being typed into fields right now and not saved yet (useKeepIfGone), with what each belongs to. */
const unsaved = new Set<{ name: string; text: string }>()
/** What leaving the page now would lose: text being typed, and the texts of the notes keeping text (LostDrafts). */
export function textsNotOnBoard(): { name: string; text: string }[] {
  return [...unsaved, ...drafts.map(({ name, text }) => ({ name, text }))]
}

/**
 * For a field with unsaved text: when the field goes away while `text` is still unsaved (`pending`) and what it is
 * part of is gone from the board, the text is kept as a lost draft instead of vanishing with the field. Returns what
 * the field calls when the person drops the text themselves (Escape on a card just added takes the card away too):
 * then there is nothing to keep.
 */
export function useKeepIfGone(text: string, pending: boolean): () => void {
  const target = useContext(EditTargetContext)
  const latest = useRef({ text, pending, target })
  latest.current = { text, pending, target }
  const dropped = useRef(false)
  useEffect(() => { dropped.current = false }, [text])
  useEffect(() => {
    if (!pending || !text.trim()) return
    const entry = { name: target?.name ?? '', text: text.trim() }
    unsaved.add(entry)
    return () => void unsaved.delete(entry)
  }, [text, pending, target])
  useEffect(() => () => {
    const { text: last, pending: unsaved, target: of } = latest.current
    if (!unsaved || !last.trim() || dropped.current) return
    if (boardClosing) keepLostDraft(of?.name ?? '', last.trim(), 'closed')
    else if (of?.isGone()) keepLostDraft(of.name, last.trim())
  }, [])
  return useCallback(() => { dropped.current = true }, [])
}

/** Whether leaving or reloading the page would lose typed text: a field's unsaved text, or a kept draft on screen. */
export function hasUnsavedText(): boolean {
  return unsaved.size > 0 || drafts.length > 0
}
