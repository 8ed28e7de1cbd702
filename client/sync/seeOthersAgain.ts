import type { WebsocketProvider } from 'y-websocket'

/**
 * A connection lost and back: everyone else's presence shows again at once. y-websocket takes the others off the
 * board when the connection drops, but y-protocols' awareness keeps each one's last clock, and on reconnecting the
 * relay sends their presence with that same clock, which awareness then ignores as old: the others stayed away
 * (no avatar, no cursor) until they next moved or renewed their presence, up to 15 s later. Forgetting the clocks of
 * those taken off lets their presence in again. Answers a function that stops.
 */
export function seeOthersAgainAfterReconnect(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  const forgetGone = ({ status }: { status: string }) => {
    if (status !== 'disconnected') return
    for (const clientId of [...awareness.meta.keys()]) {
      if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId)
    }
  }
  provider.on('status', forgetGone)
  return () => provider.off('status', forgetGone)
}
