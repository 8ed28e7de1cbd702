import { useTranslation } from 'react-i18next'
import { OUTCOMES, type RatingDistribution } from '../../shared/model/index.js'
import { OutcomeIcon } from './OutcomeIcon.js'

/** "☹ 2 · 😐 5 · ☺ 1" with a warning when the room is split between disappointed and delighted. */
export function RatingSummary({ distribution, large = false }: { distribution: RatingDistribution; large?: boolean }) {
  const { t } = useTranslation()
  const counts = OUTCOMES.map((o) => `${t(`outcome.${o}`)}: ${distribution[o]}`).join(', ')
  // One picture to a screen reader (role="img"): its name says what each count is, not "0 1 0"; the split is in it too.
  const label = distribution.disagreement ? `${counts} (${t('rating.disagreement')})` : counts
  return (
    <span className={`rating-summary${large ? ' rating-summary--large' : ''}`} data-testid="rating-summary"
      data-distribution={OUTCOMES.map((o) => distribution[o]).join('/')} role="img" aria-label={label} title={counts}>
      {OUTCOMES.map((o) => (
        <span key={o} className={`rating-summary__count rating-summary__count--${o}`}>
          <OutcomeIcon outcome={o} size={large ? 22 : 15} filled={distribution[o] > 0} />
          {distribution[o]}
        </span>
      ))}
      {distribution.disagreement && (
        <span className="rating-summary__split" data-testid="disagreement" title={t('rating.disagreementHint')}>⚡ {t('rating.disagreement')}</span>
      )}
    </span>
  )
}
