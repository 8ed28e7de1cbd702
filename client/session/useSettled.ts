import { useCallback, useLayoutEffect, useRef } from 'react'

/** How long a control that someone else just changed does not act on a click: the time to see that it changed. */
export const SETTLE_MS = 600
/** A change this soon after this page's own command through the control is taken as that command's answer. */
const OWN_ANSWER_MS = 3000

/**
 * Guards a facilitator's control against doing what its user never saw it offer. With two facilitators, one's Start,
 * Next or unlock lands a moment before the other's click on the same control, which by then says Pause, the step after,
 * or Lock: the click paused the timer, skipped a step, locked the card again (co-facilitation QA, 30–90 ms apart).
 * While `meaning` (what the control does: running or not, the step, locked or not) changed less than SETTLE_MS ago
 * through someone else, `act` drops the click; the user sees what the other facilitator did, which is what they meant.
 * A change answering this page's own command (within OWN_ANSWER_MS of it) does not hold the control back.
 */
export function useSettled(meaning: unknown): (act: () => void) => void {
  const seen = useRef(meaning)
  const changedAt = useRef(-Infinity)
  const actedAt = useRef(-Infinity)
  useLayoutEffect(() => {
    if (Object.is(seen.current, meaning)) return
    seen.current = meaning
    const now = performance.now()
    // The first change after this page's own command is its answer; any other is someone else's doing.
    if (now - actedAt.current > OWN_ANSWER_MS) changedAt.current = now
    else actedAt.current = -Infinity
  }, [meaning])
  return useCallback((act: () => void) => {
    const now = performance.now()
    if (now - changedAt.current < SETTLE_MS) return
    actedAt.current = now
    act()
  }, [])
}
