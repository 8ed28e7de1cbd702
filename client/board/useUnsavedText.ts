import { useEffect } from 'react'
import { keepLostDraft, unsavedTexts } from '../ui/lostDrafts.js'

const storageKey = (boardId: string) => `zigzag.unsaved.${boardId}`

/**
 * A field saves when it is left, so text being typed when the page is reloaded or closed is not on the board yet. The
 * browser asks before leaving while there is some, and if the person leaves anyway the text is kept in this browser:
 * the board, opened again, shows it in a note to copy (LostDrafts).
 */
export function useUnsavedText(boardId: string): void {
  useEffect(() => {
    const kept = readKept(boardId)
    localStorage.removeItem(storageKey(boardId))
    for (const { name, text } of kept) keepLostDraft(name, text, 'closed')
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsavedTexts().length === 0) return
      event.preventDefault()
      event.returnValue = '' // older browsers ask only when this is set
    }
    const onPageHide = () => {
      const texts = unsavedTexts()
      if (texts.length > 0) localStorage.setItem(storageKey(boardId), JSON.stringify(texts))
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
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
