import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { type Touchpoint, touchpointMaps } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { VoteDots } from '../session/VoteDots.js'
import { PhaseAndLane } from '../ui/Bidi.js'
import { EditTarget } from '../ui/EditTarget.js'
import { JourneySteps } from '../panels/touchpoint/JourneySteps.js'
import { PhoneFactors } from './PhoneFactors.js'
import { PhoneInfluence } from './PhoneInfluence.js'
import { PhoneOwner } from './PhoneOwner.js'
import { PhoneRating } from './PhoneRating.js'
import { PhoneDeleteTouchpoint } from './PhoneDeleteTouchpoint.js'
import { PhoneStardust } from './PhoneStardust.js'
import { TouchpointChips, useCell } from './TouchpointChips.js'

interface Props {
  touchpoint: Touchpoint
  /** Another card is open over this one (the facilitator's focus, over text typed here): it keeps its fields as they are. */
  covered: boolean
  onClose: () => void
  /** This person deleted the touchpoint (one they added); `title`, what it was called. */
  onDeleted: (title: string) => void
}

/**
 * One touchpoint on a phone: what it is, and the ways to contribute: rate it, score its influence, link it, name its
 * owning department, add factors, add stardust and give each idea an owner and a status, place dots; and, for a
 * touchpoint this person added, delete it.
 */
export function PhoneFocusCard({ touchpoint, covered, onClose, onDeleted }: Props) {
  const { t } = useTranslation()
  const { doc, session: { session } } = useBoard()
  const { phase, lane } = useCell(touchpoint)
  const focused = session.focusTouchpointId === touchpoint.id
  const votingHere = session.voting?.target === 'touchpoints' && session.voting.status !== 'closed'
  const back = useRef<HTMLButtonElement>(null)
  // Opened, or shown again when the card over it closes.
  useEffect(() => { if (!covered) back.current?.focus({ preventScroll: true }) }, [covered])
  return (
    <section className="phone-focus" data-testid="phone-focus" data-touchpoint-id={touchpoint.id} aria-labelledby={covered ? undefined : 'phone-focus-title'}
      inert={covered ? true : undefined} aria-hidden={covered ? true : undefined} hidden={covered}>
      <div className="phone-focus__bar">
        <button ref={back} type="button" className="button phone-back" data-testid="phone-focus-close" onClick={onClose}>
          <span aria-hidden="true">←</span> {t('phone.back')}
        </button>
      </div>
      {focused && <p className="phone-focus__focused" data-testid="phone-focus-marker">◉ {t('phone.focused')}</p>}
      <header className="phone-focus__head">
        <h2 id={covered ? undefined : 'phone-focus-title'} className="phone-focus__title" data-testid="phone-focus-title" dir="auto">{touchpoint.title || t('touchpoint.untitled')}</h2>
        <p className="phone-focus__where"><PhaseAndLane phase={phase?.name} lane={lane?.name} /></p>
        <TouchpointChips touchpoint={touchpoint} />
      </header>
      {touchpoint.description && <p className="phone-focus__description" data-testid="phone-focus-description" dir="auto">{touchpoint.description}</p>}
      {(touchpoint.expectation || touchpoint.painPoint || touchpoint.measure) && (
        <dl className="phone-focus__facts" data-testid="phone-focus-facts">
          {touchpoint.expectation && <><dt>{t('touchpoint.expectation')}</dt><dd dir="auto">{touchpoint.expectation}</dd></>}
          {touchpoint.painPoint && <><dt>{t('touchpoint.painPoint')}</dt><dd dir="auto">{touchpoint.painPoint}</dd></>}
          {touchpoint.measure && <><dt>{t('touchpoint.measure')}</dt><dd dir="auto">{touchpoint.measure}</dd></>}
        </dl>
      )}
      {votingHere && (
        <section className="phone-section phone-section--voting" data-testid="phone-voting">
          <h3>● {t('voting.touchpoints')}</h3>
          <VoteDots itemId={touchpoint.id} name={touchpoint.title || t('touchpoint.untitled')} target="touchpoints" />
        </section>
      )}
      <PhoneRating touchpoint={touchpoint} />
      <PhoneInfluence touchpoint={touchpoint} />
      <div className="phone-section"><JourneySteps touchpoint={touchpoint} /></div>
      <EditTarget isGone={() => !touchpointMaps(doc).has(touchpoint.id)} name={touchpoint.title || t('touchpoint.untitled')}>
        <PhoneOwner touchpoint={touchpoint} />
        <PhoneFactors touchpoint={touchpoint} />
        <PhoneStardust touchpoint={touchpoint} />
      </EditTarget>
      <PhoneDeleteTouchpoint touchpoint={touchpoint} onDeleted={onDeleted} />
      <button type="button" className="button phone-back phone-back--bottom" onClick={onClose}>
        <span aria-hidden="true">←</span> {t('phone.back')}
      </button>
    </section>
  )
}
