import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { boardDepartments, stardustBacklog } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { byRoundDots, dotsOf, lastStardustRound } from '../export/votingRecord.js'
import { IDEA_ITEMS, useKeepFocus } from '../ui/keepFocus.js'
import { PanelHeader } from '../ui/PanelHeader.js'
import { RoundDotsEntry } from './RoundDotsEntry.js'
import { StardustItem } from './StardustItem.js'

/**
 * Every stardust idea on the board, most votes first, with the touchpoint it belongs to, an owner and a status. While a
 * stardust round's results show, the ideas go by the round's dots (the numbers they show), upvotes among equals; once
 * it has closed, they go by its dots the same way, each shown beside the idea, until the next stardust round starts.
 */
export function BacklogPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { board, session: { session } } = useBoard()
  const current = session.voting?.target === 'stardust' ? session.voting : null
  const revealed = current?.results ? current : null
  // A stardust round under way (its dots hidden until revealed) leaves the last closed one's aside.
  const closed = current ? null : lastStardustRound(session.votingHistory)
  const backlog = byRoundDots(stardustBacklog(board), revealed ?? closed)
  // × on an idea: the keyboard goes on at the next idea, or the panel's close button when the last went.
  const panel = useRef<HTMLElement>(null)
  useKeepFocus(panel, { items: IDEA_ITEMS, control: '.entry-remove', fallback: () => panel.current?.querySelector('[data-testid="panel-close"]') })
  const hint = closed ? closedHint(closed, t, i18n.language) : t(revealed ? 'backlog.hintRound' : 'backlog.hint')
  return (
    <aside ref={panel} className="details details--wide" aria-label={t('backlog.heading')} data-testid="backlog-panel">
      <PanelHeader title={`✦ ${t('backlog.heading')} · ${backlog.length}`} onClose={onClose} takeFocus />
      <p className="hint" data-testid="backlog-order">{hint}</p>
      <datalist id="board-departments">
        {boardDepartments(board).map((d) => <option key={d} value={d} />)}
      </datalist>
      <ul className="idea-list">
        {backlog.map((idea) => closed
          ? <RoundDotsEntry key={idea.id} dots={dotsOf(closed, idea.id)}><StardustItem idea={idea} backlog /></RoundDotsEntry>
          : <StardustItem key={idea.id} idea={idea} backlog />)}
      </ul>
      {backlog.length === 0 && <p className="hint">{t('backlog.empty')}</p>}
    </aside>
  )
}

/** Which round orders the backlog: its title, if it has one, and when it opened (the time, or the date too on another day). */
function closedHint(round: VotingRound, t: ReturnType<typeof useTranslation>['t'], language: string): string {
  const opened = new Date(round.openedAt)
  const when = opened.toDateString() === new Date().toDateString()
    ? opened.toLocaleTimeString(language, { timeStyle: 'short' })
    : opened.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })
  const title = round.title.trim()
  return title ? t('backlog.hintClosedTitled', { title, when }) : t('backlog.hintClosed', { when })
}
