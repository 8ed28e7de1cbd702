import { useEffect } from 'react'
import { hasUnsavedText } from '../ui/lostDrafts.js'

/**
 * The board's work is saved as it is made (and kept in this browser while offline), but typed text is not until its
 * field saves it, nor is a kept draft: with either on the page, closing or reloading it (also "Reload" after an
 * update) makes the browser ask first.
 */
export function useLeaveWarning(): void {
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (hasUnsavedText()) event.preventDefault()
    }
    window.addEventListener('beforeunload', onLeave)
    return () => window.removeEventListener('beforeunload', onLeave)
  }, [])
}
