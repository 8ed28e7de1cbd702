import { useCallback, useEffect, useState } from 'react'
import type * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../shared/protocol.js'
import {
  type Draft, type PublicSession, type SessionCommandInput, type SessionEvent, emptySession, encodeSessionFrame, readSessionPayload,
} from '../../shared/session.js'
import { type Participant, participantKey } from './identity.js'

export interface SessionView {
  session: PublicSession
  /** Server time minus local time, so every screen counts down to the same end time. */
  clockOffset: number
  myVotes: string[]
  myDrafts: Draft[]
  /** The last command the relay refused, with its reason (shown as a toast). */
  refusal: { command: string; reason: string; at: number } | null
  send: (command: SessionCommandInput) => void
}

/**
 * The facilitation channel on top of the y-websocket connection: a handler
 * for MessageType.session frames and a `send` for commands. Says hello (who
 * this browser is) every time the socket (re)connects.
 */
export function useSession(provider: WebsocketProvider, me: Participant): SessionView {
  const [session, setSession] = useState<PublicSession>(emptySession)
  const [clockOffset, setClockOffset] = useState(0)
  const [mine, setMine] = useState<{ votes: string[]; drafts: Draft[] }>({ votes: [], drafts: [] })
  const [refusal, setRefusal] = useState<SessionView['refusal']>(null)

  const send = useCallback((command: SessionCommandInput) => {
    const ws = provider.ws
    if (ws && provider.wsconnected && ws.readyState === ws.OPEN) ws.send(encodeSessionFrame(command) as Uint8Array<ArrayBuffer>)
  }, [provider])

  useEffect(() => {
    provider.messageHandlers[MessageType.session] = (_encoder: unknown, decoder: decoding.Decoder) => {
      const event = readSessionPayload(decoder) as SessionEvent
      if (event.type === 'state') {
        setSession(event.session)
        setClockOffset(event.now - Date.now())
      } else if (event.type === 'you') {
        setMine({ votes: event.votes, drafts: event.drafts })
      } else if (event.type === 'refused') {
        setRefusal({ command: event.command, reason: event.reason, at: Date.now() })
      }
    }
    const hello = () => send({ type: 'hello', participantId: me.id, key: participantKey(), name: me.name })
    const onStatus = ({ status }: { status: string }) => status === 'connected' && hello()
    provider.on('status', onStatus)
    if (provider.wsconnected) hello()
    return () => {
      provider.off('status', onStatus)
      delete provider.messageHandlers[MessageType.session]
    }
  }, [provider, me, send])

  return { session, clockOffset, myVotes: mine.votes, myDrafts: mine.drafts, refusal, send }
}
