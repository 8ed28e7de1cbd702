import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** The longest presence state taken, in characters. */
export const MAX_PRESENCE_STATE_CHARS = 256 * 1024

/** How long a presence lives without being renewed (clients renew every 15 s), as in y-protocols. */
export const PRESENCE_TIMEOUT_MS = 30_000

interface Entry {
  clock: number
  /** The state's JSON text as its client sent it; null once the person left. */
  state: string | null
  /** When the entry last changed or was renewed (Date.now()). */
  renewedAt: number
}

/**
 * Everyone's presence on one board (cursor, name, colour, what they drag):
 * the y-protocols awareness states, kept as the JSON text each client sent.
 * The relay forwards presence and never reads it, so it checks each state is
 * JSON once, on arrival, and sends the same text on, instead of keeping
 * parsed objects, comparing them deeply and writing them out again as
 * y-protocols' `Awareness` does.
 *
 * The rules are y-protocols' own: a state replaces the one before it only
 * with a higher clock, or with the same clock when it is a removal (null); a
 * removed person's clock is kept, so a late copy of an older state cannot
 * bring them back.
 */
export class Presence {
  private readonly entries = new Map<number, Entry>()

  /**
   * Applies the entries of an awareness update (`readPresenceUpdate`) and
   * answers the client ids they changed or renewed: those to send on.
   */
  apply(entries: PresenceEntry[], now = Date.now()): number[] {
    const changed: number[] = []
    for (const { clientId, clock, state } of entries) {
      const entry = this.entries.get(clientId)
      const current = entry?.clock ?? 0
      if (current < clock || (current === clock && state === null && entry?.state != null)) {
        this.entries.set(clientId, { clock, state, renewedAt: now })
        if (state !== null || entry !== undefined) changed.push(clientId) // leaving before ever arriving changes nothing
      }
    }
    return changed
  }

  /**
   * The state of someone the relay removed (their connection closed, their relay process stopped) back: they
   * reconnected and announce what they had, at the clock it was removed at, which `apply` takes for a late copy, and so
   * would every page that saw the removal. Taken with the next clock, as y-protocols does when a client hears of its own
   * removal; sent to everyone, the person's own page included, which takes that clock on. Only for a person's own first
   * announcement on a new connection (server/boardPresence.ts). Answers whether it was restored.
   */
  restore({ clientId, clock, state }: PresenceEntry, now = Date.now()): boolean {
    const entry = this.entries.get(clientId)
    if (state === null || entry === undefined || entry.state !== null || entry.clock !== clock) return false
    this.entries.set(clientId, { clock: clock + 1, state, renewedAt: now })
    return true
  }

  /** Removes the states of `clientIds` (their connection closed); answers those that were present. */
  remove(clientIds: Iterable<number>): number[] {
    const removed: number[] = []
    for (const clientId of clientIds) {
      const entry = this.entries.get(clientId)
      if (entry?.state == null) continue
      entry.state = null
      removed.push(clientId)
    }
    return removed
  }

  /** Removes the states nobody renewed for `timeoutMs`; answers their client ids. */
  expire(now = Date.now(), timeoutMs = PRESENCE_TIMEOUT_MS): number[] {
    const outdated: number[] = []
    for (const [clientId, entry] of this.entries) {
      if (entry.state !== null && now - entry.renewedAt >= timeoutMs) outdated.push(clientId)
    }
    return this.remove(outdated)
  }

  /** The client ids that have a state now. */
  present(): number[] {
    const ids: number[] = []
    for (const [clientId, entry] of this.entries) if (entry.state !== null) ids.push(clientId)
    return ids
  }

  /** The state of `clientId` as JSON text, or undefined when it has none. */
  stateOf(clientId: number): string | undefined {
    return this.entries.get(clientId)?.state ?? undefined
  }

  /** An awareness update holding the entries of `clientIds` (a removed one as null, with its clock); unknown ids are left out. */
  encode(clientIds: Iterable<number>): Uint8Array {
    const known: [number, Entry][] = []
    for (const clientId of clientIds) {
      const entry = this.entries.get(clientId)
      if (entry) known.push([clientId, entry])
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, known.length)
    for (const [clientId, entry] of known) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.state ?? 'null')
    }
    return encoding.toUint8Array(encoder)
  }
}

/** One person's entry in an awareness update: their state as JSON text, null when they left. */
export interface PresenceEntry {
  clientId: number
  clock: number
  state: string | null
  /** The state as parsed on arrival (readPresenceUpdate), for the checks that read it; not kept. */
  parsed?: unknown
}

/**
 * The entries of an awareness update, each state checked to be JSON (every
 * client parses what the relay sends on, and one bad state would spoil the
 * whole merged frame for everyone). Throws on a truncated update or bad JSON.
 */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update)
  const entries: PresenceEntry[] = []
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const text = decoding.readVarString(decoder)
    // A page's presence is a few hundred characters, some tens of thousands while it drags many cards; megabytes of it,
    // parsed, would take the server's memory and go to everyone on the board.
    if (text.length > MAX_PRESENCE_STATE_CHARS) throw new Error(`a presence state of ${text.length} characters (at most ${MAX_PRESENCE_STATE_CHARS})`)
    const state: unknown = JSON.parse(text)
    entries.push({ clientId, clock, state: state === null ? null : text, parsed: state })
  }
  return entries
}
