import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { useOfflineEditsGone } from './useOfflineEditsGone.js'
import { type BoardState, type JourneyStep, type OrphanedWork, type Touchpoint, orphanedWork, touchpointMaps } from '../../shared/model/index.js'

/** This person's work on a removed card, with the card as this page last saw it (null: removed before the page loaded). */
export interface OrphanNote {
  work: OrphanedWork
  card: Touchpoint | null
  /** The journey steps the card was on, as this page last saw them. */
  steps: readonly JourneyStep[]
}

/**
 * This person's entries left on cards someone else removed: they arrived after the removal (made offline meanwhile),
 * so removeTouchpoint could not take them along, and no view shows them. Looked for once the first sync is done (a
 * board still loading is not judged), again whenever cards come or go or entries change. Every card is remembered
 * as last read, so a removed one can come back with its own fields.
 */
export function useOrphanedWork(
  doc: Y.Doc, board: BoardState, participantId: string, synced: boolean,
  /** To find cards removed while this page changed their details offline: its connection and its edits' origin. */
  offline: { provider: WebsocketProvider; origin: unknown },
) {
  const detailsGone = useOfflineEditsGone(doc, offline.provider, offline.origin, synced)
  const seen = useRef({
    cards: new Map<string, Touchpoint>(), from: null as readonly Touchpoint[] | null,
    steps: new Map<string, JourneyStep[]>(), stepsFrom: null as readonly JourneyStep[] | null,
  })
  if (seen.current.from !== board.touchpoints) {
    seen.current.from = board.touchpoints
    for (const card of board.touchpoints) seen.current.cards.set(card.id, card)
  }
  // The steps of the cards still on the board (a removed card's last steps stay remembered).
  if (seen.current.stepsFrom !== board.journey) {
    seen.current.stepsFrom = board.journey
    const byCard = new Map<string, JourneyStep[]>()
    for (const step of board.journey) for (const end of [step.from, step.to]) byCard.set(end, [...(byCard.get(end) ?? []), step])
    for (const card of board.touchpoints) seen.current.steps.set(card.id, byCard.get(card.id) ?? [])
  }
  const { touchpoints, factors, stardust, ratings, influence } = board
  // Orphans change only with the cards or the entries, and the board's parts are new objects exactly then.
  const orphans = useMemo(() => {
    if (!synced) return []
    const work = orphanedWork(doc, participantId)
    const cards = touchpointMaps(doc)
    for (const [touchpointId, details] of detailsGone) {
      if (cards.has(touchpointId)) continue // brought back
      const found = work.find((w) => w.touchpointId === touchpointId)
      if (found) found.details = details
      else work.push({ touchpointId, factors: 0, stardust: 0, ratings: 0, details })
    }
    return work
  }, [doc, participantId, synced, touchpoints, factors, stardust, ratings, influence, detailsGone]) // eslint-disable-line react-hooks/exhaustive-deps

  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  // A dismissed card that came back is forgotten as dismissed: removed again, its note shows again.
  useEffect(() => {
    const still = [...dismissed].filter((id) => orphans.some((work) => work.touchpointId === id))
    if (still.length !== dismissed.size) setDismissed(new Set(still))
  }, [orphans, dismissed])
  const dismiss = useCallback((touchpointId: string) => setDismissed((ids) => new Set([...ids, touchpointId])), [])

  const notes = useMemo<OrphanNote[]>(() => orphans
    .filter((work) => !dismissed.has(work.touchpointId))
    .map((work) => ({ work, card: seen.current.cards.get(work.touchpointId) ?? null, steps: seen.current.steps.get(work.touchpointId) ?? [] })),
  [orphans, dismissed])
  return { notes, dismiss }
}
