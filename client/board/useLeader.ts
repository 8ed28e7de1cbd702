import { useCallback, useEffect, useState } from 'react'
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
}

/**
 * Whom this screen follows: someone picked in the presence list, else whoever the facilitator had bring everyone to them
 * (until this person breaks away), else, on the projector, a facilitator. Never a projector or someone on a phone.
 */
export function useLeader({ peers, session, me, following, follow, projector, onPhone }: Options) {
  const [brokeAwayFrom, setBrokeAwayFrom] = useState<string | null>(null)
  const followed = session.session.followParticipantId
  // The projector is never the one who brought everyone (it may share its facilitator's id, in a tab of their browser),
  // and follows someone who is there: a leader who left hands it back to the board's facilitators.
  const sessionLeader = projector
    ? (followed && peers.some((p) => !p.isSelf && p.user.id === followed && p.user.role === 'facilitator') ? followed : null)
    : followed !== me.id ? followed : null
  const leaderId = following ?? (sessionLeader && brokeAwayFrom !== sessionLeader ? sessionLeader : null) ?? (projector ? projectorsFacilitator(peers, me) : null)
  const leader = onPhone ? null : peers.find((p) => !p.isSelf && p.user.id === leaderId && p.user.role !== 'projector' && !p.onPhone) ?? null

  useEffect(() => {
    if (sessionLeader === null) setBrokeAwayFrom(null)
  }, [sessionLeader])

  const stopFollowing = useCallback(() => {
    follow(null)
    if (sessionLeader) setBrokeAwayFrom(sessionLeader)
  }, [follow, sessionLeader])

  return { leader, stopFollowing }
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
