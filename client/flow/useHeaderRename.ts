import { useEffect, useRef, useState } from 'react'

/**
 * A phase's or lane's name being renamed, in place (InlineText). Begun from the header's menu with the keyboard, the
 * focus comes back to the name when the renaming ends, as it does after Enter or F2 on the name itself: the menu it
 * started from is gone by then.
 */
export function useHeaderRename(nameTestId: string, fresh?: { now: boolean; begun: () => void }) {
  const header = useRef<HTMLDivElement>(null)
  const [editing, setEditing] = useState(false)
  const focusBack = useRef(false)
  // A phase or lane this page has just added opens for its name at once, all of "New phase" selected, so typing names
  // it; Enter or a click elsewhere keeps what was typed, Escape the default name. The focus ends on the name.
  const now = fresh?.now ?? false
  useEffect(() => {
    if (!now) return
    focusBack.current = true
    setEditing(true)
    fresh?.begun()
  }, [now]) // eslint-disable-line react-hooks/exhaustive-deps -- only the moment it becomes true

  const onEditingChange = (on: boolean) => {
    setEditing(on)
    if (on || !focusBack.current) return
    focusBack.current = false
    requestAnimationFrame(() => header.current?.querySelector<HTMLElement>(`[data-testid="${nameTestId}"]`)?.focus())
  }
  const renameFromMenu = (byKeyboard: boolean) => {
    focusBack.current = byKeyboard
    setEditing(true)
  }
  return { header, editing, onEditingChange, renameFromMenu }
}
