import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardState } from '../../shared/model/index.js'
import { byRoundOrder } from '../../shared/roundOrder.js'
import type { VotingRound } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { PhaseAndLane } from '../ui/Bidi.js'
import { scrollBehavior } from '../ui/motion.js'

/** One item's place in a revealed round: a touchpoint (under it, its cell) or a stardust idea (under it, its touchpoint). */
export interface RankedItem { id: string; rank: number; count: number; text: string; under: string | null; where?: { phase: string; lane: string }; removed: boolean }

/**
 * The items of a revealed round that got dots, in the round's order (byRoundOrder: most first; ties share a rank, and go
 * by upvotes, then by name, as in the backlog): one deleted since by the name the round recorded.
 */
export function rankedItems(round: VotingRound, board: BoardState): RankedItem[] {
  const touchpoints = new Map(board.touchpoints.map((tp) => [tp.id, tp]))
  const phases = new Map(board.phases.map((phase) => [phase.id, phase.name]))
  const lanes = new Map(board.lanes.map((lane) => [lane.id, lane.name]))
  const ideas = new Map(board.stardust.map((idea) => [idea.id, idea]))
  const named = (id: string): { text: string; under: string | null; where?: { phase: string; lane: string } } | null => {
    if (round.target === 'touchpoints') {
      const touchpoint = touchpoints.get(id)
      if (!touchpoint) return null
      const where = { phase: phases.get(touchpoint.phaseId) ?? '', lane: lanes.get(touchpoint.laneId) ?? '' }
      return { text: touchpoint.title, under: `${where.phase} · ${where.lane}`, where }
    }
    const idea = ideas.get(id)
    return idea ? { text: idea.text, under: touchpoints.get(idea.touchpointId)?.title ?? null } : null
  }
  const counted = Object.entries(round.results ?? {}).filter(([, count]) => count > 0).map(([id, count]) => {
    const now = named(id)
    return { id, count, text: now?.text ?? round.names?.[id] ?? '', under: now?.under ?? null, ...(now?.where ? { where: now.where } : {}), removed: !now }
  })
  const upvotes = (id: string) => (round.target === 'stardust' ? ideas.get(id)?.voters.length : 0) ?? 0
  counted.sort((a, b) => byRoundOrder({ id: a.id, dots: a.count, upvotes: upvotes(a.id), name: a.text }, { id: b.id, dots: b.count, upvotes: upvotes(b.id), name: b.text }))
  // Sorted by count, the first item with as many dots holds the shared rank: 1, 2, 2, 4.
  return counted.map((item) => ({ ...item, rank: counted.findIndex((other) => other.count === item.count) + 1 }))
}

/** The round whose results are revealed, if one is. */
export function useRevealedRound(): VotingRound | null {
  const round = useBoard().session.session.voting
  return round && round.status === 'revealed' ? round : null
}

/** How many items the list shows: the rest are counted below it. */
const SHOWN = { canvas: 8, projector: 7, phone: 5 }

/**
 * The ranking of a revealed dot-voting round: for stardust, whose ideas sit in the cards' panels, the only place the
 * room sees the dots; for touchpoints, the order at a glance, beside the counts on the cards. On the projector for the
 * room, in the QR code's place (everyone has joined by then); over the canvas of every laptop and at the top of a
 * phone's list (which scrolls to it, as it opens the facilitator's focus) for whoever wants to read along, where each
 * can hide it until the next round is revealed. Closing the round ends it (its results stay under Priority).
 */
export function VotingResults({ variant = 'canvas' }: { variant?: keyof typeof SHOWN }) {
  const { t } = useTranslation()
  const { board } = useBoard()
  const [hidden, setHidden] = useState<string | null>(null)
  const round = useRevealedRound()
  const section = useRef<HTMLElement>(null)
  const revealed = round?.id
  useEffect(() => {
    if (variant === 'phone' && revealed) section.current?.scrollIntoView({ block: 'start', behavior: scrollBehavior() })
  }, [variant, revealed])
  if (!round || hidden === round.id) return null
  const ranked = rankedItems(round, board)
  const shown = ranked.slice(0, SHOWN[variant])
  const most = ranked[0]?.count ?? 0
  const title = t(round.target === 'stardust' ? 'voting.resultsStardust' : 'voting.resultsTouchpoints')
  return (
    <section ref={section} className={`voting-results voting-results--${variant}`} data-testid="voting-results" data-target={round.target} aria-label={title}>
      <header>
        <h2>{round.target === 'stardust' ? '✦' : '●'} {title}
          {round.title.trim() && <span className="voting-results__title" data-testid="voting-results-title" dir="auto">{round.title}</span>}</h2>
        {variant !== 'projector' && <button type="button" className="button button--icon" aria-label={t('voting.hideResults')} title={t('voting.hideResults')}
          data-testid="voting-results-hide" onClick={() => setHidden(round.id)}>×</button>}
      </header>
      {ranked.length === 0 && <p className="hint">{t('voting.noDots')}</p>}
      <ol>
        {shown.map((item) => (
          <li key={item.id} data-testid="voting-result">
            <span className="voting-results__rank">{item.rank}.</span>
            <span className="voting-results__item">
              <span className="voting-results__text" dir="auto">{item.text}{item.removed && <span className="hint"> {t('voting.removed')}</span>}</span>
              {item.under && <span className="voting-results__under">{item.where ? <PhaseAndLane {...item.where} /> : <bdi>{item.under}</bdi>}</span>}
              <span className="voting-results__bar" style={{ width: `${(100 * item.count) / most}%` }} />
            </span>
            <span className="vote-dots vote-dots--result" data-testid="voting-result-count">● {item.count}</span>
          </li>
        ))}
      </ol>
      {ranked.length > shown.length && <p className="hint" data-testid="voting-results-more">{t('voting.moreItems', { count: ranked.length - shown.length })}</p>}
    </section>
  )
}
