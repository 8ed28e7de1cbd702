import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { type BoardState, boardReader, isNewerSchema } from '../../shared/model/index.js'

/** Reads the board when no frame has come for this long (a hidden tab has no frames). */
const LATEST_READ_MS = 250

/**
 * A plain snapshot of the board, re-read after transactions (boardReader:
 * only the parts they touched; the same snapshot when nothing changed). This
 * person's own changes are read at once, so what they type shows as they
 * type it. Everyone else's are read once a frame, just before it is drawn: in
 * a big workshop they come far more often than a screen refreshes, and
 * reading and rendering the board for each was most of what a page did. A
 * board in a newer layout than this code knows is not read: the last snapshot
 * stays while the page asks to be reloaded (useNewerSchema).
 */
export function useBoardState(doc: Y.Doc): BoardState {
  const reader = useMemo(() => boardReader(doc), [doc])
  const [board, setBoard] = useState(() => reader.read())
  useEffect(() => {
    let frame: number | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = (whole = false) => {
      if (frame !== undefined) cancelAnimationFrame(frame)
      clearTimeout(timer)
      frame = timer = undefined
      if (!isNewerSchema(doc)) setBoard(reader.read(whole))
    }
    const later = () => refresh()
    const changed = (transaction: Y.Transaction) => {
      reader.note(transaction)
      if (transaction.local) return refresh()
      frame ??= requestAnimationFrame(later)
      timer ??= setTimeout(later, LATEST_READ_MS)
    }
    refresh(true) // whatever changed since the first read, before this listened
    doc.on('afterTransaction', changed)
    return () => {
      doc.off('afterTransaction', changed)
      if (frame !== undefined) cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [doc, reader])
  return board
}
