import type { Role } from '../../shared/protocol.js'

/** Boards this browser opened, newest first, so a facilitator can find their link again. */
export interface RecentBoard {
  id: string
  title: string
  role: Role
  link: string
  openedAt: number
  /** Made from a board file on the start page: it has its original's title. */
  imported?: boolean
}

const KEY = 'zigzag.recentBoards'
const MAX = 8

export function recentBoards(): RecentBoard[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as RecentBoard[]
    return Array.isArray(list) ? list.filter((b) => typeof b?.id === 'string' && typeof b.link === 'string') : []
  } catch {
    return []
  }
}

export function rememberBoard(board: Omit<RecentBoard, 'openedAt'>): void {
  try {
    const list = recentBoards()
    const imported = board.imported || list.some((b) => b.id === board.id && b.imported) || undefined
    const rest = list.filter((b) => b.id !== board.id)
    localStorage.setItem(KEY, JSON.stringify([{ ...board, imported, openedAt: Date.now() }, ...rest].slice(0, MAX)))
  } catch {
    // storage full or blocked: the list is a convenience only
  }
}

/** A board in the list got a new title (renamed while open here): the entry keeps its place. */
export function renameRecentBoard(id: string, title: string): void {
  try {
    const list = recentBoards()
    if (!list.some((b) => b.id === id && b.title !== title)) return
    localStorage.setItem(KEY, JSON.stringify(list.map((b) => (b.id === id ? { ...b, title } : b))))
  } catch {
    // storage full or blocked: the list is a convenience only
  }
}
