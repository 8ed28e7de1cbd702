/**
 * People editing a big board at once, for the canvas benchmark: simulated
 * participants who rate its moments of truth, rename cards and add stardust
 * ideas, the way a workshop's rating round goes. Each is a real peer (its own
 * Y.Doc through y-websocket and the real relay, as a page is) and writes each
 * change as one transaction, as Zigzag's page does when a person clicks a
 * rating or commits a title. The page under test receives them as anyone's
 * page would.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { MessageType } from '../../shared/protocol.js'
import { type Outcome, addStardust, rateMomentOfTruth, touchpoints, updateTouchpoint } from '../../shared/model/index.js'

export interface EditorsOptions {
  serverUrl: string
  boardId: string
  token: string
  people: number
  /** Changes a second, each person. */
  hz: number
}

const OUTCOMES: Outcome[] = ['disappointing', 'ok', 'delighting']

/** Connects the editors and starts them editing; answers how to stop them and how many changes they made. */
export async function startEditors(options: EditorsOptions): Promise<{ stop(): void; changes(): number }> {
  // Each WebsocketProvider in Node listens for the process's exit until it is destroyed: room for them all, without
  // Node's warning about a leak at 11.
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.people + 10))
  const peers = await Promise.all(Array.from({ length: options.people }, () => connect(options)))
  let changes = 0
  const timers = peers.map(({ doc }, person) => {
    const cards = touchpoints(doc)
    const moments = cards.filter((t) => t.momentOfTruth)
    if (moments.length === 0) throw new Error('the board has no moment of truth to rate')
    const participantId = `editor-${person}-${Math.floor(Math.random() * 1e9)}`
    let step = 0
    // Six changes in ten are ratings, three a title, one a stardust idea; each person goes through the cards in a stride of their own.
    const edit = () => {
      step++
      const card = cards[(person * 97 + step * 31) % cards.length]!
      const kind = step % 10
      if (kind < 6) rateMomentOfTruth(doc, moments[(person * 13 + step) % moments.length]!.id, participantId, OUTCOMES[(person + step) % 3]!)
      else if (kind < 9) updateTouchpoint(doc, card.id, { title: `${card.title.replace(/ \(\d+\)$/, '')} (${step})` })
      else addStardust(doc, { touchpointId: card.id, text: `Idea ${step} of person ${person + 1}`, authorId: participantId, authorName: `Editor ${person + 1}`, customerVoice: false })
      changes++
    }
    // Spread over the interval, so the changes do not all arrive in the same frame.
    const interval = 1000 / options.hz
    let timer: ReturnType<typeof setInterval> | undefined
    const start = setTimeout(() => (timer = setInterval(edit, interval)), (person * interval) / options.people)
    return () => {
      clearTimeout(start)
      clearInterval(timer)
    }
  })
  return {
    stop() {
      for (const stop of timers) stop()
      // Destroying the document also stops its awareness, whose timer would keep the process alive after the bench.
      for (const { provider, doc } of peers) {
        provider.destroy()
        doc.destroy()
      }
    },
    changes: () => changes,
  }
}

function connect(options: EditorsOptions): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${options.serverUrl.replace(/^http/, 'ws')}/sync`, options.boardId, doc, {
    params: { token: options.token }, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true,
  })
  // The facilitation channel's session state: an editor here has no use for it.
  provider.messageHandlers[MessageType.session] = () => undefined
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('an editor did not sync in 30 s')), 30_000)
    provider.once('sync', () => {
      clearTimeout(timeout)
      resolve({ doc, provider })
    })
  })
}
