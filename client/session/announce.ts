/**
 * What a part of the page outside the session has to tell a screen reader (an export finished), for the page's polite
 * live region (SessionAnnouncer) to say.
 */
const listeners = new Set<(text: string) => void>()

export function announce(text: string): void {
  for (const listener of listeners) listener(text)
}

/** Hears what is announced until the returned function is called. */
export function onAnnounce(listener: (text: string) => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
