import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { type BoardState, boardReader, isNewerSchema } from '../../shared/model/index.js'
import { onBoardChange } from './boardReads.js'

/**
 * A plain snapshot of the board, read again after changes (onBoardChange:
 * this person's at once, everyone else's once a frame at most, spaced out
 * when many arrive) and only where they touched it (boardReader: the same
 * snapshot when nothing changed). A board in a newer layout than this code
 * knows is not read: the last snapshot stays while the page asks to be
 * reloaded (useNewerSchema).
 */
export function useBoardState(doc: Y.Doc): BoardState {
  const reader = useMemo(() => boardReader(doc), [doc])
  const [board, setBoard] = useState(() => reader.read())
  useEffect(() => {
    const refresh = (whole = false) => {
      if (!isNewerSchema(doc)) setBoard(reader.read(whole))
    }
    refresh(true) // whatever changed since the first read, before this listened
    return onBoardChange(doc, reader, refresh)
  }, [doc, reader])
  return board
}
