import { useTranslation } from 'react-i18next'
import { MAX_INFLUENCE, type Touchpoint, influenceRanking, scoreInfluence } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { moveAmongRadios } from '../ui/radioKeys.js'

const SCORES = Array.from({ length: MAX_INFLUENCE }, (_, i) => i + 1)

/** Score from the phone how much a touchpoint influences the customer's decision (1–5): your own score, and the room's average. */
export function PhoneInfluence({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me } = useBoard()
  const mine = board.influence[touchpoint.id]?.[me.id] ?? null
  const rank = influenceRanking(board).find((r) => r.touchpoint.id === touchpoint.id)
  return (
    <section className="phone-section" data-testid="phone-influence">
      <h3>▲ {t(readOnly ? 'priority.heading' : 'priority.yourScore')}</h3>
      <p className="hint">{t('priority.question')}</p>
      {!readOnly && (
        <div className="score-buttons phone-scores" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('priority.yourScore')}>
          {SCORES.map((score) => (
            <button key={score} type="button" role="radio" aria-checked={mine === score}
              className={`score-button${mine === score ? ' is-active' : ''}`} data-testid={`phone-influence-${score}`}
              onClick={() => scoreInfluence(doc, touchpoint.id, me.id, mine === score ? null : score, origin)}>{score}</button>
          ))}
        </div>
      )}
      <p className="hint" data-testid="phone-influence-average">
        {rank?.average != null ? t('priority.average', { average: rank.average, count: rank.count }) : t('priority.none')}
      </p>
    </section>
  )
}
