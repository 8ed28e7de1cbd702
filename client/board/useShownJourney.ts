import { useCallback, useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type BoardState, personaShownFirst } from '../../shared/model/index.js'
import { type Peer, type ViewMode, setPresence } from '../sync/presence.js'

/**
 * Whose journey this board draws, whether the other personas' journeys show too, and in which view mode: this person's
 * own choice or, while they follow someone (the
 * facilitator who brought everyone to them, or the projector's facilitator), that person's. Shared through awareness for
 * whoever follows this person. Choosing while following breaks away; when following ends, the own choice comes back.
 * Until the person chooses, the board shows the persona a facilitator on the board shows (`room`: a latecomer lands on
 * the journey the room works on, and goes along when the facilitator moves on to another persona), else the first
 * persona whose journey is mapped (personaShownFirst).
 */
export function useShownJourney(awareness: Awareness, board: BoardState, leader: Peer | null, stopFollowing: () => void, room: string | null) {
  const { personas } = board
  const [chosenPersona, setChosenPersona] = useState<string | null>(null)
  const [chosenViewMode, setChosenViewMode] = useState<ViewMode>('journey')
  const [chosenShowOthers, setChosenShowOthers] = useState(false)
  const onBoard = (id: string | null | undefined) => id != null && personas.some((p) => p.id === id)
  const personaId = [leader?.personaId, chosenPersona, room].find(onBoard) ?? personaShownFirst(board) ?? ''
  const viewMode = leader?.viewMode ?? chosenViewMode
  const showOthers = leader ? leader.showOthers ?? false : chosenShowOthers

  useEffect(() => setPresence(awareness, { personaId: personaId || null, viewMode, showOthers }), [awareness, personaId, viewMode, showOthers])

  const followingSomeone = leader !== null
  const setPersonaId = useCallback((id: string) => {
    if (followingSomeone) stopFollowing()
    setChosenPersona(id)
  }, [followingSomeone, stopFollowing])
  const setViewMode = useCallback((mode: ViewMode) => {
    if (followingSomeone) stopFollowing()
    setChosenViewMode(mode)
  }, [followingSomeone, stopFollowing])

  const setShowOthers = useCallback((show: boolean) => {
    if (followingSomeone) stopFollowing()
    setChosenShowOthers(show)
  }, [followingSomeone, stopFollowing])

  return { personaId, setPersonaId, viewMode, setViewMode, showOthers, setShowOthers }
}

/**
 * The persona the facilitators on the board show, for a participant's page (`room` above): the first facilitator's
 * who shows one. Null for a facilitator's own page: two facilitators taking each other's would swap back and forth.
 */
export function roomsPersona(peers: readonly Peer[], isFacilitator: boolean): string | null {
  if (isFacilitator) return null
  return peers.find((p) => !p.isSelf && p.user.role === 'facilitator' && p.personaId)?.personaId ?? null
}
