import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol.js'
import { type PublicSession, type SessionCommandInput, type SessionEvent, encodeSessionFrame, readSessionPayload } from '../../shared/session.js'
import { newBoard } from '../../server/boards.js'
import { createMemoryStore } from '../../server/memoryStore.js'
import { type Peer, Relay } from '../../server/relay.js'
import type { Logger } from '../../server/log.js'
import type { BoardRecord, SyncBoardStore } from '../../server/store.js'

/**
 * A client on the in-memory pipe: it speaks the provider's side of the
 * protocol. Frames wait in `toServer` / `toClient` until `flush()` delivers
 * them, so a test decides when the network "happens".
 */
export interface TestPeer {
  doc: Y.Doc
  awareness: awarenessProtocol.Awareness
  toServer: Uint8Array[]
  toClient: Uint8Array[]
  /** Every frame the server sent, in order, kept after delivery. */
  received: Uint8Array[]
  /** Set when the server closed this connection. */
  closed: { code: number; reason: string } | null
  /** Sends raw bytes as the next frame, e.g. garbage. */
  sendRaw(frame: Uint8Array): void
  /** The client goes away (tab closed). */
  disconnect(): void
}

export interface RelayHarness {
  relay: Relay
  store: SyncBoardStore
  board: BoardRecord
  peers: TestPeer[]
  connect(token: string | undefined, boardId?: string): TestPeer
  /** Delivers queued frames both ways until nothing is left in flight. */
  flush(): void
  /** The server's copy of the board. */
  serverDoc(): Y.Doc
  close(): void
}

const frame = (type: number, write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** A peer, and the function that moves its queued frames (true if any moved). */
function createPeer(relay: Relay, boardId: string, token: string | undefined): { peer: TestPeer; deliver: () => boolean } {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  const network = Symbol('network')
  let link: Peer | undefined
  const peer: TestPeer = {
    doc, awareness, toServer: [], toClient: [], received: [], closed: null,
    sendRaw: (bytes) => peer.toServer.push(bytes),
    disconnect: () => {
      link?.leave()
      link = undefined
    },
  }
  link = relay.join(boardId, token, {
    send: (data) => peer.toClient.push(data),
    close: (code, reason) => {
      peer.closed = { code, reason }
      link = undefined
    },
  })
  const deliver = () => {
    let moved = false
    for (let f = peer.toServer.shift(); f; f = peer.toServer.shift()) {
      moved = true
      link?.receive(f)
    }
    for (let f = peer.toClient.shift(); f; f = peer.toClient.shift()) {
      moved = true
      peer.received.push(f)
      const decoder = decoding.createDecoder(f)
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.sync) {
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, MessageType.sync)
        syncProtocol.readSyncMessage(decoder, reply, doc, network)
        if (encoding.length(reply) > 1) peer.toServer.push(encoding.toUint8Array(reply))
      } else if (type === MessageType.awareness) {
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), network)
      }
    }
    return moved
  }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== network) peer.toServer.push(frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update)))
  })
  awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin === network) return
    const changed = [...added, ...updated, ...removed]
    peer.toServer.push(frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed))))
  })
  // What WebsocketProvider does on open.
  peer.toServer.push(frame(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc)))
  return { peer, deliver }
}

export interface HarnessOptions {
  compactEvery?: number
  autoVersionMs?: number
  fanOutWindowMs?: number
  fixedFanOutWindowMs?: number
  unloadGraceMs?: number
  store?: SyncBoardStore
  log?: Logger
}

export function createRelayHarness(options: HarnessOptions = {}): RelayHarness {
  const store = options.store ?? createMemoryStore()
  const relay = new Relay({
    store,
    compactEvery: options.compactEvery ?? 500,
    unloadGraceMs: options.unloadGraceMs ?? 60_000,
    autoVersionMs: options.autoVersionMs ?? 0,
    // Frames move only when a test flushes, so batching by time would only hide them.
    fanOutWindowMs: options.fanOutWindowMs ?? 0,
    fixedFanOutWindowMs: options.fixedFanOutWindowMs,
    log: options.log,
  })
  const { record, snapshot } = newBoard({ title: 'Test board' })
  store.createBoard(record, snapshot)
  const peers: TestPeer[] = []
  const deliveries: (() => boolean)[] = []
  const harness: RelayHarness = {
    relay, store, board: record, peers,
    connect(token, boardId = record.id) {
      const { peer, deliver } = createPeer(relay, boardId, token)
      peers.push(peer)
      deliveries.push(deliver)
      return peer
    },
    flush() {
      for (let round = 0; round < 100; round++) {
        const moved = deliveries.map((deliver) => deliver())
        if (!moved.some(Boolean)) return
      }
      throw new Error('Frames kept flowing after 100 rounds')
    },
    serverDoc() {
      const doc = new Y.Doc()
      // A synchronous store: the relay answers at once.
      const state = relay.read(record.id, (live) => Y.encodeStateAsUpdate(live)) as Uint8Array | undefined
      if (state) Y.applyUpdate(doc, state)
      return doc
    },
    close() {
      relay.close()
      for (const peer of peers) {
        peer.awareness.destroy()
        peer.doc.destroy()
      }
    },
  }
  return harness
}

/** Queues a facilitation command from a peer (delivered by the next flush). */
export function sendCommand(peer: TestPeer, command: SessionCommandInput): void {
  peer.toServer.push(encodeSessionFrame(command))
}

/** Every facilitation event the server sent to a peer, oldest first. */
export function sessionEvents(peer: TestPeer): SessionEvent[] {
  return peer.received.flatMap((f) => {
    const decoder = decoding.createDecoder(f)
    return decoding.readVarUint(decoder) === MessageType.session ? [readSessionPayload(decoder) as SessionEvent] : []
  })
}

/** The latest public session state a peer was sent. */
export function lastState(peer: TestPeer): PublicSession | undefined {
  const states = sessionEvents(peer).filter((e) => e.type === 'state')
  return states.at(-1)?.session
}

/** The latest own votes and drafts a peer was sent. */
export function lastYou(peer: TestPeer): Extract<SessionEvent, { type: 'you' }> | undefined {
  return sessionEvents(peer).filter((e) => e.type === 'you').at(-1) as Extract<SessionEvent, { type: 'you' }> | undefined
}

export function refusals(peer: TestPeer): Extract<SessionEvent, { type: 'refused' }>[] {
  return sessionEvents(peer).filter((e) => e.type === 'refused') as Extract<SessionEvent, { type: 'refused' }>[]
}

/** Says hello as a participant with its own secret key. */
export function hello(peer: TestPeer, participantId: string, name = participantId, key = `key-of-${participantId}-${'x'.repeat(16)}`): void {
  sendCommand(peer, { type: 'hello', participantId, name, key })
}
