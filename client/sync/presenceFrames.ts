import type { Awareness } from 'y-protocols/awareness'

/**
 * Calls `listener` once presence has changed, at most once an animation
 * frame, just before the frame is drawn. In a big workshop presence changes
 * far more often than a screen refreshes: each person sends up to 20
 * positions a second, and on a small board the relay sends each on its own.
 * Reading everyone's presence again on every one of those changes (who is
 * here, where their cursors are, which cards they drag) was most of what a
 * page did with a crowd on it. Between frames nothing is drawn, so nothing is
 * missed: the frame reads the presence as it is then. In a hidden tab there
 * are no frames, and presence is read when the page shows again.
 */
export function onPresenceFrame(awareness: Awareness, listener: () => void): () => void {
  let frame: number | undefined
  const run = () => {
    frame = undefined
    listener()
  }
  const changed = () => {
    frame ??= requestAnimationFrame(run)
  }
  awareness.on('change', changed)
  return () => {
    awareness.off('change', changed)
    if (frame !== undefined) cancelAnimationFrame(frame)
  }
}
