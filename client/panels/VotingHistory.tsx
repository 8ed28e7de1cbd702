import { useTranslation } from 'react-i18next'
import type { VotingRound } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { rankedItems } from '../session/VotingResults.js'

/** Closed dot-voting rounds with their results: what the room decided stays on record. */
export function VotingHistory({ rounds }: { rounds: VotingRound[] }) {
  const { t, i18n } = useTranslation()
  const { board } = useBoard()
  if (rounds.length === 0) return null
  // In the round's order, as its results showed it (rankedItems): an item still on the board by its name now, a deleted one
  // by the name the round recorded, if it has one.
  return (
    <section className="voting-history" data-testid="voting-history">
      <h3>{t('voting.history')}</h3>
      {rounds.map((round) => (
        <div key={round.id} className="voting-history__round">
          <strong data-testid="voting-history-round">{round.title.trim() && `${round.title.trim()} · `}{t(`voting.${round.target}`)} · {new Date(round.openedAt).toLocaleString(i18n.language)}</strong>
          <ol>
            {rankedItems(round, board).map((item) => (
              <li key={item.id} data-testid="voting-history-item" data-removed={item.removed}>
                <span className="vote-dots vote-dots--result" data-testid="voting-history-count">● {item.count}</span>
                <span>{item.text}{item.removed && <span className="hint"> {t('voting.removed')}</span>}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  )
}
