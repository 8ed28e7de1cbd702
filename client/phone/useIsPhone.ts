import { useSyncExternalStore } from 'react'

/** Phones get their own view: at or below this width the canvas is no use. */
export const PHONE_QUERY = '(max-width: 700px)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

const snapshot = () => window.matchMedia(PHONE_QUERY).matches

/** True while the viewport is phone-sized; follows rotation and resizing. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false)
}
