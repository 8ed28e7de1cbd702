import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Role, SYNC_PATH, canWrite } from '../../shared/protocol.js'
import type { Participant } from './identity.js'
import { sendOwnPresenceOnly } from './ownPresenceOnly.js'
import { setPresence } from './presence.js'
import { reconnectWithJitter } from './reconnect.js'

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
 * One Y.Doc per open board, synced through the relay. Editors also keep a
 * copy in IndexedDB, so edits made offline survive a closed tab and merge
 * when the connection returns. Viewers keep none: they never write.
 * BroadcastChannel sync between tabs is off so a viewer tab can never hand
 * its changes to an editor tab of the same browser. A lost connection is
 * retried after a random, growing wait (./reconnect.ts), never after a close
 * code that says the link is dead.
 */
export function useBoardConnection(boardId: string, token: string, role: Role, me: Participant, presenceRole: string = role): BoardConnection | null {
  const [pair, setPair] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null)
  const [status, setStatus] = useState<ConnectionStatus>('connecting')
  const [synced, setSynced] = useState(false)
  const [refused, setRefused] = useState<BoardConnection['refused']>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const local = canWrite(role) ? new IndexeddbPersistence(`zigzag:${boardId}`, doc) : null
    const provider = new WebsocketProvider(syncServerUrl(), boardId, doc, { params: { token }, disableBc: true })
    const stopReconnecting = reconnectWithJitter(provider)
    const restorePresence = sendOwnPresenceOnly(provider)
    provider.on('status', ({ status }) => setStatus(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline'))
    provider.on('sync', (isSynced: boolean) => setSynced((was) => was || isSynced))
    provider.on('closed', (event) => setRefused(event))
    setPair({ doc, provider })
    return () => {
      setPair(null)
      stopReconnecting()
      restorePresence()
      provider.destroy()
      void local?.destroy()
      doc.destroy()
    }
  }, [boardId, token, role])

  useEffect(() => {
    if (pair) setPresence(pair.provider.awareness, { user: { ...me, role: presenceRole }, cursor: null, dragging: null, editing: null, viewport: null })
  }, [pair, me, presenceRole])

  return pair ? { ...pair, status, synced, refused } : null
}
