import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Refusal } from '../../shared/refusals.js'
import { useBoard } from '../board/BoardContext.js'
import { refusalMessage } from './refusalMessage.js'

/** Something refused: by the relay (its code and English sentence), or by this page (its sentence, and no code). */
export interface ShownRefusal {
  reason: string
  refusal: Refusal | null
  at: number
}

/** How long a refusal shows. */
export const REFUSAL_SHOWN_MS = 5000

/**
 * The last refused command's reason, for five seconds from when it happened, in the page's language (the relay's English
 * for a code it does not know). A view mounted later (the phone's layout after a turn) does not show an old one again.
 */
export function useRefusalToast(refusal: ShownRefusal | null): string | null {
  const { t, i18n } = useTranslation()
  const [toast, setToast] = useState<string | null>(null)
  useEffect(() => {
    if (!refusal) return
    const left = refusal.at + REFUSAL_SHOWN_MS - Date.now()
    if (left <= 0) return setToast(null)
    setToast(refusalMessage(refusal, t, (key) => i18n.exists(key)))
    const id = window.setTimeout(() => setToast(null), left)
    return () => window.clearTimeout(id)
  }, [refusal]) // eslint-disable-line react-hooks/exhaustive-deps -- said once, in the language of that moment
  return toast
}

/**
 * Why the relay refused or undid something, or why this page refused what someone tried (`local`, whichever came last), over
 * the canvas's top right corner: clear of the session strip's controls and of the side panel, whose header and × it covered
 * while it hung from the strip.
 */
export function RefusalToast({ local = null }: { local?: ShownRefusal | null }) {
  const { session: { refusal } } = useBoard()
  const toast = useRefusalToast(local && (!refusal || local.at >= refusal.at) ? local : refusal)
  return toast ? <div className="toast" role="alert" data-testid="refusal">{toast}</div> : null
}
