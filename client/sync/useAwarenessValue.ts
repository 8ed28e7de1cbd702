import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Awareness } from 'y-protocols/awareness'
import { onPresenceFrame } from './presenceFrames.js'

/**
 * Something read from presence (`read`), read again on the frame after
 * presence changed (onPresenceFrame); the caller renders only when `same` says it changed. Compared here,
 * not in a state updater, so a change that keeps it (someone else's pointer
 * move, for the list of people) schedules no render. `read` and `same` must
 * not change between renders (module functions).
 */
export function useAwarenessValue<T>(awareness: Awareness, read: (awareness: Awareness) => T, same: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState<T>(() => read(awareness))
  useEffect(() => {
    let last: { value: T } | null = null
    const refresh = (now: boolean) => {
      const next = read(awareness)
      if (last && same(last.value, next)) return
      last = { value: next }
      // On a frame, rendered within it: left to React's scheduler, the render would come in a task after the frame was drawn, and draw another.
      if (now) flushSync(() => setValue(() => next))
      else setValue(() => next)
    }
    refresh(false)
    return onPresenceFrame(awareness, () => refresh(true))
  }, [awareness, read, same])
  return value
}
