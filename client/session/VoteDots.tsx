import { type CSSProperties, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionCommandInput, VotingTarget } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'

/**
 * An item's dots in a voting round: the count once revealed (and, for a bar, its share of the most any item got), else this
 * person's own votes and whether one is left.
 */
export type VoteState = { result: number; share?: number } | { mine: number; canCast: boolean }

/** Dots on a touchpoint or stardust idea during a voting round: your own while hidden, everyone's once revealed. */
export function VoteDots({ itemId, name, target, bar = false }: { itemId: string; name: string; target: VotingTarget; bar?: boolean }) {
  const { t } = useTranslation()
  const { session: { session, send, myVotes }, readOnly } = useBoard()
  const round = session.voting
  if (!round || round.target !== target) return null
  const state: VoteState = round.results
    ? { result: round.results[itemId] ?? 0, ...(bar ? { share: (round.results[itemId] ?? 0) / Math.max(1, ...Object.values(round.results)) } : {}) }
    : { mine: myVotes.filter((id) => id === itemId).length, canCast: round.votesPerPerson - myVotes.length > 0 }
  return <VoteDotsView itemId={itemId} name={name} state={state} readOnly={readOnly} send={send} t={t} />
}

/** The dots themselves, from props only (the canvas' cards get their state in their node data). */
export function VoteDotsView({ itemId, name, state, readOnly, send, t }: {
  itemId: string
  /** What the dots are on (a card's title, an idea): the buttons say it, as they repeat down the board. */
  name: string
  state: VoteState
  readOnly: boolean
  send: (command: SessionCommandInput) => void
  t: (key: string, options?: Record<string, unknown>) => string
}) {
  const cast = useRef<HTMLButtonElement>(null)
  if ('result' in state) {
    if (state.share === undefined) {
      return <span className="vote-dots vote-dots--result" data-testid="vote-result" data-count={state.result}>● {state.result}</span>
    }
    // A bar as long as the item's share of the top result: the lengths compare at a glance down a list.
    return (
      <span className="vote-dots vote-dots--result vote-dots--bar" data-testid="vote-result" data-count={state.result}
        style={{ '--share': state.share } as CSSProperties}>● {state.result}</span>
    )
  }
  // Someone who only watches has no dots: the result, once shown, is all there is for them.
  if (readOnly) return null
  const { mine, canCast } = state
  return (
    <span className="vote-dots nodrag" data-testid="vote-dots" data-mine={mine}>
      {mine > 0 && (
        <button type="button" aria-label={t('voting.retractFrom', { name })} data-testid="vote-retract"
          onClick={(e) => {
            e.stopPropagation()
            send({ type: 'vote.retract', itemId })
            // The last dot taken back takes this button with it: the keyboard goes on at +, not from the page's top.
            if (mine === 1 && e.currentTarget === document.activeElement) cast.current?.focus()
          }}>−</button>
      )}
      <span className="vote-dots__mine" data-count={mine}>{'●'.repeat(mine) || '○'}</span>
      {/* With no dot left, + still answers a press: the relay refuses the dot and the toast says why (a disabled + said nothing). */}
      <button ref={cast} type="button" aria-label={t('voting.castOn', { name })} data-testid="vote-cast" aria-disabled={!canCast || undefined}
        onClick={(e) => { e.stopPropagation(); send({ type: 'vote.cast', itemId }) }}>+</button>
    </span>
  )
}
