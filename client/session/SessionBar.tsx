import { useTranslation } from 'react-i18next'
import type { PublicSession } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { AgendaControl } from './AgendaControl.js'
import { PrivateModeControl } from './PrivateModeControl.js'
import { SessionSettings } from './SessionSettings.js'
import { TimerControl } from './TimerControl.js'
import { VotingControl } from './VotingControl.js'
import { Icon } from '../ui/Icon.js'
import { useSettled } from './useSettled.js'

/**
 * Whether someone who does not facilitate has anything of the session to see: an agenda step, a timer that was
 * started, a vote, silent writing (what AgendaControl, TimerControl, VotingControl and PrivateModeControl show them),
 * or the grid locked (else its controls just vanish, unexplained).
 */
export function participantSeesSession(session: PublicSession): boolean {
  const { agenda, timer, voting, privateMode, locks } = session
  return Boolean(agenda.step) || timer.endsAt !== null || timer.remainingMs !== timer.durationMs || Boolean(voting) || privateMode.on || locks.grid
}

/**
 * The live-session strip: agenda step, timer, voting, silent writing; facilitators also get follow-me, the projector
 * and the room's settings (grid lock, the projector's QR link). Someone else sees no strip while nothing runs.
 */
export function SessionBar({ projectorLink, onBacklog }: {
  projectorLink: string | null
  /** Opens the stardust backlog, where a stardust round's dots are placed; unset while it is open. */
  onBacklog?: () => void
}) {
  const { t } = useTranslation()
  const { session: { session, send }, isFacilitator, me, peers } = useBoard()
  const leadId = session.followParticipantId
  const leading = leadId === me.id
  // Another facilitator leads the room: this one is not taken along (useLeader), and may take over.
  const otherLead = leadId && !leading ? peers.find((p) => !p.isSelf && p.user.id === leadId)?.user.name : undefined
  const settled = useSettled(leadId)
  if (!isFacilitator && !participantSeesSession(session)) return null
  return (
    <div className="session-bar" data-testid="session-bar">
      <AgendaControl />
      {!isFacilitator && session.locks.grid && (
        <span className="session-bar__lock" data-testid="grid-locked" title={t('session.gridLockedHint')}>
          <Icon name="lock" /> {t('session.gridLockedNote')}
        </span>
      )}
      <div className="session-bar__spacer" />
      <VotingControl onBacklog={onBacklog} />
      <PrivateModeControl />
      <TimerControl />
      {isFacilitator && (
        <div className="session-bar__tools" data-testid="facilitator-tools">
          <button type="button" className={`button button--small${leading ? ' is-active' : ''}`} data-testid="follow-me" aria-pressed={leading}
            title={otherLead ? t('session.takeLeadHint', { name: otherLead }) : leading ? undefined : t('session.bringEveryoneHint')}
            onClick={() => settled(() => send({ type: 'follow.set', on: !leading }))}>
            {leading ? t('session.stopLeading') : otherLead ? t('session.takeLead') : t('session.bringEveryone')}
          </button>
          {projectorLink && (
            <a className="button button--small" data-testid="open-projector" href={projectorLink} target="_blank" rel="noreferrer"
              aria-label={t('session.projector')} title={t('session.projectorHint')}><Icon name="projector" /></a>
          )}
          <SessionSettings />
        </div>
      )}
    </div>
  )
}
