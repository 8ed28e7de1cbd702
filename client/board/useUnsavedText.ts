import { useEffect } from 'react'
import { keepLostDraft, textsNotOnBoard } from '../ui/lostDrafts.js'

const storageKey = (boardId: string) => `zigzag.unsaved.${boardId}`

/**
 * A field saves when it is left, so text being typed when the page is reloaded or closed is not on the board yet. The
 * browser asks before leaving while there is some (useLeaveWarning), and if the person leaves anyway the text is kept
 * in this browser, with the texts of notes still open: the board, opened again, shows them in notes to copy (LostDrafts).
 */
export function useUnsavedText(boardId: string, { shows = true }: { shows?: boolean } = {}): void {
  useEffect(() => {
    // A page that shows no notes (the projector) leaves what is kept to the next page that does.
    if (!shows) return
    const kept = readKept(boardId)
    localStorage.removeItem(storageKey(boardId))
    for (const { name, text } of kept) keepLostDraft(name, text, 'left')
    const onPageHide = () => {
      const texts = textsNotOnBoard()
      if (texts.length === 0) return
      // Added to what another tab of this board kept as it closed, not written over it.
      const all = [...readKept(boardId), ...texts]
      const once = all.filter((k, i) => all.findIndex((o) => o.name === k.name && o.text === k.text) === i)
      localStorage.setItem(storageKey(boardId), JSON.stringify(once))
    }
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
    }
  }, [boardId, shows])
}

function readKept(boardId: string): { name: string; text: string }[] {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(storageKey(boardId)) ?? '[]')
    return Array.isArray(kept)
      ? kept.filter((k): k is { name: string; text: string } => typeof k?.name === 'string' && typeof k?.text === 'string' && k.text !== '')
      : []
  } catch {
    return [] // not ours, or cut short: nothing to show
  }
}
