import { useEffect } from 'react'
import type * as Y from 'yjs'
import { type CopiedTouchpoints, copyTouchpoints, duplicateTouchpoints, pasteTouchpoints, readCopy, storedCopy } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { TYPING } from './useCardRemoval.js'

/**
 * The cards copied last are kept in the browser's storage, not the system clipboard: that needs no permission, and it
 * outlives the page, so they paste into another board opened after it (every way there loads the page anew) and in
 * another tab. Only the cards' own fields and their steps (copyTouchpoints). What is read back is checked (readCopy).
 */
export const CLIPBOARD_KEY = 'zigzag.clipboard'
/** The copy made here, for when the storage refuses it (full, or blocked): then it pastes into this page at least. */
let copiedHere: CopiedTouchpoints | null = null

function keep(copy: CopiedTouchpoints): void {
  copiedHere = copy
  try {
    localStorage.setItem(CLIPBOARD_KEY, storedCopy(copy))
  } catch {
    // Kept in this page only; an older copy left in the storage is not pasted instead of it.
    try { localStorage.removeItem(CLIPBOARD_KEY) } catch { /* no storage at all */ }
  }
}

function copied(): CopiedTouchpoints | null {
  try {
    const text = localStorage.getItem(CLIPBOARD_KEY)
    if (text !== null) return readCopy(text)
  } catch {
    // No storage: the copy made in this page, if any.
  }
  return copiedHere
}

interface Clipboard {
  doc: Y.Doc
  origin: TransactionOrigin
  readOnly: boolean
  selection: ReadonlySet<string>
  /** Selects the cards a paste or a duplicate made. */
  onSelect: (ids: ReadonlySet<string>) => void
  disabled?: boolean
}

/**
 * Ctrl/Cmd+C copies the selected cards, Ctrl/Cmd+V pastes them as new cards into the cells they came from (after the
 * cards there), Ctrl/Cmd+D duplicates them at once; what a paste or duplicate made is selected. Keys typed into a field
 * stay the field's. Viewers may copy, not paste.
 */
export function useClipboard({ doc, origin, readOnly, selection, onSelect, disabled = false }: Clipboard): void {
  useEffect(() => {
    if (disabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      if ((event.target as HTMLElement | null)?.closest?.(TYPING)) return
      const key = event.key.toLowerCase()
      // Copying leaves the browser's own copy alone: text selected on the page is copied as well.
      if (key === 'c' && selection.size > 0) keep(copyTouchpoints(doc, selection))
      if (readOnly || (key !== 'v' && key !== 'd')) return
      const copy = key === 'v' ? copied() : null
      const made = key === 'v' ? (copy ? pasteTouchpoints(doc, copy, origin) : []) : duplicateTouchpoints(doc, selection, origin)
      if (made.length === 0) return
      event.preventDefault() // Ctrl+D would bookmark the page
      onSelect(new Set(made))
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [doc, origin, readOnly, selection, onSelect, disabled])
}
