import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'

const SHOWN_MS = 8000

/**
 * Tells everyone else that someone took the board back to an earlier version: otherwise it just changes under them.
 * Only a restore made while this page is open: the one on record when it opens is old news.
 */
export function RestoreNotice() {
  const { t } = useTranslation()
  const { session: { session }, me } = useBoard()
  const restored = session.restored
  const seen = useRef(restored?.at ?? null)
  const [shown, setShown] = useState<{ version: string; by: string } | null>(null)
  useEffect(() => {
    if (!restored || restored.at === seen.current) return
    seen.current = restored.at
    if (restored.byId === me.id) return
    setShown({ version: restored.version, by: restored.by })
    const id = window.setTimeout(() => setShown(null), SHOWN_MS)
    return () => window.clearTimeout(id)
  }, [restored, me.id])
  if (!shown) return null
  return (
    <div className="toast restore-notice" role="status" data-testid="restore-notice">
      {t('history.restoredBy', { name: shown.by, version: shown.version })}
    </div>
  )
}
