import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AGENDA_STEPS } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { ConnectionBadge } from '../panels/ConnectionBadge.js'
import { LanguageSwitch } from '../panels/LanguageSwitch.js'
import { useRefusalToast } from '../session/RefusalToast.js'
import { TimerControl } from '../session/TimerControl.js'
import type { ConnectionStatus } from '../sync/useBoardConnection.js'
import { Icon } from '../ui/Icon.js'

/**
 * The phone's top area, kept to a few lines however much the session does at
 * once: board title, timer and connection (on a line of their own when they
 * would leave the title too little room), then one row of chips (the agenda
 * step, cut short with "…", the voting round, silent writing; on a narrow
 * phone the last two shortened to "● 2/3" and silent writing's icon). Tapping the chips opens
 * what they stand for in full (the step's instruction, what is voted on, what
 * stays private) over the content, without growing the header.
 */
export function PhoneHeader({ title, status }: { title: string; status: ConnectionStatus }) {
  const { t } = useTranslation()
  const { readOnly, session: { session, myVotes, refusal } } = useBoard()
  const { timer, voting, agenda, privateMode } = session
  const timerActive = timer.endsAt !== null || timer.remainingMs !== timer.durationMs
  const round = voting && voting.status !== 'closed' ? voting : null
  const step = agenda.step
  const toast = useRefusalToast(refusal)
  const [open, setOpen] = useState(false)
  const busy = Boolean(step || round || privateMode.on)
  // The first chip says that it opens more.
  const caret = <span className="phone-header__more" aria-hidden="true">{open ? '▴' : '▾'}</span>
  // A new step, round or mode closes the details: they would be out of date.
  useEffect(() => setOpen(false), [step, round?.status, round?.target, privateMode.on])
  return (
    <header className="phone-header">
      <div className="phone-header__row">
        <h1 className="phone-header__title" data-testid="board-title" dir="auto">{title}</h1>
        <div className="phone-header__status">
          {timerActive && <TimerControl large />}
          {readOnly && <span className="role-chip role-chip--viewer" data-testid="role" title={t('roleHint.viewer')}>{t('role.viewer')}</span>}
          <ConnectionBadge status={status} readOnly={readOnly} />
          <LanguageSwitch />
        </div>
      </div>
      {busy && (
        <button type="button" className="phone-header__session" data-testid="phone-session" aria-expanded={open} aria-controls="phone-session-details"
          aria-label={t('phone.sessionDetails')} onClick={() => setOpen(!open)}>
          {step && (
            <span className="phone-chip phone-header__agenda">
              <span data-testid="agenda" data-step={step}>{AGENDA_STEPS.indexOf(step) + 1}/{AGENDA_STEPS.length} · {t(`agenda.${step}.title`)}</span>{caret}
            </span>
          )}
          {round && (
            <span className="phone-chip phone-header__voting" data-testid="voting" data-status={round.status}>
              <span aria-hidden="true">●</span>
              {/* A voter needs the dots left; what is voted on is in the details. */}
              {round.status === 'open' && !readOnly
                ? (
                  <span data-testid="votes-left">
                    {/* On a narrow phone the dots left as "2/3"; the sentence stays for screen readers. */}
                    <span className="phone-chip__short" aria-hidden="true">{round.votesPerPerson - myVotes.length}/{round.votesPerPerson}</span>
                    <span className="phone-chip__long">{t('voting.left', { left: round.votesPerPerson - myVotes.length, total: round.votesPerPerson })}</span>
                  </span>
                )
                : (
                  // Revealed (or watched from a view link): on a narrow phone one word, so the step beside it keeps its room.
                  <span>
                    <span className="phone-chip__short" aria-hidden="true">{t(round.status === 'revealed' ? 'phone.votingRevealedShort' : 'phone.votingShort')}</span>
                    <span className="phone-chip__long">{t('phone.voting')}{round.status === 'revealed' && <> <small>{t('voting.revealed')}</small></>}</span>
                  </span>
                )}
              {!step && caret}
            </span>
          )}
          {privateMode.on && (
            <span className="phone-chip phone-header__private" data-testid="private-mode" title={t('private.on')}>
              <Icon name="private" /> <span className="phone-chip__long">{t('private.on')}</span>{!step && !round && caret}
            </span>
          )}
        </button>
      )}
      {busy && open && (
        <div className="phone-session-details" id="phone-session-details" data-testid="phone-session-details">
          {step && (
            <p data-testid="phone-session-instruction">
              <strong>{AGENDA_STEPS.indexOf(step) + 1}/{AGENDA_STEPS.length} · {t(`agenda.${step}.title`)}</strong>
              {t(`agenda.${step}.hint`)}
            </p>
          )}
          {round && <p><strong>● {t(`voting.${round.target}`)}{round.title.trim() && <>: <bdi>{round.title.trim()}</bdi></>}</strong>{readOnly ? ` ${t('voting.watching')}` : t(`phone.voting_${round.target}`)}</p>}
          {privateMode.on && <p><strong><Icon name="private" /> {t('private.on')}</strong>{t('private.explain')}</p>}
          <button type="button" className="button phone-session-details__close" data-testid="phone-session-close" onClick={() => setOpen(false)}>{t('common.close')}</button>
        </div>
      )}
      {toast && <div className="toast phone-toast" role="alert" data-testid="refusal">{toast}</div>}
    </header>
  )
}

/** The agenda step's instruction, at the top of the phone's list: what to do now, as laptops show it next to the step. */
export function PhoneInstruction() {
  const { t } = useTranslation()
  const { session: { session } } = useBoard()
  const step = session.agenda.step
  if (!step) return null
  return (
    <p className="phone-instruction" data-testid="phone-instruction" data-step={step}>
      <strong>{AGENDA_STEPS.indexOf(step) + 1}/{AGENDA_STEPS.length} · {t(`agenda.${step}.title`)}</strong>
      {' '}{t(`agenda.${step}.hint`)}
    </p>
  )
}

