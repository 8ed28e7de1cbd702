import { type Refusal, isRefusalCode } from '../../shared/refusals.js'
import i18next from 'i18next'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../shared/protocol.js'
import {
  type Draft, type PublicSession, type SessionCommandInput, type SessionEvent, encodeSessionFrame, readSessionPayload,
} from '../../shared/session.js'
import { keepSession, keptSession, sessionKey } from './sessionCache.js'
import { type Participant, participantKey } from './identity.js'
import { type WaitingDraft, draftCommand, isDraftCommand, isWaiting, keepDrafts, keptDrafts, waitingDraft, waitingKey, writeRevealed } from './waitingDrafts.js'
import { keepLostDraft } from '../ui/lostDrafts.js'
import { touchpointMaps, touchpointTitle } from '../../shared/model/index.js'

/** `receivedAt`: when the frame arrived (Date.now()), for the clock offset of a state read later. */
type SessionHandler = (event: SessionEvent, receivedAt: number) => void

/** The latest session state a provider received while no view listened (holdSessionFrames). */
const held = new WeakMap<WebsocketProvider, { event: Extract<SessionEvent, { type: 'state' }>; receivedAt: number }>()

/**
 * Gives `provider` a reader for session frames (one handler replaces the
 * other: `listener` while a view listens, else none). The server sends the
 * session's state as soon as a socket joins, which can be before the board's
 * view mounts (while the page still asks for a name, say): y-websocket would
 * drop that frame with a console error, so without a listener the latest
 * state is kept for the view that mounts next.
 */
export function holdSessionFrames(provider: WebsocketProvider, listener?: SessionHandler): void {
  provider.messageHandlers[MessageType.session] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const event = readSessionPayload(decoder) as SessionEvent
    if (listener) return listener(event, Date.now())
    if (event.type === 'state') held.set(provider, { event, receivedAt: Date.now() })
  }
}

export interface SessionView {
  session: PublicSession
  /** Server time minus local time, so every screen counts down to the same end time. */
  clockOffset: number
  myVotes: string[]
  myDrafts: Draft[]
  /** The last command the relay refused, with its reason (shown as a toast). */
  refusal: { command: string; reason: string; refusal: Refusal | null; at: number } | null
  send: (command: SessionCommandInput) => void
}

/**
 * The facilitation channel on top of the y-websocket connection: a handler
 * for MessageType.session frames and a `send` for commands. Says hello (who
 * this browser is) every time the socket (re)connects.
 */
