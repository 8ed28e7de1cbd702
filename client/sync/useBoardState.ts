import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { type BoardState, readBoard } from '../../shared/model/index.js'

/** A plain snapshot of the board, re-read after every transaction (local or remote). */
export function useBoardState(doc: Y.Doc): BoardState {
  const [board, setBoard] = useState(() => readBoard(doc))
  useEffect(() => {
    const refresh = () => setBoard(readBoard(doc))
    refresh()
    doc.on('afterTransaction', refresh)
    return () => doc.off('afterTransaction', refresh)
  }, [doc])
  return board
}
