import type { WebsocketProvider } from 'y-websocket'
import { type ColorHolder, arrivalStamp, distinctColor } from './colorRule.js'
import type { Participant } from './identity.js'
import { type PresenceState, setPresence } from './presence.js'

type PresenceUser = PresenceState['user']

/** Someone else's colour and arrival stamp from their presence, if it names a colour. */
function holderOf(state: unknown, clientId: number): ColorHolder | undefined {
  const user = (state as { user?: Partial<Record<keyof PresenceUser, unknown>> } | undefined)?.user
  if (typeof user?.color !== 'string' || typeof user.id !== 'string') return undefined
  const arrived = typeof user.arrived === 'number' && Number.isFinite(user.arrived) ? user.arrived : undefined
  return { clientId, participantId: user.id, color: user.color, arrived }
}

/** The colours of everyone else on the board. */
function colorHolders(provider: WebsocketProvider): ColorHolder[] {
  const holders: ColorHolder[] = []
  provider.awareness.getStates().forEach((state, clientId) => {
    const holder = clientId === provider.awareness.clientID ? undefined : holderOf(state, clientId)
    if (holder) holders.push(holder)
  })
  return holders
}

/** What of someone's presence their colour depends on, to tell a cursor move from a change of colour or stamp. */
const colorKey = (holder: ColorHolder | undefined) => (holder ? `${holder.color} ${holder.arrived}` : undefined)

/**
 * Publishes who this person is (with `startWith`, other presence fields to publish at once) and keeps their colour
 * their own for the session: two people in one colour cannot tell their cursors apart, and a colour that changes
 * makes someone's cursor, avatar and editing rings hard to recognise (distinctColor, ./colorRule.ts).
 *
 * Arriving, the person shows no arrival stamp, so they give way to everyone already there. Once the connection
 * synced, they know who was there (the relay sends everyone's presence before the board) and stamp their arrival
 * after theirs. A lost connection makes them arrive again: back, they keep their colour if nobody took it meanwhile.
 * Cursors change presence many times a second, so colours are looked at again only when someone came, left, or
 * changed colour or stamp. Answers a function that stops.
 */
export function keepOwnColor(
  provider: WebsocketProvider, me: Participant, role: string, startWith: Partial<PresenceState> = {},
  /** Where this tab keeps the colour it showed on this board, so a reload starts from it (lastColor.ts). */
  last?: { read(): string | undefined; write(color: string): void },
): () => void {
  const { awareness } = provider
  const previous = (awareness.getLocalState() as Partial<PresenceState> | null)?.user
  // The same person with a new name or role on the same connection: their colour and stamp stay. After a reload they
  // start from the colour they showed: the others saw it last, and it is theirs again unless someone took it meanwhile.
  const same = previous?.id === me.id
  let color = same ? previous.color : (last?.read() ?? me.color)
  let arrived = same ? previous.arrived : undefined
  const seen = new Map<number, string | undefined>()

  const publish = (also: Partial<PresenceState> = {}) => {
    const current = (awareness.getLocalState() as Partial<PresenceState> | null)?.user
    const user: PresenceUser = { ...me, role, color, ...(arrived === undefined ? {} : { arrived }) }
    const changed = current?.color !== color || current.arrived !== arrived || current.name !== me.name || current.role !== role
    if (changed || Object.keys(also).length > 0) setPresence(awareness, { ...also, user })
    last?.write(color)
  }
  const recolor = (also?: Partial<PresenceState>) => {
    const others = colorHolders(provider)
    seen.clear()
    for (const other of others) seen.set(other.clientId, colorKey(other))
    color = distinctColor({ clientId: awareness.clientID, participantId: me.id, color, arrived, preferred: me.color }, others)
    if (arrived === undefined && provider.synced) arrived = arrivalStamp(Date.now(), others)
    publish(also)
  }
  const onChange = ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
    const others = (ids: number[]) => ids.some((id) => id !== awareness.clientID)
    const changed = updated.some((id) => id !== awareness.clientID && seen.get(id) !== colorKey(holderOf(awareness.getStates().get(id), id)))
    if (others(added) || others(removed) || changed) recolor()
  }
  const onSync = (synced: boolean) => {
    if (synced) return recolor()
    arrived = undefined
    publish()
  }
  recolor({ ...startWith })
  awareness.on('change', onChange)
  provider.on('sync', onSync)
  return () => {
    awareness.off('change', onChange)
    provider.off('sync', onSync)
  }
}
