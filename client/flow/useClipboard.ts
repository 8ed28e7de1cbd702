import { useEffect } from 'react'
import type * as Y from 'yjs'
import { type CopiedTouchpoints, copyTouchpoints, duplicateTouchpoints, pasteTouchpoints } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { TYPING } from './useCardRemoval.js'

/**
 * The cards copied last, in this tab: module state, not the system clipboard, so it needs no permission and also pastes
 * into another board opened in the same tab. Only the cards' own fields and their steps (copyTouchpoints).
 */
let copied: CopiedTouchpoints | null = null

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
      if (key === 'c' && selection.size > 0) copied = copyTouchpoints(doc, selection)
      if (readOnly || (key !== 'v' && key !== 'd')) return
      const made = key === 'v' ? (copied ? pasteTouchpoints(doc, copied, origin) : []) : duplicateTouchpoints(doc, selection, origin)
      if (made.length === 0) return
      event.preventDefault() // Ctrl+D would bookmark the page
      onSelect(new Set(made))
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [doc, origin, readOnly, selection, onSelect, disabled])
}
