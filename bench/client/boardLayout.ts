import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { computeLayout } from '../../client/flow/layout.js'
import { readBoard } from '../../shared/model/index.js'
import { MessageType } from '../../shared/protocol.js'

export interface CardAt { id: string; x: number; y: number }

/**
 * Where the page puts every card (flow coordinates of its top left corner):
 * the board read once through the relay, as a page gets it, and laid out as
 * the canvas lays it out (client/flow/layout.ts). Zoomed out on a big board
 * the page draws its cards on one canvas, so they cannot be found as
 * elements. The socket closes once the board is read, so it costs the page
 * under test nothing afterwards.
 */
export async function cardsOnBoard(serverUrl: string, boardId: string, token: string, timeoutMs = 30_000): Promise<CardAt[]> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true,
  })
  provider.messageHandlers[MessageType.session] = () => undefined
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the board did not sync in time')), timeoutMs)
      provider.once('sync', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    const { cards } = computeLayout(readBoard(doc))
    return [...cards].map(([id, { x, y }]) => ({ id, x, y }))
  } finally {
    provider.destroy()
    provider.awareness.destroy()
    doc.destroy()
  }
}
