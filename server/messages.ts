import { deflateRawSync } from 'node:zlib'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { readSessionPayload } from '../shared/session.js'
import { MessageType, SyncStep, canWrite } from '../shared/protocol.js'
import { type Connection, ProtocolError } from './connection.js'
import { type Presence, type PresenceEntry, readPresenceUpdate } from './presence.js'
import { stampPresence } from './presenceStamp.js'
import { sameParticipant } from './writeGuard.js'

/**
 * Frames as y-websocket's reference server writes them, so the stock
 * `WebsocketProvider` works unchanged: a varint message type, then the
 * y-protocols payload.
 */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncStep.step1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

function writeUpdate(encoder: encoding.Encoder, update: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, SyncStep.update)
  encoding.writeVarUint8Array(encoder, update)
}

/** The state vector of everything two state vectors cover. */
function mergeStateVectors(a: Uint8Array, b: Uint8Array): Uint8Array {
  const merged = Y.decodeStateVector(a)
  for (const [client, clock] of Y.decodeStateVector(b)) merged.set(client, Math.max(clock, merged.get(client) ?? 0))
  return Y.encodeStateVector(merged)
}

/** An awareness frame carrying `update` (see `Presence.encode`). */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** What a message handler may touch on the board it arrived at. */
export interface BoardContext {
  doc: Y.Doc
  /** The whole board as one update, for someone who has none of it: encoded once until the board changes. */
  fullState(): Uint8Array
  /** fullState() deflated (see MessageType.syncStep2Deflated), also kept until the board changes. */
  fullStateDeflated(): Uint8Array
  /**
   * The state vector of the board as a connection got it before the board was built (see BoardSession.add), the
   * first time its sync request is answered; undefined otherwise.
   */
  sentBeforeBuilt(conn: Connection): Uint8Array | undefined
  presence: Presence
  /** Called instead of applying a write from a connection that may not write. */
  refuseWrite(conn: Connection): void
  /** Applies a document update from a connection allowed to write (the board enforces locks). */
  applyWrite(conn: Connection, update: Uint8Array): void
  /** Applies presence entries a connection sent about its own people. */
  applyPresence(conn: Connection, entries: PresenceEntry[]): void
  /** Handles a decoded facilitation command. */
  sessionCommand(conn: Connection, payload: unknown): void
  /** Whether someone's hello has claimed the participant id (stampPresence). */
  isClaimed(participantId: string): boolean
  /** The connection that announced an awareness client id, if any. */
  ownerOfClient(clientId: number): Connection | undefined
  /** Records a message dropped for `reason` (the protocol lets the server ignore it). */
  dropMessage(conn: Connection, reason: string): void
}

/** Presence held before a hello (stampPresence), in characters: a page's own state is a few hundred. */
const MAX_HELD_PRESENCE_CHARS = 64 * 1024

/** Reads the rest of one frame and writes any reply for the sender into `reply`. */
type MessageHandler = (board: BoardContext, conn: Connection, decoder: decoding.Decoder, reply: encoding.Encoder) => void

/** The state vector of an empty document: a newcomer's sync step 1. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0

/** A step 2 below this goes out plain to every client: deflating it would save a packet or two. */
export const DEFLATE_FROM_BYTES = 16 * 1024

/** Deflates a sync step 2 at zlib's fastest level: 2 ms for a board of 1,000 touchpoints, about 5 times smaller. */
export const deflateSyncStep2 = (update: Uint8Array): Uint8Array => deflateRawSync(update, { level: 1 })

/**
 * Writes `update` as a sync step 2 for `conn`: deflated if it takes that and the update is big enough to gain
 * (`deflated`, if given, answers it deflated, kept), plain otherwise.
 */
function writeSyncStep2(encoder: encoding.Encoder, conn: Connection, update: Uint8Array, deflated?: () => Uint8Array): void {
  if (conn.socket.takesDeflatedSync && update.length >= DEFLATE_FROM_BYTES) {
    encoding.writeVarUint(encoder, MessageType.syncStep2Deflated)
    encoding.writeVarUint8Array(encoder, deflated ? deflated() : deflateSyncStep2(update))
  } else {
    encoding.writeVarUint(encoder, MessageType.sync)
    encoding.writeVarUint(encoder, SyncStep.step2)
    encoding.writeVarUint8Array(encoder, update)
  }
}

