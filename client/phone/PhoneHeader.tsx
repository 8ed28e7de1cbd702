import { useTranslation } from 'react-i18next'
import { AGENDA_STEPS } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { ConnectionBadge } from '../panels/ConnectionBadge.js'
import { LanguageSwitch } from '../panels/LanguageSwitch.js'
import { useRefusalToast } from '../session/RefusalToast.js'
import { TimerControl } from '../session/TimerControl.js'
import type { ConnectionStatus } from '../sync/useBoardConnection.js'
import { Icon } from '../ui/Icon.js'

/** The phone's top area: board title and connection, then only what the session is doing right now. */
export function PhoneHeader({ title, status }: { title: string; status: ConnectionStatus }) {
  const { t } = useTranslation()
  const { readOnly, session: { session, myVotes, refusal } } = useBoard()
  const { timer, voting, agenda, privateMode } = session
  const timerActive = timer.endsAt !== null || timer.remainingMs !== timer.durationMs
  const round = voting && voting.status !== 'closed' ? voting : null
  const step = agenda.step
  const toast = useRefusalToast(refusal)
  const busy = step || timerActive || round || privateMode.on
  return (
    <header className="phone-header">
      <div className="phone-header__row">
        <h1 className="phone-header__title" data-testid="board-title">{title}</h1>
        {readOnly && <span className="role-chip role-chip--viewer" data-testid="role" title={t('roleHint.viewer')}>{t('role.viewer')}</span>}
        <ConnectionBadge status={status} />
        <LanguageSwitch />
      </div>
      {busy && (
        <div className="phone-header__session" data-testid="phone-session">
          {step && (
            <span className="phone-header__agenda" data-testid="agenda" data-step={step}>
              {AGENDA_STEPS.indexOf(step) + 1}/{AGENDA_STEPS.length} · {t(`agenda.${step}.title`)}
            </span>
          )}
          {timerActive && <TimerControl large />}
          {round && (
            <span className="phone-header__voting" data-testid="voting" data-status={round.status}>
              ● {t(`voting.${round.target}`)}
              {round.status === 'open' && !readOnly && (
                <small data-testid="votes-left">{t('voting.left', { left: round.votesPerPerson - myVotes.length, total: round.votesPerPerson })}</small>
              )}
              {round.status === 'revealed' && <small>{t('voting.revealed')}</small>}
            </span>
          )}
          {privateMode.on && <span className="phone-header__private" data-testid="private-mode"><Icon name="private" /> {t('private.on')}</span>}
        </div>
      )}
      {toast && <div className="toast phone-toast" role="alert" data-testid="refusal">{toast}</div>}
    </header>
  )
}
