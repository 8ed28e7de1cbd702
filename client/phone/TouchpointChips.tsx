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

/** Physical or digital, indirect, moment of truth, focus and lock, as small badges. */
export function TouchpointChips({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { session: { session } } = useBoard()
  const { lane } = useCell(touchpoint)
  const channel = lane?.channel ?? 'physical'
  return (
    <span className="phone-chips">
      <span className={`chip phone-chip--${channel}`} data-testid="phone-channel" data-channel={channel}>{t(`grid.${channel}`)}</span>
      {touchpoint.kind === 'indirect' && <span className="chip chip--indirect">{t('touchpoint.indirect')}</span>}
      {touchpoint.momentOfTruth && <span className="chip chip--mot" data-testid="phone-mot">★ {t('rating.momentOfTruth')}</span>}
      {session.focusTouchpointId === touchpoint.id && <span className="chip phone-chip--focus">◉ {t('phone.focusShort')}</span>}
      {session.locks.touchpoints.includes(touchpoint.id) && <span className="chip chip--locked" title={t('session.locked')}><Icon name="lock" /></span>}
    </span>
  )
}
