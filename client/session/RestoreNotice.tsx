import { useEffect, useReducer, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { versionLabel } from '../panels/versionLabel.js'

const SHOWN_MS = 8000

/**
 * Tells everyone else that someone took the board back to an earlier version: otherwise it just changes under them.
 * The notice lasts SHOWN_MS from the restore, on the server's clock, or, for a page that was open but offline then, from
 * when it hears of it: someone who opens the board later gets the rest of it or nothing, and later session changes (a
 * timer, a vote) neither restart nor keep it.
 */
export function RestoreNotice() {
  const { t, i18n } = useTranslation()
  const { session: { session, clockOffset }, me } = useBoard()
  const restored = session.restored
  // A restore made while this page was open but offline is news when the page hears of it, however long ago it was: it
  // explains why cards went (QA: offline longer than the notice lasted, people never learned it).
  const [openedAt] = useState(() => Date.now())
  const [heard, setHeard] = useState<{ at: number; when: number } | null>(null)
  const others = restored && restored.byId !== me.id ? restored : null
  useEffect(() => {
    if (others && others.at - clockOffset > openedAt && heard?.at !== others.at) setHeard({ at: others.at, when: Date.now() })
  }, [others, clockOffset, openedAt, heard])
  // When the notice goes, on this browser's clock.
  const endsAt = !others ? 0
    : Math.max(others.at + SHOWN_MS - clockOffset, heard?.at === others.at ? heard.when + SHOWN_MS : 0)
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
