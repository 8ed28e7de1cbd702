import { useEffect } from 'react'
import { renameRecentBoard } from '../sync/recentBoards.js'

/** The tab and this browser's recent boards follow the board's live title: a rename by anyone shows without a reload. */
export function useBoardTitle(boardId: string, title: string, remember: boolean): void {
  useEffect(() => {
    document.title = `${title} – Zigzag`
    if (remember) renameRecentBoard(boardId, title)
  }, [boardId, title, remember])
}
