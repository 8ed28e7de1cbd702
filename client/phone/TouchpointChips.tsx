import { useTranslation } from 'react-i18next'
import type { Touchpoint } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'

/** The phase and lane (channel) a touchpoint sits in. */
export function useCell(touchpoint: Touchpoint) {
  const { board } = useBoard()
  return {
    phase: board.phases.find((p) => p.id === touchpoint.phaseId),
    lane: board.lanes.find((l) => l.id === touchpoint.laneId),
  }
}

/** Physical or digital, indirect, moment of truth, its stardust ideas (as on a laptop's card), focus and lock, as small badges. */
export function TouchpointChips({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { board, session: { session } } = useBoard()
  const { lane } = useCell(touchpoint)
  const channel = lane?.channel ?? 'physical'
  const ideas = board.stardust.filter((s) => s.touchpointId === touchpoint.id).length
  // During a stardust round the ideas are what is voted on: their count stands out, so the list shows where to open.
  const stardustRound = session.voting?.target === 'stardust' && session.voting.status === 'open'
  return (
    <span className="phone-chips">
      <span className={`chip phone-chip--${channel}`} data-testid="phone-channel" data-channel={channel}>{t(`grid.${channel}`)}</span>
      {touchpoint.kind === 'indirect' && <span className="chip chip--indirect">{t('touchpoint.indirect')}</span>}
      {touchpoint.momentOfTruth && <span className="chip chip--mot" data-testid="phone-mot">★ {t('rating.momentOfTruth')}</span>}
      {ideas > 0 && (
        <span className={`chip chip--stardust${stardustRound ? ' chip--stardust-round' : ''}`} data-testid="phone-stardust-count" data-count={ideas}>
          ✦ {t('phone.stardustIdeas', { count: ideas })}
        </span>
      )}
      {session.focusTouchpointId === touchpoint.id && <span className="chip phone-chip--focus">◉ {t('phone.focusShort')}</span>}
      {session.locks.touchpoints.includes(touchpoint.id) && <span className="chip chip--locked" title={t('session.locked')}><Icon name="lock" /></span>}
    </span>
  )
}
