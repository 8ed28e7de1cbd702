import { vi } from 'vitest'

/** Animation frames run by hand: `frame()` runs what was requested since the last one. Undo with `vi.unstubAllGlobals()`. */
export function fakeFrames() {
  let next = 1
  const requested = new Map<number, () => void>()
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    requested.set(next, callback)
    return next++
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => void requested.delete(id))
  return {
    pending: () => requested.size,
    frame() {
      const callbacks = [...requested.values()]
      requested.clear()
      for (const callback of callbacks) callback()
    },
  }
}
