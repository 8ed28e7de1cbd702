import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { type BoardState, isNewerSchema, readBoard } from '../../shared/model/index.js'

/**
 * A plain snapshot of the board, re-read after every transaction (local or
 * remote). A board in a newer layout than this code knows is not read: the
 * last snapshot stays while the page asks to be reloaded (useNewerSchema).
 */
export function useBoardState(doc: Y.Doc): BoardState {
  const [board, setBoard] = useState(() => readBoard(doc))
  useEffect(() => {
    const refresh = () => {
      if (!isNewerSchema(doc)) setBoard(readBoard(doc))
    }
    refresh()
    doc.on('afterTransaction', refresh)
    return () => doc.off('afterTransaction', refresh)
  }, [doc])
  return board
}
