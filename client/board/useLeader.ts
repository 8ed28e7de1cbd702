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
  const sessionLeader = followed !== me.id ? followed : null
  const anyFacilitator = projector ? peers.find((p) => !p.isSelf && p.user.role === 'facilitator')?.user.id ?? null : null
  const leaderId = following ?? (sessionLeader && brokeAwayFrom !== sessionLeader ? sessionLeader : null) ?? anyFacilitator
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
