import { useTranslation } from 'react-i18next'
import {
  MAX_INFLUENCE, OUTCOMES, type Touchpoint, influenceRanking, myRating, rateMomentOfTruth, ratingDistribution, scoreInfluence,
  updateTouchpoint,
} from '../../../shared/model/index.js'
import { useBoard } from '../../board/BoardContext.js'
import { OutcomeIcon } from '../../ui/OutcomeIcon.js'
import { RatingSummary } from '../../ui/RatingSummary.js'
import { moveAmongRadios } from '../../ui/radioKeys.js'

const SCORES = Array.from({ length: MAX_INFLUENCE }, (_, i) => i + 1)

/** Moment of truth: mark it, rate it yourself (only the distribution is shown), and score its influence on the decision. */
export function RatingTab({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me } = useBoard()
  const mine = myRating(board, touchpoint.id, me.id)
  const distribution = ratingDistribution(board, touchpoint.id)
  const myInfluence = board.influence[touchpoint.id]?.[me.id] ?? null
  const rank = influenceRanking(board).find((r) => r.touchpoint.id === touchpoint.id)

  return (
    <div className="tab-body">
      <label className="toggle">
        <input type="checkbox" data-testid="mot-toggle" checked={touchpoint.momentOfTruth} disabled={readOnly}
          onChange={(e) => updateTouchpoint(doc, touchpoint.id, { momentOfTruth: e.target.checked }, origin)} />
        <span>★ {t('rating.momentOfTruth')}</span>
      </label>
      <p className="hint">{t('rating.motHint')}</p>
      {touchpoint.momentOfTruth && (
        <>
          {/* Someone who only watches has no rating or score of their own: the room's is what they see. */}
          {!readOnly && (
            <>
              <h3>{t('rating.yourRating')}</h3>
              <div className="outcome-buttons" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('rating.yourRating')}>
                {OUTCOMES.map((outcome) => (
                  <button key={outcome} type="button" role="radio" aria-checked={mine === outcome}
                    className={`outcome-button outcome-button--${outcome}${mine === outcome ? ' is-active' : ''}`} data-testid={`rate-${outcome}`}
                    onClick={() => rateMomentOfTruth(doc, touchpoint.id, me.id, mine === outcome ? null : outcome, origin)}>
                    <OutcomeIcon outcome={outcome} size={28} filled={mine === outcome} />
                    {t(`outcome.${outcome}`)}
                  </button>
                ))}
              </div>
              <p className="hint">{t('rating.private')}</p>
            </>
          )}
          <h3>{t('rating.room', { count: distribution.total })}</h3>
          <RatingSummary distribution={distribution} large />
        </>
      )}
      <h3>{t(readOnly ? 'priority.heading' : 'priority.yourScore')}</h3>
      <p className="hint">{t('priority.question')}</p>
      {!readOnly && (
        <div className="score-buttons" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('priority.yourScore')}>
          {SCORES.map((score) => (
            <button key={score} type="button" role="radio" aria-checked={myInfluence === score}
              className={`score-button${myInfluence === score ? ' is-active' : ''}`} data-testid={`influence-${score}`}
              onClick={() => scoreInfluence(doc, touchpoint.id, me.id, myInfluence === score ? null : score, origin)}>{score}</button>
          ))}
        </div>
      )}
      <p className="hint" data-testid="influence-average">
        {rank?.average != null ? t('priority.average', { average: rank.average, count: rank.count }) : t('priority.none')}
      </p>
    </div>
  )
}
