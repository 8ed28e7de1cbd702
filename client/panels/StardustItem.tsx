import { useTranslation } from 'react-i18next'
import { type BacklogItem, MAX_DEPARTMENT_LENGTH, STARDUST_STATUSES, removeStardust, stardustMaps, toggleStardustVote, updateStardust } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { VoteDots } from '../session/VoteDots.js'
import { CommitField } from '../ui/CommitField.js'
import { EditTarget } from '../ui/EditTarget.js'
import { Icon } from '../ui/Icon.js'
import { StardustGoals } from './StardustGoals.js'

/** One stardust idea: upvote (one per person), the three questions it answers yes, and (`owner`) its owner department and status. */
export function StardustItem({ idea, backlog = false, owner = backlog }: {
  idea: BacklogItem
  /** In the backlog: the idea says its touchpoint. */
  backlog?: boolean
  /** With its owner department and status to set (the backlog's, and a phone's card's: the agenda's last step asks for them). */
  owner?: boolean
}) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, me, session: { session } } = useBoard()
  const voted = idea.voters.includes(me.id)
  // During a dot-voting round on stardust the round's dots are the only vote: the upvote (with its own count) would read as a
  // second one. It is back when the round closes.
  const round = session.voting?.target === 'stardust' ? session.voting : null
  return (
    <li className={`idea idea--${idea.status}${idea.customerVoice ? ' is-customer-voice' : ''}`} data-testid="stardust-idea" data-votes={idea.votes}>
      {!round && (
        <button type="button" className={`vote${voted ? ' is-active' : ''}`} aria-pressed={voted} disabled={readOnly}
          data-testid="stardust-vote" title={t(voted ? 'stardust.unvote' : 'stardust.vote')}
          aria-label={t('stardust.voteIdea', { text: idea.text, count: idea.votes })}
          onClick={() => toggleStardustVote(doc, idea.id, me.id, origin)}>
          <span aria-hidden="true">▲</span>
          <span data-testid="stardust-votes">{idea.votes}</span>
        </button>
      )}
      {round && !round.results && <div className="idea__round"><VoteDots itemId={idea.id} target="stardust" name={idea.text} /></div>}
      <div className="idea__body">
        <p className="idea__text" dir="auto">{idea.customerVoice && <span className="voice-mark" title={t('chair.voice')}><Icon name="voice" /> </span>}{idea.text}</p>
        {round?.results && <VoteDots itemId={idea.id} target="stardust" name={idea.text} bar />}
        <StardustGoals idea={idea} />
        <p className="idea__meta">
          {backlog && <strong>{idea.touchpointTitle} · </strong>}
          {idea.authorName}{idea.customerVoice ? ` (${t('chair.voice')})` : ''}
        </p>
        {owner && (
          <div className="idea__controls">
            <EditTarget isGone={() => !stardustMaps(doc).has(idea.id)} name={idea.text}>
              <CommitField id={`dept-${idea.id}`} value={idea.department} disabled={readOnly} list="board-departments" maxLength={MAX_DEPARTMENT_LENGTH}
                placeholder={t('stardust.owner')} testId="stardust-owner" onCommit={(department) => updateStardust(doc, idea.id, { department }, origin)} />
            </EditTarget>
            <select value={idea.status} disabled={readOnly} aria-label={t('stardust.status')} data-testid="stardust-status"
              onChange={(e) => updateStardust(doc, idea.id, { status: e.target.value as BacklogItem['status'] }, origin)}>
              {STARDUST_STATUSES.map((s) => <option key={s} value={s}>{t(`stardust.${s}`)}</option>)}
            </select>
          </div>
        )}
      </div>
      {!readOnly && idea.authorId === me.id && (
        <button type="button" className="entry-remove" aria-label={t('stardust.remove', { text: idea.text })} onClick={() => removeStardust(doc, idea.id, origin)}>×</button>
      )}
    </li>
  )
}
