import { useTranslation } from 'react-i18next'
import { stardustBacklog } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { VoteDots } from '../session/VoteDots.js'

/**
 * Every stardust idea of the board in one list while a dot-voting round on stardust runs, each with its touchpoint and
 * its dots, at the top of a phone's list: a participant votes there without opening touchpoint after touchpoint and
 * scrolling past their rating and factors to reach the ideas, and takes a dot back from any idea (QA: slow, and "Take
 * one back (−)" pointed at a card without the dot).
 */
export function PhoneStardustRound() {
  const { t } = useTranslation()
  const { board, session: { session } } = useBoard()
  const round = session.voting
  if (round?.target !== 'stardust' || round.results) return null
  const ideas = stardustBacklog(board)
  return (
    <section className="phone-section phone-section--voting" data-testid="phone-stardust-round">
      <h3>✦ {t('voting.stardust')}</h3>
      {round.title.trim() && <p className="phone-stardust-round__title" dir="auto">{round.title}</p>}
      {ideas.length === 0 ? <p className="hint">{t('backlog.empty')}</p> : (
        <ul className="phone-stardust-round">
          {ideas.map((idea) => (
            <li key={idea.id} data-testid="phone-round-idea" data-idea-id={idea.id}>
              <span className="phone-stardust-round__idea">
                <strong dir="auto">{idea.text}</strong>
                <span className="hint" dir="auto">{idea.touchpointTitle || t('touchpoint.untitled')}</span>
              </span>
              <VoteDots itemId={idea.id} name={idea.text} target="stardust" />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
