import { useTranslation } from 'react-i18next'
import { OUTCOMES, type Touchpoint, myRating, rateMomentOfTruth, ratingDistribution, updateTouchpoint } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { OutcomeIcon } from '../ui/OutcomeIcon.js'
import { RatingSummary } from '../ui/RatingSummary.js'
import { moveAmongRadios } from '../ui/radioKeys.js'

/**
 * A moment of truth from the phone: mark the touchpoint as one (as a laptop's Rating tab does), rate it (your own
 * outcome, private), and the room's distribution. A viewer sees the section only on a moment of truth, without the mark.
 */
export function PhoneRating({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me } = useBoard()
  const mine = myRating(board, touchpoint.id, me.id)
  const distribution = ratingDistribution(board, touchpoint.id)
  if (readOnly && !touchpoint.momentOfTruth) return null
  return (
    <section className="phone-section" data-testid="phone-rating">
      {readOnly ? <h3>★ {t('rating.momentOfTruth')}</h3> : (
        <button type="button" className={`button phone-mot-toggle${touchpoint.momentOfTruth ? ' is-active' : ''}`} data-testid="phone-mot-toggle"
          aria-pressed={touchpoint.momentOfTruth} onClick={() => updateTouchpoint(doc, touchpoint.id, { momentOfTruth: !touchpoint.momentOfTruth }, origin)}>
          <span aria-hidden="true">{touchpoint.momentOfTruth ? '★' : '☆'}</span> {t('rating.momentOfTruth')}
        </button>
      )}
      <p className="hint">{t('rating.motHint')}</p>
      {touchpoint.momentOfTruth && !readOnly && (
        <>
          <h4>{t('rating.yourRating')}</h4>
          <div className="outcome-buttons phone-outcomes" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('rating.yourRating')}>
            {OUTCOMES.map((outcome) => (
              <button key={outcome} type="button" role="radio" aria-checked={mine === outcome}
                className={`outcome-button outcome-button--${outcome}${mine === outcome ? ' is-active' : ''}`} data-testid={`phone-rate-${outcome}`}
                onClick={() => rateMomentOfTruth(doc, touchpoint.id, me.id, mine === outcome ? null : outcome, origin)}>
                <OutcomeIcon outcome={outcome} size={30} filled={mine === outcome} />
                {t(`outcome.${outcome}`)}
              </button>
            ))}
          </div>
          <p className="hint">{t('rating.private')}</p>
        </>
      )}
      {touchpoint.momentOfTruth && <>
        <h4>{t('rating.room', { count: distribution.total })}</h4>
        <RatingSummary distribution={distribution} large />
      </>}
    </section>
  )
}
