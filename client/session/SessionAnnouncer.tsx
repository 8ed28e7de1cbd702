import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AGENDA_STEPS, type PublicSession } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
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
 * step, a dot-voting round, silent writing) and when the shared timer runs out, in the page's language. The state the
 * page first receives is no news: only changes after it are told.
 */
export function SessionAnnouncer() {
  const { t } = useTranslation()
  const { session: { session, clockOffset } } = useBoard()
  const [message, setMessage] = useState('')
  // Told again when the same words come twice (a second "Time is up"): a region only speaks when its text changes.
  const say = (text: string) => setMessage((shown) => (shown === text ? `${text}\u00a0` : text))
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