export function useSession(provider: WebsocketProvider, me: Participant): SessionView {
  // Until the relay answers, the session as this browser last heard it (a page opened again offline, see sessionCache.ts).
  const keyOfSession = sessionKey(provider.roomname, me.id)
  const [kept] = useState(() => keptSession(keyOfSession))
  const [session, setSession] = useState<PublicSession>(kept.session)
  const [clockOffset, setClockOffset] = useState(kept.clockOffset)
  const [mine, setMine] = useState<{ votes: string[]; drafts: Draft[] }>({ votes: kept.votes, drafts: kept.drafts })
  const [refusal, setRefusal] = useState<SessionView['refusal']>(null)
  useEffect(() => keepSession(keyOfSession, { session, clockOffset, ...mine }), [keyOfSession, session, clockOffset, mine])

  // Hidden entries written while the connection was down: shown as the person's own, sent after the next hello.
  // Kept in the browser too: a reload before the connection returns does not lose them.
  const keyOfWaiting = waitingKey(provider.roomname, me.id)
  const [waiting, setWaiting] = useState<WaitingDraft[]>(() => keptDrafts(keyOfWaiting))
  useEffect(() => keepDrafts(keyOfWaiting, waiting), [keyOfWaiting, waiting])
  const latest = useRef({ session, waiting })
  latest.current = { session, waiting }
  const written = useRef(0)
  /** Waiting entries sent after the last hello: one the relay refuses because its card is gone is kept in a note. */
  const sentWaiting = useRef<WaitingDraft[]>([])

  const send = useCallback((command: SessionCommandInput) => {
    const ws = provider.ws
    if (ws && provider.wsconnected && ws.readyState === ws.OPEN) return ws.send(encodeSessionFrame(command) as Uint8Array<ArrayBuffer>)
    if (isDraftCommand(command)) return setWaiting((list) => [...list, waitingDraft(command, me, ++written.current, touchpointTitle(provider.doc, command.touchpointId))])
    if (command.type === 'draft.remove' && isWaiting(command.draftId)) return setWaiting((list) => list.filter((d) => d.id !== command.draftId))
    // Anything else is about this moment (a dot, a timer): not kept for later, and said so.
    setRefusal({ command: command.type, reason: i18next.t('refusal.offline'), refusal: null, at: Date.now() })
  }, [provider, me])

  useEffect(() => {
    const onEvent: SessionHandler = (event, receivedAt) => {
      if (event.type === 'state') {
        setSession(event.session)
        // The hello's answer follows in the same breath: what it does with waiting entries needs this state already.
        latest.current = { ...latest.current, session: event.session }
        setClockOffset(event.now - receivedAt)
      } else if (event.type === 'you') {
        setMine({ votes: event.votes, drafts: event.drafts })
        // The hello was answered: what was written offline goes now, hidden if silent writing goes on, else on the board.
        const { session: now, waiting: kept } = latest.current
        if (kept.length > 0) {
          setWaiting([])
          if (!now.privateMode.on) writeRevealed(provider.doc, kept)
          else {
            // Still hidden: an entry whose card was removed meanwhile cannot go; its text is kept in a note, not dropped.
            // Which cards there are is known once the board has synced: a page opened again got the hello's answer before
            // the board, and took every waiting entry for one on a removed card (a loaded CI machine).
            whenSynced(provider, () => {
              const [going, gone] = partition(kept, (draft) => touchpointMaps(provider.doc).has(draft.touchpointId))
              gone.forEach(keepAsNote)
              sentWaiting.current = going
              for (const draft of going) send(draftCommand(draft))
            })
          }
        }
      } else if (event.type === 'refused') {
        if (event.code === 'noTouchpoint' && event.command.startsWith('draft.')) {
          // The card went before the entry reached the relay (the removal arrived after the hello): its text is kept.
          const [still, gone] = partition(sentWaiting.current, (draft) => touchpointMaps(provider.doc).has(draft.touchpointId))
          gone.forEach(keepAsNote)
          sentWaiting.current = still
        }
        const refusal = isRefusalCode(event.code) ? { code: event.code, values: event.values } : null
        setRefusal({ command: event.command, reason: event.reason, refusal, at: Date.now() })
      }
    }
    const early = held.get(provider)
    held.delete(provider)
    if (early) onEvent(early.event, early.receivedAt)
    holdSessionFrames(provider, onEvent)
    const hello = () => send({ type: 'hello', participantId: me.id, key: participantKey(), name: me.name })
    const onStatus = ({ status }: { status: string }) => status === 'connected' && hello()
    provider.on('status', onStatus)
    if (provider.wsconnected) hello()
    return () => {
      provider.off('status', onStatus)
      holdSessionFrames(provider)
    }
  }, [provider, me, send])

  const myDrafts = useMemo(() => (waiting.length ? [...mine.drafts, ...waiting] : mine.drafts), [mine.drafts, waiting])
  return { session, clockOffset, myVotes: mine.votes, myDrafts, refusal, send }
}

/** A hidden entry that could not be sent, its card gone: in a note to copy, named by the card's title then. */
/** Runs `then` once the provider has synced the board with the relay: at once if it has. */
function whenSynced(provider: WebsocketProvider, then: () => void): void {
  if (provider.synced) return then()
  const onSync = (synced: boolean) => {
    if (!synced) return
    provider.off('sync', onSync)
    then()
  }
  provider.on('sync', onSync)
}

const keepAsNote = (draft: WaitingDraft) => keepLostDraft(draft.cardTitle || i18next.t('touchpoint.untitled'), draft.text, 'removed')

function partition<T>(list: readonly T[], keep: (item: T) => boolean): [T[], T[]] {
  return [list.filter(keep), list.filter((item) => !keep(item))]
}
