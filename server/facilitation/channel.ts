import { type Refusal, refusalText } from '../../shared/refusals.js'
import { createHash } from 'node:crypto'
import type * as Y from 'yjs'
import { addFactor, addStardust, readMeta, stardustMaps, stardustText, touchpointMaps, touchpointTitle } from '../../shared/model/index.js'
import { serverOrigin } from '../../shared/origins.js'
import { type Draft, type PublicSession, type SessionCommand, type SessionEvent, encodeSessionFrame } from '../../shared/session.js'
import { SessionCommandSchema } from '../../shared/sessionCommands.js'
import { agendaVersionName } from '../../shared/versionNames.js'
import type { Connection } from '../connection.js'
import type { Logger } from '../log.js'
import type { MaybePromise } from '../store.js'
import { type Actor, type BoardFacts, type Effect, applyCommand } from './commands.js'
import { type FacilitationState, parseFacilitation, releasableClaim, serializeFacilitation } from './state.js'

export interface ChannelHost {
  boardId: string
  doc: Y.Doc
  log: Logger
  connections(): Iterable<Connection>
  /** Stores the session state. */
  save(state: string): MaybePromise<void>
  saveVersion(name: string, author: string): MaybePromise<unknown>
  /**
   * Set when several relay processes serve the board: runs `work` on the
   * latest stored state while no other process changes it, then tells the
   * others to reload. Without it the state in memory is the truth.
   */
  coordinate?: (work: (stored: string | undefined) => MaybePromise<void>) => Promise<void>
  /** A connection's hello was accepted: it now is `conn.participantId`. */
  proven?(conn: Connection): void
}

/** Distinct participants a board remembers; bounds the stored state against a client inventing ids (see releasableClaim). */
export const MAX_PARTICIPANTS = 5000

const describe = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('; ')

/**
 * The relay's side of the facilitation channel for one board: checks each
 * command, updates the session state, stores it, and tells every connection
 * the public state and each person only their own votes and drafts.
 */
export class FacilitationChannel {
  private state: FacilitationState
  private readonly facts: BoardFacts

  constructor(private readonly host: ChannelHost, stored: string | undefined) {
    this.state = parseFacilitation(stored)
    this.facts = {
      touchpointExists: (id) => touchpointMaps(host.doc).has(id),
      stardustExists: (id) => stardustMaps(host.doc).has(id),
      itemName: (target, id) => (target === 'touchpoints' ? touchpointTitle : stardustText)(host.doc, id),
    }
  }

  get locks() {
    return this.state.public.locks
  }

  /** What every client of the board sees (the voting rounds on record, for the board file). */
  get publicState(): PublicSession {
    return this.state.public
  }

  /** A new connection gets the current state at once; its own votes and drafts follow its hello. */
  welcome(conn: Connection): void {
    conn.socket.send(this.stateFrame())
  }

  /** Handles one decoded command payload from a connection. */
  receive(conn: Connection, payload: unknown): void {
    const parsed = SessionCommandSchema.safeParse(payload)
    if (!parsed.success) {
      const type = typeof payload === 'object' && payload !== null && 'type' in payload ? String(payload.type) : 'unknown'
      return this.refuse(conn, type.slice(0, 40), { code: 'invalid', values: { detail: describe(parsed.error) } })
    }
    const command = parsed.data
    const act = () => (command.type === 'hello' ? this.hello(conn, command) : this.command(conn, command))
    const done = this.change(act)
    if (done instanceof Promise) done.catch(() => this.refuse(conn, command.type, { code: 'notSaved' }))
  }

  /**
   * The facilitator replaced the edit or view link (the store holds the new token): counts it in the public
   * state, so every page that shows links fetches them again.
   */
  linkRotated(): MaybePromise<void> {
    const done = this.change(() => {
      this.state.public.linkRotations = (this.state.public.linkRotations ?? 0) + 1
      this.broadcast()
      return this.persist()
    })
    return done instanceof Promise ? done.catch(() => undefined) : done
  }

