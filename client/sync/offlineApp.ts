import { canWrite } from '../../shared/protocol.js'
import type { BoardInfo } from './api.js'
import { whenIdle } from './quietBoardSync.js'

/**
 * Opening a board without a network. The service worker (made by the build, see vite.config.ts) keeps the app's
 * files and answers a page load with them when the server cannot be reached; the board itself comes from its copy in
 * IndexedDB (./boardCopy.ts), which editors keep. What the server said about the board (its title, this link's role,
 * the links to share) is kept here, per board and link, so the page can open it before the server answers again.
 */
export function registerOfflineApp(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // On a first visit the worker fetches the app's files (about 300 KB compressed): not while the board itself loads
  // and is drawn, but a few seconds after the page's load, when the page is idle.
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  const later = () => setTimeout(() => whenIdle(register), REGISTER_AFTER_MS)
  if (document.readyState === 'complete') later()
  else addEventListener('load', later, { once: true })
}

const REGISTER_AFTER_MS = 5000

const KEY = 'zigzag.boardInfo'
/** Boards whose details are kept, the most recently opened first. */
const MAX = 8

interface Kept { token: string; info: BoardInfo }

function keptList(): Kept[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Kept[]
    return Array.isArray(list) ? list.filter((k) => typeof k?.token === 'string' && typeof k.info?.id === 'string') : []
  } catch {
    return []
  }
}

/** Notes what the server said about a board opened with `token`. */
export function keepBoardInfo(info: BoardInfo, token: string): void {
  try {
    const rest = keptList().filter((k) => k.info.id !== info.id || k.token !== token)
    localStorage.setItem(KEY, JSON.stringify([{ token, info }, ...rest].slice(0, MAX)))
  } catch {
    // storage full or blocked: the board then opens online only
  }
}

/**
 * What the server last said about this board and link, if the board can open without it: only an editor's or a
 * facilitator's browser keeps a copy of the board (a viewer's would open empty).
 */
export function keptBoardInfo(boardId: string, token: string): BoardInfo | null {
  const kept = keptList().find((k) => k.info.id === boardId && k.token === token)
  return kept && canWrite(kept.info.role) ? kept.info : null
}
