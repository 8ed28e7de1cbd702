import { useTranslation } from 'react-i18next'
import type { VotingTarget } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'

/** Dots on a touchpoint or stardust idea during a voting round: your own while hidden, everyone's once revealed. */
export function VoteDots({ itemId, target }: { itemId: string; target: VotingTarget }) {
  const { t } = useTranslation()
  const { session: { session, send, myVotes }, readOnly } = useBoard()
  const round = session.voting
  if (!round || round.target !== target) return null
  if (round.results) {
    const count = round.results[itemId] ?? 0
    return <span className="vote-dots vote-dots--result" data-testid="vote-result" data-count={count}>● {count}</span>
  }
  const mine = myVotes.filter((id) => id === itemId).length
  const left = round.votesPerPerson - myVotes.length
  return (
    <span className="vote-dots nodrag" data-testid="vote-dots" data-mine={mine}>
      {mine > 0 && (
        <button type="button" aria-label={t('voting.retract')} disabled={readOnly}
          onClick={(e) => { e.stopPropagation(); send({ type: 'vote.retract', itemId }) }}>−</button>
      )}
      <span className="vote-dots__mine">{'●'.repeat(mine) || '○'}</span>
      <button type="button" aria-label={t('voting.cast')} data-testid="vote-cast" disabled={readOnly || left <= 0}
        onClick={(e) => { e.stopPropagation(); send({ type: 'vote.cast', itemId }) }}>+</button>
    </span>
  )
}
