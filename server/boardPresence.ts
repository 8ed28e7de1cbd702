import type { Connection } from './connection.js'
import { Presence, type PresenceEntry, readPresenceUpdate } from './presence.js'

/** How often presence nobody renewed is looked for (y-protocols' own interval). */
const PRESENCE_CHECK_MS = 3_000

export interface PresenceOutlets {
  /** Sends the presence of `clientIds` (changed, renewed or removed) to the board's people. */
  send(clientIds: number[]): void
  /** Hands an awareness update of this process's own people to the other relay processes, if any. */
  publish?(update: Uint8Array): void
}

/**
 * The presence side of one board: everyone's states, which connection
 * announced each client id (so nobody speaks for another person, and a
 * closed connection takes its people with it), and the expiry of presence
 * nobody renews.
 */
export class BoardPresence {
  readonly states = new Presence()
  /** Which connection announced each presence (awareness) client id. */
  private readonly owners = new Map<number, Connection>()
  private readonly check: ReturnType<typeof setInterval>

  constructor(private readonly outlets: PresenceOutlets) {
    this.check = setInterval(() => this.changed(this.states.expire(), 'timeout'), PRESENCE_CHECK_MS)
    this.check.unref()
  }

  /** The connection that announced `clientId`, if any. */
  ownerOf(clientId: number): Connection | undefined {
    return this.owners.get(clientId)
  }

  /** Entries a connection sent about its own people (checked by the message handler). */
  fromConnection(conn: Connection, entries: PresenceEntry[]): void {
    const changed = this.states.apply(entries)
    for (const id of changed) {
      if (this.states.stateOf(id) === undefined) {
        conn.clientIds.delete(id)
        if (this.owners.get(id) === conn) this.owners.delete(id)
        continue
      }
      // A client that reconnects keeps its id: its new connection takes it over, and the old one must not remove it.
      const previous = this.owners.get(id)
      if (previous && previous !== conn) previous.clientIds.delete(id)
      this.owners.set(id, conn)
      conn.clientIds.add(id)
    }
    this.changed(changed, 'here')
  }

  /** A connection closed: the people it announced leave. */
  leave(conn: Connection): void {
    for (const id of conn.clientIds) if (this.owners.get(id) === conn) this.owners.delete(id)
    this.changed(this.states.remove(conn.clientIds), 'here')
  }

  /** Presence changes of people connected to another relay process. Throws on a malformed update. */
  fromCluster(update: Uint8Array): void {
    this.changed(this.states.apply(readPresenceUpdate(update)), 'elsewhere')
  }

  /** People on a relay process that stopped answering: their presence goes. */
  expireCluster(clientIds: number[]): void {
    this.changed(this.states.remove(clientIds), 'elsewhere')
  }

  dispose(): void {
    clearInterval(this.check)
  }

  /**
   * Sends changes on. Only those of this process's own people go to the other
   * processes: what came from them does not go back, and each process expires
   * stale presence on its own.
   */
  private changed(clientIds: number[], from: 'here' | 'elsewhere' | 'timeout'): void {
    if (clientIds.length === 0) return
    if (from === 'here' && this.outlets.publish) this.outlets.publish(this.states.encode(clientIds))
    this.outlets.send(clientIds)
  }
}
