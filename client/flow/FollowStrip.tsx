import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { JourneyOf } from '../ui/JourneyOf.js'

/**
 * Along the canvas' top while following someone: whom, whose journey they show (drawn here too), and Break away. When
 * the facilitator who brought everyone along leaves the board, it says so: the view stopped following without a word.
 */
export function FollowStrip() {
  const { t } = useTranslation()
  const { leader, leftLeader, board, personaId, stopFollowing } = useBoard()
  if (!leader && leftLeader) {
    return (
      <div className="following following--left" data-testid="leader-left" role="status">
        <span className="following__name" title={t('session.leaderLeft', { name: leftLeader })}>{t('session.leaderLeft', { name: leftLeader })}</span>
        <button type="button" className="button button--small" data-testid="leader-left-ok" onClick={stopFollowing}>{t('session.leaderLeftOk')}</button>
      </div>
    )
  }
  if (!leader) return null
  const persona = board.personas.find((p) => p.id === personaId)
  const following = t('session.following', { name: leader.user.name })
  return (
    <div className="following" data-testid="following" style={{ borderColor: leader.user.color }}>
      <span className="following__name" title={following}>{following}</span>
      {persona && <JourneyOf persona={persona} />}
      <button type="button" className="button button--small" data-testid="stop-following" onClick={stopFollowing}>{t('session.breakAway')}</button>
    </div>
  )
}
