import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type VotingTarget } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'

/** Dot voting: the facilitator opens a round (touchpoints or stardust, N dots each), reveals and closes it; others see their dots left. */
export function VotingControl({ projector = false }: { projector?: boolean }) {
  const { t } = useTranslation()
  const { session: { session, send, myVotes }, isFacilitator, readOnly } = useBoard()
  const [target, setTarget] = useState<VotingTarget>('touchpoints')
  const [dots, setDots] = useState(3)
  const round = session.voting
  if (!round) {
    if (!isFacilitator) return null
    return (
      <div className="voting" data-testid="voting">
        <label className="voting__setup">
          <span>● {t('voting.setup')}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value as VotingTarget)} data-testid="voting-target">
            <option value="touchpoints">{t('voting.onTouchpoints')}</option>
            <option value="stardust">{t('voting.onStardust')}</option>
          </select>
        </label>
        <input type="number" min={1} max={20} value={dots} aria-label={t('voting.dots')} onChange={(e) => setDots(Number(e.target.value) || 1)} />
        <button type="button" className="button button--small" data-testid="voting-open" aria-label={t('voting.open')}
          onClick={() => send({ type: 'voting.open', target, votesPerPerson: dots })}>{t('voting.start')}</button>
      </div>
    )
  }
  const left = round.votesPerPerson - myVotes.length
  return (
    <div className={`voting voting--${round.status}`} data-testid="voting" data-status={round.status}>
      <strong>● {t(`voting.${round.target}`)}</strong>
      {readOnly && !projector && <span className="hint" data-testid="watching">{t('voting.watching')}</span>}
      {round.status === 'open' && !readOnly && <span data-testid="votes-left">{t('voting.left', { left, total: round.votesPerPerson })}</span>}
      {round.status === 'open' && <span className="hint">{t('voting.voters', { count: round.voters })}</span>}
      {round.status === 'revealed' && <span>{t('voting.revealed')}</span>}
      {isFacilitator && round.status === 'open' && <button type="button" className="button button--small" data-testid="voting-reveal" onClick={() => send({ type: 'voting.reveal' })}>{t('voting.reveal')}</button>}
      {isFacilitator && <button type="button" className="button button--small" data-testid="voting-close" onClick={() => send({ type: 'voting.close' })}>{t('voting.close')}</button>}
    </div>
  )
}
