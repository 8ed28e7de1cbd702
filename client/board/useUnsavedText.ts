import { useEffect } from 'react'
import { keepLostDraft, textsNotOnBoard } from '../ui/lostDrafts.js'

const storageKey = (boardId: string) => `zigzag.unsaved.${boardId}`

/**
 * A field saves when it is left, so text being typed when the page is reloaded or closed is not on the board yet. The
 * browser asks before leaving while there is some (useLeaveWarning), and if the person leaves anyway the text is kept
 * in this browser, with the texts of notes still open: the board, opened again, shows them in notes to copy (LostDrafts).
 */
export function useUnsavedText(boardId: string): void {
  useEffect(() => {
    const kept = readKept(boardId)
    localStorage.removeItem(storageKey(boardId))
    for (const { name, text } of kept) keepLostDraft(name, text, 'left')
    const onPageHide = () => {
      const texts = textsNotOnBoard()
      if (texts.length > 0) localStorage.setItem(storageKey(boardId), JSON.stringify(texts))
    }
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
    }
  }, [boardId])
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
