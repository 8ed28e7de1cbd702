import { useEffect, useReducer } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { versionLabel } from '../panels/versionLabel.js'

const SHOWN_MS = 8000

/**
 * Tells everyone else that someone took the board back to an earlier version: otherwise it just changes under them.
 * The notice lasts SHOWN_MS from the restore, on the server's clock: someone who opens the board later gets the rest
 * of it or nothing, and later session changes (a timer, a vote) neither restart nor keep it.
 */
export function RestoreNotice() {
  const { t, i18n } = useTranslation()
  const { session: { session, clockOffset }, me } = useBoard()
  const restored = session.restored
  // When the notice goes, on this browser's clock.
  const endsAt = restored && restored.byId !== me.id ? restored.at + SHOWN_MS - clockOffset : 0
  const [, expire] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const left = endsAt - Date.now()
    if (left <= 0) return
    const id = window.setTimeout(expire, left)
    return () => window.clearTimeout(id)
  }, [endsAt])
  if (!restored || endsAt <= Date.now()) return null
  return (
    <div className="toast restore-notice" role="status" data-testid="restore-notice">
      {t('history.restoredBy', { name: restored.by, version: versionLabel(t, i18n.language, restored.version) })}
    </div>
  )
}