  /** Runs a change of the state: at once on one process, on the latest stored state under the cluster's lock on several. */
  private change(act: () => MaybePromise<void>): MaybePromise<void> {
    if (!this.host.coordinate) return act()
    return this.host.coordinate((stored) => {
      this.state = parseFacilitation(stored)
      return act()
    }).catch((error: unknown) => {
      this.host.log('error', 'session.coordinate-failed', { board: this.host.boardId, error: String(error) })
      throw error
    })
  }

  /** Another relay process changed the session: take its state and tell everyone here. */
  reload(stored: string | undefined): void {
    this.state = parseFacilitation(stored)
    this.broadcast()
  }

  private command(conn: Connection, command: Exclude<SessionCommand, { type: 'hello' }>): MaybePromise<void> {
    const actor: Actor = { role: conn.role, participantId: conn.participantId, name: conn.name }
    const result = applyCommand(this.state, command, actor, this.facts, Date.now())
    if (!result.ok) return this.refuse(conn, command.type, result.refusal)
    for (const effect of result.effects) this.run(effect, actor)
    this.broadcast()
    return this.persist()
  }

  /** Tells the sender that its edit of something locked was undone. */
  refuseLockedEdit(conn: Connection): void {
    this.refuse(conn, 'edit', { code: 'locked' })
  }

  /** Tells someone the server could not store the board's latest changes (they are in its memory and on their page). */
  refuseUnsaved(conn: Connection): void {
    this.refuse(conn, 'edit', { code: 'storeFailed' })
  }

