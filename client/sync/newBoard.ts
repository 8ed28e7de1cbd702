const KEY = 'zigzag.newBoard'

/** The start page created this board in this tab: its facilitator sees the share panel when it opens, once. */
export function markNewBoard(boardId: string): void {
  try {
    sessionStorage.setItem(KEY, boardId)
  } catch {
    // storage blocked: the board opens without its share panel, the Share button still gives the links
  }
}

/** Whether this board was just created in this tab; answers true once, so a reload or a later visit opens it plainly. */
export function takeNewBoard(boardId: string): boolean {
  try {
    if (sessionStorage.getItem(KEY) !== boardId) return false
    sessionStorage.removeItem(KEY)
    return true
  } catch {
    return false
  }
}
