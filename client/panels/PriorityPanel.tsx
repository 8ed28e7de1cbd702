import { useTranslation } from 'react-i18next'
import { MAX_INFLUENCE, influenceRanking, scoreInfluence } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { PanelHeader } from '../ui/PanelHeader.js'
import { HandOffs, HandOffsSummary } from './HandOffs.js'
import { VotingHistory } from './VotingHistory.js'

/** Touchpoints ranked by their influence on the customer's decision (average of everyone's 1–5 scores), the journey's hand-offs between departments, and closed voting rounds. */
export function PriorityPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me, session: { session } } = useBoard()
  const ranking = influenceRanking(board)
  return (
    <aside className="details details--wide" aria-label={t('priority.heading')} data-testid="priority-panel">
      <PanelHeader title={`▲ ${t('priority.heading')}`} onClose={onClose} takeFocus />
      <p className="hint">{t('priority.question')}</p>
      <HandOffsSummary />
      <ol className="ranking">
        {ranking.map(({ touchpoint, average, count, rank }) => {
          const mine = board.influence[touchpoint.id]?.[me.id] ?? null
          return (
            <li key={touchpoint.id} data-testid="ranking-row" data-title={touchpoint.title}>
              <span className="ranking__place">{rank ?? '–'}</span>
              <div className="ranking__body">
                <strong dir="auto">{touchpoint.title}</strong>
                <span className="ranking__bar" aria-hidden="true"><span style={{ width: `${((average ?? 0) / MAX_INFLUENCE) * 100}%` }} /></span>
                <span className="hint">{average === null ? t('priority.none') : t('priority.average', { average, count })}</span>
              </div>
              {!readOnly && (
                <div className="score-buttons score-buttons--small" aria-label={t('priority.yourScore')}>
                  {Array.from({ length: MAX_INFLUENCE }, (_, i) => i + 1).map((score) => (
                    <button key={score} type="button" aria-pressed={mine === score}
                      className={`score-button${mine === score ? ' is-active' : ''}`}
                      onClick={() => scoreInfluence(doc, touchpoint.id, me.id, mine === score ? null : score, origin)}>{score}</button>
                  ))}
                </div>
              )}
            </li>
          )
        })}
      </ol>
      <HandOffs />
      <VotingHistory rounds={session.votingHistory} />
    </aside>
  )
}
