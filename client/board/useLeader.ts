import { useCallback, useEffect, useRef, useState } from 'react'
import type { Participant } from '../sync/identity.js'
import type { Peer } from '../sync/presence.js'
import type { SessionView } from '../sync/useSession.js'

interface Options {
  peers: Peer[]
  session: SessionView
  me: Participant
  /** Someone picked in the presence list. */
  following: string | null
  follow: (participantId: string | null) => void
  /** The projector: follows a facilitator on the board even when no one was brought anywhere, and never breaks away. */
  projector: boolean
  /** The phone layout has no board view to follow. */
  onPhone: boolean
  /**
   * Facilitates the board: not taken along when another facilitator brings everyone to them. With two facilitators
   * each took the other's view (co-facilitation QA); the one who helps the room keeps their own and may follow by choice.
   */
  isFacilitator: boolean
}

/**
 * Whom this screen follows: someone picked in the presence list, else whoever the facilitator had bring everyone to them
 * (until this person breaks away), else, on the projector, a facilitator. Never a projector or someone on a phone.
 * `leftLeader` names a facilitator who brought everyone along and then left the board: this screen follows no one now.
 */
export function useLeader({ peers, session, me, following, follow, projector, onPhone, isFacilitator }: Options) {
  const [brokeAwayFrom, setBrokeAwayFrom] = useState<string | null>(null)
  const followed = session.session.followParticipantId
  // The projector is never the one who brought everyone (it may share its facilitator's id, in a tab of their browser),
  // and follows someone who is there: a leader who left hands it back to the board's facilitators.
  const sessionLeader = projector
    ? (followed && peers.some((p) => !p.isSelf && p.user.id === followed && p.user.role === 'facilitator') ? followed : null)
    : followed !== me.id && !isFacilitator ? followed : null
  const leaderId = following ?? (sessionLeader && brokeAwayFrom !== sessionLeader ? sessionLeader : null) ?? (projector ? projectorsFacilitator(peers, me) : null)
  const leader = onPhone ? null : peers.find((p) => !p.isSelf && p.user.id === leaderId && p.user.role !== 'projector' && !p.onPhone) ?? null

  useEffect(() => {
    if (sessionLeader === null) setBrokeAwayFrom(null)
  }, [sessionLeader])

  // Who brought everyone here, by name, for when they leave: their presence goes with them.
  const named = useRef<{ id: string; name: string } | null>(null)
  const sessionPeer = sessionLeader ? peers.find((p) => !p.isSelf && p.user.id === sessionLeader) : undefined
  if (sessionPeer) named.current = { id: sessionPeer.user.id, name: sessionPeer.user.name }
  const followsSession = !projector && !onPhone && following === null && sessionLeader !== null && brokeAwayFrom !== sessionLeader
  const leftLeader = followsSession && !sessionPeer && named.current?.id === sessionLeader ? named.current.name : null

  const stopFollowing = useCallback(() => {
    follow(null)
    if (sessionLeader) setBrokeAwayFrom(sessionLeader)
  }, [follow, sessionLeader])

  return { leader, stopFollowing, leftLeader }
}

/**
 * Whom a projector follows when no one brought everyone along: the facilitator in the browser it was opened in (the same
 * participant id), else the facilitator on the board longest. Not the first by name: with two facilitators the projector
 * followed whichever sorted first, and switched when someone joined (QA).
 */
function projectorsFacilitator(peers: Peer[], me: Participant): string | null {
  const facilitators = peers.filter((p) => !p.isSelf && p.user.role === 'facilitator' && !p.onPhone)
  const own = facilitators.find((p) => p.user.id === me.id)
  if (own) return own.user.id
  const first = [...facilitators].sort((a, b) => (a.user.arrived ?? Infinity) - (b.user.arrived ?? Infinity) || a.clientId - b.clientId)[0]
  return first?.user.id ?? null
}
