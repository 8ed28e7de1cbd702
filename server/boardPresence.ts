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
  /** Connections that have sent presence (see `adopt`). */
  private readonly spoken = new WeakSet<Connection>()
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
      this.own(conn, id)
    }
    this.changed([...changed, ...this.adopt(conn, entries)], 'here')
  }

  /**
   * Someone whose relay process went away and who reconnected here announces the presence this process already has
   * from that one, or had until that one said it stops (the same clock: `apply` changed nothing). It is one of this
   * process's people from now on, shown again if it was removed, and the other processes are told, so none removes it
   * with the old process's people. Only the first entry a connection sends is taken so: a page announces its own
   * presence as soon as it connects, and a stock y-websocket client echoes everyone else's after.
   */
  private adopt(conn: Connection, entries: PresenceEntry[]): number[] {
    if (this.spoken.has(conn)) return []
    this.spoken.add(conn)
    const first = entries[0]
    if (!first || first.state === null || this.owners.has(first.clientId)) return []
    if (this.states.stateOf(first.clientId) === undefined && !this.states.restore(first)) return []
    this.own(conn, first.clientId)
    return [first.clientId]
  }

  /** A client that reconnects keeps its id: its new connection takes it over, and the old one must not remove it. */
  private own(conn: Connection, id: number): void {
    const previous = this.owners.get(id)
    if (previous && previous !== conn) previous.clientIds.delete(id)
    this.owners.set(id, conn)
    conn.clientIds.add(id)
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

  /**
   * People on a relay process that stopped answering: their presence goes, except for anyone who has reconnected to
   * this process meanwhile (a load balancer sent them here): they keep their client id, and are here now.
   */
  expireCluster(clientIds: number[]): void {
    this.changed(this.states.remove(clientIds.filter((id) => !this.owners.has(id))), 'elsewhere')
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
