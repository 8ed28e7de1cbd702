import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Role, SYNC_PATH, canWrite, syncProtocols } from '../../shared/protocol.js'
import type { Participant } from './identity.js'
import { lastColor } from './lastColor.js'
import { keepOwnColor } from './ownColor.js'
import { sendOwnPresenceOnly } from './ownPresenceOnly.js'
import { seeOthersAgainAfterReconnect } from './seeOthersAgain.js'
import { BoardCopy } from './boardCopy.js'
import { acceptDeflatedSync, deflatedSyncParams } from './deflatedSync.js'
import { applyBoardQuietly, whenIdle } from './quietBoardSync.js'
import { reconnectWithJitter } from './reconnect.js'
import { holdSessionFrames } from './useSession.js'

export type ConnectionStatus = 'connecting' | 'connected' | 'offline'

export interface BoardConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  status: ConnectionStatus
  /** True once the first sync with the server finished (the board is complete on screen). */
  synced: boolean
  /** Set when the server refused the link for good (wrong token, unknown board). */
  refused: { code: number; reason: string } | null
}

export function syncServerUrl(location: Location = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${location.host}${SYNC_PATH}`
}

/**
 * One Y.Doc per open board, synced through the relay. It connects as soon as
 * the link is known, while the page still asks the server about the board
 * (BoardPage): the first sync is then under way by the time the board is
 * drawn. Editors also keep a copy in IndexedDB, so edits made offline survive
 * a closed tab and merge when the connection returns; viewers keep none: they
 * never write. Both wait for `role` (null until the server said it), the
 * copy also for the page to be idle (./quietBoardSync.ts), and this
 * person's presence waits for `me`. BroadcastChannel sync between tabs is off
 * so a viewer tab can never hand its changes to an editor tab of the same
 * browser. A lost connection is retried after a random, growing wait
 * (./reconnect.ts), never after a close code that says the link is dead.
 */
export function useBoardConnection(
  board: { boardId: string; token: string } | null, role: Role | null, me: Participant | null, presenceRole: string | null = role,
): BoardConnection | null {
  const [pair, setPair] = useState<{ doc: Y.Doc; provider: WebsocketProvider; copy: { current: BoardCopy | null } } | null>(null)
  const [status, setStatus] = useState<ConnectionStatus>('connecting')
  const [synced, setSynced] = useState(false)
  const [refused, setRefused] = useState<BoardConnection['refused']>(null)
  const boardId = board?.boardId ?? null
  const token = board?.token ?? null

  useEffect(() => {
    if (boardId === null || token === null) return
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), boardId, doc, {
      params: deflatedSyncParams(), protocols: syncProtocols(token), disableBc: true, // the token in a header, not the URL
    })
    acceptDeflatedSync(provider)
    holdSessionFrames(provider) // the session's state can come before the board's view mounts (useSession)
    const stopReconnecting = reconnectWithJitter(provider)
    const copy: { current: BoardCopy | null } = { current: null }
    applyBoardQuietly(provider, () => copy.current)
    const restorePresence = sendOwnPresenceOnly(provider)
    const stopForgetting = seeOthersAgainAfterReconnect(provider)
    // Another token in the same tab (a replaced link's new one) starts over: what the last connection went through is not this one's.
    let current = true
    setStatus('connecting')
    setSynced(false)
    setRefused(null)
    provider.on('status', ({ status }) => current && setStatus(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline'))
    // A page opened without a network (from the service worker, ./offlineApp.ts) never connects, so y-websocket never
    // says `disconnected`: it is offline, not connecting, until the network is back (./reconnect.ts retries then).
    provider.on('connection-close', () => current && !navigator.onLine && setStatus('offline'))
    provider.on('sync', (isSynced: boolean) => current && setSynced((was) => was || isSynced))
    provider.on('closed', (event) => current && setRefused(event))
    setPair({ doc, provider, copy })
    return () => {
      current = false
      setPair(null)
      stopReconnecting()
      restorePresence()
      stopForgetting()
      provider.destroy()
      doc.destroy()
    }
  }, [boardId, token])

  const keepsCopy = role !== null && canWrite(role)
  useEffect(() => {
    if (!pair || !boardId || !keepsCopy) return
    // Opened when the page is idle: a copy opening after the first sync stores the whole board, and that
    // encoding waits until the board is on screen. Offline, the page is idle at once and the copy fills it.
    let local: BoardCopy | null = null
    const cancel = whenIdle(() => {
      local = new BoardCopy(`zigzag:${boardId}`, pair.doc, (origin) => origin === pair.provider)
      pair.copy.current = local
    })
    return () => {
      cancel()
      pair.copy.current = null
      void local?.destroy()
    }
  }, [pair, boardId, keepsCopy])

  useEffect(() => {
    if (!pair || !me || !presenceRole) return
    // Who this person is, in a colour of their own that stays theirs (./ownColor.ts); nothing pointed at or moved yet.
    return keepOwnColor(pair.provider, me, presenceRole, { cursor: null, dragging: null, editing: null, viewport: null }, boardId ? lastColor(boardId) : undefined)
  }, [pair, me, presenceRole, boardId])

  return pair ? { doc: pair.doc, provider: pair.provider, status, synced, refused } : null
}