export function syncStep2Frame(conn: Connection, update: Uint8Array, deflated?: () => Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  writeSyncStep2(encoder, conn, update, deflated)
  return encoding.toUint8Array(encoder)
}

/** An update with no structs and no deletions: what a client sends when it has nothing new. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

const applyWrite = (board: BoardContext, conn: Connection, update: Uint8Array) => {
  if (!canWrite(conn.role)) {
    if (!isEmptyUpdate(update)) board.refuseWrite(conn)
    return
  }
  board.applyWrite(conn, update)
}

export const messageHandlers: Record<number, MessageHandler> = {
  [MessageType.sync]: (board, conn, decoder, reply) => {
    const step = decoding.readVarUint(decoder)
    if (step === SyncStep.step1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      const early = board.sentBeforeBuilt(conn)
      if (early) {
        // It has the board as stored, as a step 2 (which marked it synced): what changed since, if anything, as an update.
        const update = Y.encodeStateAsUpdate(board.doc, mergeStateVectors(early, stateVector))
        if (!isEmptyUpdate(update)) writeUpdate(reply, update)
      } else if (isEmptyStateVector(stateVector)) writeSyncStep2(reply, conn, board.fullState(), () => board.fullStateDeflated())
      else writeSyncStep2(reply, conn, Y.encodeStateAsUpdate(board.doc, stateVector))
    } else if (step === SyncStep.step2 || step === SyncStep.update) {
      applyWrite(board, conn, decoding.readVarUint8Array(decoder))
    } else {
      throw new ProtocolError(`unknown sync step ${step}`)
    }
  },
  [MessageType.awareness]: (board, conn, decoder) => {
    let entries: PresenceEntry[]
    try {
      entries = readPresenceUpdate(decoding.readVarUint8Array(decoder))
    } catch (error) {
      throw new ProtocolError(`awareness update is malformed: ${String(error)}`)
    }
    // Nobody may speak for another person's presence (y-protocols would let them overwrite or remove it).
    const foreign = entries.some(({ clientId: id }) => {
      const owner = board.ownerOfClient(id)
      return owner !== undefined && owner !== conn && !sameParticipant(owner, conn)
    })
    if (foreign) return board.dropMessage(conn, 'awareness_foreign_client')
    const stamped = stampPresence(entries, conn, (id) => board.isClaimed(id))
    if (stamped === 'hold') {
      // Only the text is kept (a parsed state takes many times its size), and only so much of it: the latest update.
      const held = entries.map(({ clientId, clock, state }) => ({ clientId, clock, state }))
      if (held.reduce((sum, e) => sum + (e.state?.length ?? 0), 0) > MAX_HELD_PRESENCE_CHARS) return board.dropMessage(conn, 'awareness_held_too_large')
      conn.heldPresence = held
      return
    }
    board.applyPresence(conn, stamped)
  },
  [MessageType.session]: (board, conn, decoder) => {
    let payload: unknown
    try {
      payload = readSessionPayload(decoder)
    } catch (error) {
      throw new ProtocolError(`session frame is not JSON: ${String(error)}`)
    }
    board.sessionCommand(conn, payload)
  },
  [MessageType.queryAwareness]: (board, _conn, _decoder, reply) => {
    encoding.writeVarUint(reply, MessageType.awareness)
    encoding.writeVarUint8Array(reply, board.presence.encode(board.presence.present()))
  },
}

/** Handles one incoming frame; returns the reply for the sender, if any. Throws on malformed frames. */
export function handleFrame(board: BoardContext, conn: Connection, frame: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  const handler = Object.hasOwn(messageHandlers, type) ? messageHandlers[type] : undefined
  if (!handler) throw new ProtocolError(`unknown message type ${type}`)
  const reply = encoding.createEncoder()
  handler(board, conn, decoder, reply)
  return encoding.length(reply) > 0 ? encoding.toUint8Array(reply) : undefined
}
