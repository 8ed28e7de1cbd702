import { useEffect } from 'react'

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes, except while typing in a field. */
export function useUndoKeys(undo: { undo: () => void; redo: () => void }, disabled: boolean) {
  useEffect(() => {
    if (disabled) return
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, [contenteditable="true"]')) return
      if (!(event.ctrlKey || event.metaKey)) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undo.undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') undo.redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [undo, disabled])
}
