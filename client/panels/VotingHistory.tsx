import { useTranslation } from 'react-i18next'
import type { VotingRound } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'

/** Closed dot-voting rounds with their results: what the room decided stays on record. */
export function VotingHistory({ rounds }: { rounds: VotingRound[] }) {
  const { t } = useTranslation()
  const { board } = useBoard()
  if (rounds.length === 0) return null
  const titleOf = (id: string) => board.touchpoints.find((tp) => tp.id === id)?.title ?? board.stardust.find((s) => s.id === id)?.text ?? '–'
  return (
    <section className="voting-history" data-testid="voting-history">
      <h3>{t('voting.history')}</h3>
      {rounds.map((round) => (
        <div key={round.id} className="voting-history__round">
          <strong>{t(`voting.${round.target}`)} · {new Date(round.openedAt).toLocaleString()}</strong>
          <ol>
            {Object.entries(round.results ?? {}).sort((a, b) => b[1] - a[1]).map(([id, count]) => (
              <li key={id}><span className="vote-dots vote-dots--result">● {count}</span> {titleOf(id)}</li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  )
}
