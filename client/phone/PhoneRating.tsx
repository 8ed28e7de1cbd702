import { useTranslation } from 'react-i18next'
import { OUTCOMES, type Touchpoint, myRating, rateMomentOfTruth, ratingDistribution } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { OutcomeIcon } from '../ui/OutcomeIcon.js'
import { RatingSummary } from '../ui/RatingSummary.js'

/** Rate a moment of truth from the phone: your own outcome (private), and the room's distribution. */
export function PhoneRating({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me } = useBoard()
  const mine = myRating(board, touchpoint.id, me.id)
  const distribution = ratingDistribution(board, touchpoint.id)
  return (
    <section className="phone-section" data-testid="phone-rating">
      <h3>★ {t('rating.momentOfTruth')}</h3>
      <p className="hint">{t('rating.motHint')}</p>
      {!readOnly && (
        <>
          <h4>{t('rating.yourRating')}</h4>
          <div className="outcome-buttons phone-outcomes" role="radiogroup" aria-label={t('rating.yourRating')}>
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
      <h4>{t('rating.room', { count: distribution.total })}</h4>
      <RatingSummary distribution={distribution} large />
    </section>
  )
}
