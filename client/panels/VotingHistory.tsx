import { useTranslation } from 'react-i18next'
import type { VotingRound } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'

/** Closed dot-voting rounds with their results: what the room decided stays on record. */
export function VotingHistory({ rounds }: { rounds: VotingRound[] }) {
  const { t, i18n } = useTranslation()
  const { board } = useBoard()
  if (rounds.length === 0) return null
  // An item still on the board goes by its name now; a deleted one by the name the round recorded, if it has one.
  const nameNow = (round: VotingRound, id: string) => round.target === 'touchpoints'
    ? board.touchpoints.find((tp) => tp.id === id)?.title
    : board.stardust.find((s) => s.id === id)?.text
  return (
    <section className="voting-history" data-testid="voting-history">
      <h3>{t('voting.history')}</h3>
      {rounds.map((round) => (
        <div key={round.id} className="voting-history__round">
          <strong>{t(`voting.${round.target}`)} · {new Date(round.openedAt).toLocaleString(i18n.language)}</strong>
          <ol>
            {Object.entries(round.results ?? {}).sort((a, b) => b[1] - a[1]).map(([id, count]) => {
              const now = nameNow(round, id)
              return (
                <li key={id} data-testid="voting-history-item" data-removed={now === undefined}>
                  <span className="vote-dots vote-dots--result" data-testid="voting-history-count">● {count}</span>
                  <span>{now ?? round.names?.[id]}{now === undefined && <span className="hint"> {t('voting.removed')}</span>}</span>
                </li>
              )
            })}
          </ol>
        </div>
      ))}
    </section>
  )
}
