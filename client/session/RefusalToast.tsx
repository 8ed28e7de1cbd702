import { useEffect, useState } from 'react'
import { useBoard } from '../board/BoardContext.js'

/** The last refused command's reason, for five seconds. */
export function useRefusalToast(refusal: { reason: string; at: number } | null): string | null {
  const [toast, setToast] = useState<string | null>(null)
  useEffect(() => {
    if (!refusal) return
    setToast(refusal.reason)
    const id = window.setTimeout(() => setToast(null), 5000)
    return () => window.clearTimeout(id)
  }, [refusal])
  return toast
}

/**
 * Why the relay refused or undid something, over the canvas's top right corner: clear of the session strip's controls
 * and of the side panel, whose header and × it covered while it hung from the strip.
 */
export function RefusalToast() {
  const { session: { refusal } } = useBoard()
  const toast = useRefusalToast(refusal)
  return toast ? <div className="toast" role="alert" data-testid="refusal">{toast}</div> : null
}
