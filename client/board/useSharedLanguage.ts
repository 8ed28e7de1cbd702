import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import { showLanguage } from '../i18n/index.js'
import { type Peer, setPresence } from '../sync/presence.js'

/**
 * Each page tells the others its language, and the projector speaks its facilitator's: a projector on the room's own
 * computer stayed in English when the facilitator switched to German (only a projector tab in the facilitator's own
 * browser followed, through localStorage). The projector's choice is not saved: that computer's own pages keep theirs.
 */
export function useSharedLanguage(awareness: Awareness, projector: boolean, leader: Peer | null): void {
  const { i18n } = useTranslation()
  const language = i18n.language === 'de' ? 'de' : 'en'
  useEffect(() => setPresence(awareness, { language }), [awareness, language])
  const leaderLanguage = projector ? leader?.language ?? null : null
  useEffect(() => {
    if (leaderLanguage) showLanguage(leaderLanguage)
  }, [leaderLanguage])
}
