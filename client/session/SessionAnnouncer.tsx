import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AGENDA_STEPS, type PublicSession } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import type { Peer } from '../sync/presence.js'
import { onAnnounce } from './announce.js'
import { type Present, namesList, presenceNews } from './presenceNews.js'
import { useCountdown } from './useCountdown.js'

/** What changed in the session from `before` to `now`, in words, for a screen reader; empty when nothing it tells of. */
export function sessionChanges(before: PublicSession, now: PublicSession, t: TFunction): string[] {
  const said: string[] = []
  const { agenda, voting, privateMode } = now
  if (agenda.step && agenda.step !== before.agenda.step) {
    said.push(`${AGENDA_STEPS.indexOf(agenda.step) + 1}/${AGENDA_STEPS.length} · ${t(`agenda.${agenda.step}.title`)}`)
  }
  if (voting && voting.id !== before.voting?.id) {
    said.push(`${t(`voting.${voting.target}`)}: ${voting.title.trim() ? `${voting.title.trim()}, ` : ''}${t('report.dotsPerPerson', { count: voting.votesPerPerson })}`)
  } else if (voting?.status === 'revealed' && before.voting?.status === 'open') said.push(t('voting.revealed'))
  if (before.voting && (!voting || voting.id !== before.voting.id)) said.unshift(t('voting.closed'))
  if (privateMode.on && !before.privateMode.on) said.push(t('private.started'))
  else if (!privateMode.on && before.privateMode.on) said.push(t('private.revealed'))
  return said
}

/**
 * The board page's one polite live region: tells a screen reader what the facilitator changed for everyone (the agenda
 * step, a dot-voting round, silent writing), when the shared timer runs out, who joined or left, how many dots this
 * person has left after placing or taking back one, and what other parts of the page announce (an export finished), in
 * the page's language. The state the page first receives is no news: only changes after it are told.
 */
export function SessionAnnouncer({ synced }: { synced: boolean }) {
  const { t, i18n } = useTranslation()
  const { peers, me, session: { session, clockOffset, myVotes } } = useBoard()
  const [message, setMessage] = useState('')
  // Told again when the same words come twice (a second "Time is up"): a region only speaks when its text changes.
  const say = (text: string) => setMessage((shown) => (shown === text ? `${text}\u00a0` : text))
  useEffect(() => onAnnounce(say), []) // eslint-disable-line react-hooks/exhaustive-deps -- say only sets state
  usePresenceNews(peers, me.id, synced, (news) => {
    const names = 'joined' in news ? news.joined : news.left
    const list = namesList(names, i18n.language, (count) => t('presence.others', { count }))
    say(t('joined' in news ? 'presence.joined' : 'presence.left', { names: list, count: names.length }))
  })
  useDotsLeft(session, myVotes, (text) => say(text))
  useCountdown(session.timer, clockOffset, () => say(t('session.timeUp')))
  /** The session before this change; the one on the first render is the page's placeholder, before the relay's state. */
  const before = useRef<{ session: PublicSession; received: boolean }>({ session, received: false })
  useEffect(() => {
    const last = before.current
    if (last.session === session) return
    before.current = { session, received: true }
    if (!last.received) return
    const said = sessionChanges(last.session, session, t)
    if (said.length > 0) say(said.join('. '))
  }, [session, t]) // eslint-disable-line react-hooks/exhaustive-deps -- say only sets state
  return <div className="visually-hidden" role="status" aria-live="polite" data-testid="session-announcer">{message}</div>
}

/** Tells `tell` who else joined or left the board (presenceNews): not this person's own pages, nor the projector; nothing before `synced`. */
function usePresenceNews(peers: Peer[], myId: string, synced: boolean, tell: Parameters<typeof presenceNews>[0]['tell']): void {
  const told = useRef(tell)
  told.current = tell
  const [news] = useState(() => presenceNews({ tell: (said) => told.current(said) }))
  useEffect(() => () => news.dispose(), [news])
  useEffect(() => {
    const others = new Map<string, Present>()
    for (const peer of peers) {
      if (peer.isSelf || peer.user.id === myId || peer.user.role === 'projector' || others.has(peer.user.id)) continue
      others.set(peer.user.id, { id: peer.user.id, name: peer.user.name })
    }
    news.update([...others.values()], synced)
  }, [peers, myId, synced, news])
}

/** "2 of 3 dots left", once this person placed or took back a dot in the open round (not when a round starts). */
function useDotsLeft(session: PublicSession, myVotes: readonly string[], tell: (text: string) => void): void {
  const { t } = useTranslation()
  const round = session.voting
  const last = useRef<{ id: string | null; count: number }>({ id: round?.id ?? null, count: myVotes.length })
  useEffect(() => {
    const before = last.current
    last.current = { id: round?.id ?? null, count: myVotes.length }
    if (!round || round.status !== 'open' || round.id !== before.id || myVotes.length === before.count) return
    tell(t('voting.left', { left: Math.max(0, round.votesPerPerson - myVotes.length), total: round.votesPerPerson }))
  }, [round, myVotes.length, t]) // eslint-disable-line react-hooks/exhaustive-deps -- tell only sets state
}
