import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardState } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'

/** One idea's place in a revealed stardust round. */
export interface RankedIdea { id: string; rank: number; count: number; text: string; touchpoint: string | null; removed: boolean }

/**
 * The ideas of a revealed stardust round that got dots, most first (ties share a rank, then go by text): an idea
 * deleted since by the name the round recorded.
 */
export function rankedIdeas(round: VotingRound, board: BoardState): RankedIdea[] {
  const titles = new Map(board.touchpoints.map((tp) => [tp.id, tp.title]))
  const ideas = new Map(board.stardust.map((idea) => [idea.id, idea]))
  const counted = Object.entries(round.results ?? {}).filter(([, count]) => count > 0).map(([id, count]) => {
    const idea = ideas.get(id)
    return { id, count, text: idea?.text ?? round.names?.[id] ?? '', touchpoint: idea ? titles.get(idea.touchpointId) ?? null : null, removed: !idea }
  })
  counted.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
  // Sorted by count, the first idea with as many dots holds the shared rank: 1, 2, 2, 4.
  return counted.map((idea) => ({ ...idea, rank: counted.findIndex((other) => other.count === idea.count) + 1 }))
}

/** The stardust round whose results are revealed, if one is. */
export function useRevealedStardust(): VotingRound | null {
  const round = useBoard().session.session.voting
  return round && round.target === 'stardust' && round.status === 'revealed' ? round : null
}

/** How many ideas the list shows: the rest are counted below it. */
const SHOWN = { canvas: 8, projector: 7, phone: 5 }

/**
 * The results of a revealed stardust round (the ideas sit in the cards' panels, so the board itself shows no dots): on
 * the projector for the room, in the QR code's place (everyone has joined by then); over the canvas of every laptop
 * and at the top of a phone's list for whoever wants to read along, where each can hide it until the next round is
 * revealed. Closing the round ends it (its results stay under Priority).
 */
export function StardustResults({ variant = 'canvas' }: { variant?: keyof typeof SHOWN }) {
  const projector = variant === 'projector'
  const { t } = useTranslation()
  const { board } = useBoard()
  const [hidden, setHidden] = useState<string | null>(null)
  const round = useRevealedStardust()
  const section = useRef<HTMLElement>(null)
  // The facilitator revealing is a "look here" to the room, as their focus is: a phone scrolls its list to the results.
  const revealed = round?.id
  useEffect(() => {
    if (variant === 'phone' && revealed) section.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [variant, revealed])
  if (!round || hidden === round.id) return null
  const ranked = rankedIdeas(round, board)
  const shown = ranked.slice(0, SHOWN[variant])
  const most = ranked[0]?.count ?? 0
  return (
    <section ref={section} className={`stardust-results stardust-results--${variant}`} data-testid="stardust-results" aria-label={t('voting.resultsTitle')}>
      <header>
        <h2>✦ {t('voting.resultsTitle')}</h2>
        {!projector && <button type="button" className="button button--icon" aria-label={t('voting.hideResults')} title={t('voting.hideResults')}
          data-testid="stardust-results-hide" onClick={() => setHidden(round.id)}>×</button>}
      </header>
      {ranked.length === 0 && <p className="hint">{t('voting.noDots')}</p>}
      <ol>
        {shown.map((idea) => (
          <li key={idea.id} data-testid="stardust-result">
            <span className="stardust-results__rank">{idea.rank}.</span>
            <span className="stardust-results__idea">
              <span className="stardust-results__text">{idea.text}{idea.removed && <span className="hint"> {t('voting.removed')}</span>}</span>
              {idea.touchpoint && <span className="stardust-results__touchpoint">{idea.touchpoint}</span>}
              <span className="stardust-results__bar" style={{ width: `${(100 * idea.count) / most}%` }} />
            </span>
            <span className="vote-dots vote-dots--result" data-testid="stardust-result-count">● {idea.count}</span>
          </li>
        ))}
      </ol>
      {ranked.length > shown.length && <p className="hint" data-testid="stardust-results-more">{t('voting.moreIdeas', { count: ranked.length - shown.length })}</p>}
    </section>
  )
}
