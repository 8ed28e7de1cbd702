import { useTranslation } from 'react-i18next'
import { type Touchpoint, ratingDistribution } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { VoteDots } from '../session/VoteDots.js'
import { PhaseAndLane } from '../ui/Bidi.js'
import { RatingSummary } from '../ui/RatingSummary.js'
import { TouchpointChips, useCell } from './TouchpointChips.js'

interface Props {
  touchpoint: Touchpoint
  /** Place on the journey; none for touchpoints off it. */
  number?: number
  /** The step before on the journey, to mark a switch between physical and digital. */
  previous?: Touchpoint
  testId: string
  onOpen: (id: string) => void
  /** Just added from this phone: marked so its author sees where it went. */
  landed?: boolean
}

/** One touchpoint in the phone list: where it sits, its channel, and how the room rated its moment of truth. */
export function PhoneStepRow({ touchpoint, number, previous, testId, onOpen, landed = false }: Props) {
  const { t } = useTranslation()
  const { board, me, readOnly, session: { session } } = useBoard()
  const { phase, lane } = useCell(touchpoint)
  const previousChannel = previous ? board.lanes.find((l) => l.id === previous.laneId)?.channel : undefined
  const switched = previousChannel && lane && previousChannel !== lane.channel
  const focused = session.focusTouchpointId === touchpoint.id
  // While the room ranks, each row says this person's own score, so they see which touchpoints they have still to score.
  const ranking = session.agenda.step === 'rank' && !readOnly
  const myScore = ranking ? board.influence[touchpoint.id]?.[me.id] ?? null : null
  return (
    <>
      {switched && (
        <li className="phone-switch" aria-hidden="true">
          <span>⇅ {t(lane.channel === 'digital' ? 'journey.switchToDigital' : 'journey.switchToPhysical')}</span>
        </li>
      )}
      <li className={`phone-step phone-step--${lane?.channel ?? 'physical'}${focused ? ' is-focused' : ''}${landed ? ' is-landed' : ''}`}
        data-testid={testId} data-landed={landed || undefined} data-touchpoint-id={touchpoint.id} data-title={touchpoint.title}>
        <button type="button" className="phone-step__open" onClick={() => onOpen(touchpoint.id)}>
          {number !== undefined && <span className="phone-step__number" aria-label={t('phone.step', { number })}>{number}</span>}
          <span className="phone-step__body">
            <strong className="phone-step__title" dir="auto">{touchpoint.title || t('touchpoint.untitled')}</strong>
            <span className="phone-step__where" data-testid="phone-step-where"><PhaseAndLane phase={phase?.name} lane={lane?.name} /></span>
            <TouchpointChips touchpoint={touchpoint} />
            {touchpoint.momentOfTruth && <RatingSummary distribution={ratingDistribution(board, touchpoint.id)} />}
            {ranking && (
              <span className={`phone-step__score${myScore === null ? ' is-missing' : ''}`} data-testid="phone-step-score">
                ▲ {myScore === null ? t('phone.notScored') : t('phone.yourScore', { score: myScore })}
              </span>
            )}
          </span>
          <span className="phone-step__chevron" aria-hidden="true">›</span>
        </button>
        <VoteDots itemId={touchpoint.id} name={touchpoint.title || t('touchpoint.untitled')} target="touchpoints" />
      </li>
    </>
  )
}
