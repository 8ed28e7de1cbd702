import type { Role } from '../shared/protocol.js'
import type { PresenceEntry } from './presence.js'

/** The roles a page may show in its presence for the link it opened: a facilitator's link also opens the projector. */
const SHOWN_ROLES: Record<Role, readonly string[]> = { facilitator: ['facilitator', 'projector'], editor: ['editor'], viewer: ['viewer'] }

/** Who a connection is, as the server knows it: the role of its link, and the participant its hello proved. */
export interface ProvenSender { id: string; role: Role; participantId: string | undefined }

/**
 * A connection's presence with who it is taken from what the server knows, not from what the page says: pages follow
 * a facilitator and the projector picks one by these, so a view link must not pass itself off as one. A role the link
 * does not give becomes the link's own; an id other than the one its hello proved becomes that one. Before its hello,
 * a connection that names a participant someone has claimed is held back ('hold'): its page says hello at once, and
 * then what it sent is shown.
 */
export function stampPresence(entries: PresenceEntry[], sender: ProvenSender, isClaimed: (participantId: string) => boolean): PresenceEntry[] | 'hold' {
  let stamped: PresenceEntry[] | undefined
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!
    if (entry.state === null) continue
    const state: unknown = entry.parsed ?? JSON.parse(entry.state)
    const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined
    if (typeof user !== 'object' || user === null) continue
    const who = user as { id?: unknown; role?: unknown }
    let changed = false
    if (!SHOWN_ROLES[sender.role].includes(who.role as string)) {
      who.role = sender.role
      changed = true
    }
    // A view link is someone only with a claimed id and its key; otherwise its presence has an id of its own connection,
    // so no one's id shows on a view link that never proved it (pages follow people by id).
    const proven = sender.participantId ?? (sender.role === 'viewer' ? `viewer-${sender.id}` : undefined)
    if (proven === undefined) {
      if (typeof who.id === 'string' && isClaimed(who.id)) return 'hold'
    } else if (who.id !== proven) {
      who.id = proven
      changed = true
    }
    if (!changed) continue
    stamped ??= [...entries]
    stamped[i] = { ...entry, state: JSON.stringify(state), parsed: state }
  }
  return stamped ?? entries
}