  /** Tells the sender its update was not saved because the board is at its size limit. */
  refuseBoardFull(conn: Connection, maxBytes: number): void {
    const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${Math.round(maxBytes / 1024)} KiB`
    this.refuse(conn, 'edit', { code: 'boardFull', values: { size } })
  }

  /** Whether someone's hello has claimed the participant id on this board. */
  isClaimed(participantId: string): boolean {
    return Object.hasOwn(this.state.claims, participantId)
  }

  /**
   * A page says who it is. The first hello with an id claims it for the key its browser holds; later ones must hold
   * the same key. A connection is one person: a second hello may not name another. A view link casts no vote and
   * writes no draft, so its hello claims nothing: claims are stored for good, and a view link must not fill the
   * board's claims (MAX_PARTICIPANTS) and keep new people out. It is someone only with an id claimed and its key.
   */
  private hello(conn: Connection, command: Extract<SessionCommand, { type: 'hello' }>): MaybePromise<void> {
    if (conn.participantId !== undefined && conn.participantId !== command.participantId) {
      this.host.log('warn', 'session.hello-refused', { board: this.host.boardId, conn: conn.id, reason: 'second-id' })
      return this.refuse(conn, 'hello', { code: 'idTaken' })
    }
    const proof = createHash('sha256').update(command.key).digest('hex')
    const claimed = Object.hasOwn(this.state.claims, command.participantId) ? this.state.claims[command.participantId] : undefined
    if (claimed !== undefined && claimed !== proof) {
      this.host.log('warn', 'session.hello-refused', { board: this.host.boardId, conn: conn.id })
      return this.refuse(conn, 'hello', { code: 'idTaken' })
    }
    conn.name = command.name.trim() || 'Anonymous'
    if (claimed === undefined && conn.role === 'viewer') {
      // An id nobody claimed proves nothing, and a view link may not claim it: the connection stays no one, so it never
      // becomes the person who claims that id later (their votes, drafts and presence). It sees the public state.
      conn.socket.send(this.stateFrame())
      return
    }
    const claims = claimed === undefined
    if (claims && Object.keys(this.state.claims).length >= MAX_PARTICIPANTS) {
      const connected = new Set<string>()
      for (const other of this.host.connections()) if (other.participantId !== undefined) connected.add(other.participantId)
      const released = releasableClaim(this.state, connected)
      if (released === undefined) return this.refuse(conn, 'hello', { code: 'tooManyPeople' })
      delete this.state.claims[released]
      this.host.log('info', 'session.claim-released', { board: this.host.boardId, claims: MAX_PARTICIPANTS })
    }
    conn.participantId = command.participantId
    conn.socket.send(this.stateFrame())
    conn.socket.send(this.youFrame(conn.participantId))
    this.host.proven?.(conn)
    if (!claims) return
    this.state.claims[command.participantId] = proof
    return this.persist()
  }

  private run(effect: Effect, actor: Actor): void {
    if (effect.kind === 'revealDrafts') return this.reveal(effect.drafts)
    const saved = this.host.saveVersion(agendaVersionName(readMeta(this.host.doc).language, effect.step), actor.name)
    if (saved instanceof Promise) saved.catch((error: unknown) => this.host.log('error', 'store.version-failed', { board: this.host.boardId, error: String(error) }))
  }

  /**
   * Writes revealed drafts into the document as the relay. A draft whose touchpoint was removed meanwhile (by anyone, or
   * a version restored) is written too, pointing at the card that is gone: no view shows it, and its author's page says
   * so and offers to bring the card back with it (orphans.ts), as for work added offline to a card removed meanwhile.
   * Dropped, it was lost for good: hidden drafts are in no version (QA).
   */
  private reveal(drafts: Draft[]): void {
    const { doc } = this.host
    let written = 0
    let cardGone = 0
    doc.transact(() => {
      for (const draft of drafts) {
        if (!touchpointMaps(doc).has(draft.touchpointId)) cardGone++
        // Written when it was typed, not when it was revealed: the backlog and the CSV keep the order people wrote in.
        const author = { authorId: draft.authorId, authorName: draft.authorName, customerVoice: draft.customerVoice, createdAt: draft.createdAt }
        const id = draft.kind === 'factor' && draft.level && draft.dimension
          ? addFactor(doc, { touchpointId: draft.touchpointId, level: draft.level, dimension: draft.dimension, text: draft.text, ...author }, serverOrigin, { evenIfCardGone: true })
          : addStardust(doc, { touchpointId: draft.touchpointId, text: draft.text, ...author }, serverOrigin, { evenIfCardGone: true })
        if (id) written++
      }
    }, serverOrigin)
    this.host.log('info', 'session.private-revealed', { board: this.host.boardId, drafts: drafts.length, written, cardGone })
  }

  private refuse(conn: Connection, command: string, refusal: Refusal): void {
    conn.socket.send(encodeSessionFrame({ type: 'refused', command, reason: refusalText(refusal), ...refusal }))
  }

  private persist(): MaybePromise<void> {
    const fail = (error: unknown) => this.host.log('error', 'session.save-failed', { board: this.host.boardId, error: String(error) })
    try {
      const saved = this.host.save(serializeFacilitation(this.state))
      return saved instanceof Promise ? saved.catch(fail) : saved
    } catch (error) {
      fail(error)
    }
  }

  private broadcast(): void {
    const state = this.stateFrame()
    const mine = new Map<string, Uint8Array>()
    for (const conn of this.host.connections()) {
      conn.socket.send(state)
      const who = conn.participantId
      if (who === undefined) continue
      if (!mine.has(who)) mine.set(who, this.youFrame(who))
      conn.socket.send(mine.get(who) as Uint8Array)
    }
  }

  private stateFrame(): Uint8Array {
    const event: SessionEvent = { type: 'state', now: Date.now(), session: this.state.public }
    return encodeSessionFrame(event)
  }

  private youFrame(participantId: string): Uint8Array {
    const event: SessionEvent = {
      type: 'you',
      votes: this.state.votes[participantId] ?? [],
      drafts: this.state.drafts.filter((d) => d.authorId === participantId),
    }
    return encodeSessionFrame(event)
  }
}
