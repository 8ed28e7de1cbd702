import { useTranslation } from 'react-i18next'
import { boardDepartments, stardustBacklog } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { PanelHeader } from '../ui/PanelHeader.js'
import { StardustItem } from './StardustItem.js'

/**
 * Every stardust idea on the board, most votes first, with the touchpoint it belongs to, an owner and a status. While a
 * stardust round's results show, the ideas go by the round's dots (the numbers they show), upvotes among equals.
 */
export function BacklogPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { board, session: { session } } = useBoard()
  const results = session.voting?.target === 'stardust' ? session.voting.results : null
  const byVotes = stardustBacklog(board)
  const backlog = results ? [...byVotes].sort((a, b) => (results[b.id] ?? 0) - (results[a.id] ?? 0)) : byVotes
  return (
    <aside className="details details--wide" aria-label={t('backlog.heading')} data-testid="backlog-panel">
      <PanelHeader title={`✦ ${t('backlog.heading')} · ${backlog.length}`} onClose={onClose} takeFocus />
      <p className="hint">{t(results ? 'backlog.hintRound' : 'backlog.hint')}</p>
      <datalist id="board-departments">
        {boardDepartments(board).map((d) => <option key={d} value={d} />)}
      </datalist>
      <ul className="idea-list">
        {backlog.map((idea) => <StardustItem key={idea.id} idea={idea} backlog />)}
      </ul>
      {backlog.length === 0 && <p className="hint">{t('backlog.empty')}</p>}
    </aside>
  )
}
