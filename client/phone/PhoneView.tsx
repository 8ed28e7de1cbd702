import { PhoneStardustRound } from './PhoneStardustRound.js'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardState, type Touchpoint, journeyOrder } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { VotingResults } from '../session/VotingResults.js'
import { ChairButton } from '../panels/ChairButton.js'
import { Icon } from '../ui/Icon.js'
import { PhoneAddBar, type PhoneDone } from './PhoneAddBar.js'
import { type AddChoice, PhoneAddTouchpoint } from './PhoneAddTouchpoint.js'
import { PhoneFocusCard } from './PhoneFocusCard.js'
import { PhoneInstruction } from './PhoneHeader.js'
import { PhoneStepRow } from './PhoneStepRow.js'
import { PhoneTyping } from './phoneTyping.js'
import { moveAmongRadios } from '../ui/radioKeys.js'
import { chooseView } from './useIsPhone.js'

/**
 * The board on a phone: the selected persona's journey as a list, in the
 * order the customer meets the touchpoints, then the touchpoints off the
 * journey. Tapping one opens its focus card; so does the facilitator setting
 * the focus, over a card left with text typed into it (which Back returns to) or in place of one without. "+ Touchpoint" adds one; it is then scrolled to and marked. A touchpoint added from here can be deleted
 * from its focus card; a line over "+ Touchpoint" says what was just added or deleted.
 */
export function PhoneView({ onShare }: { onShare: () => void }) {
  const { t } = useTranslation()
  const { board, personaId, readOnly, session: { session } } = useBoard()
  /** The focus cards open, the one on top shown; those under it hold text not yet added. */
  const [stack, setStack] = useState<string[]>([])
  const typing = useRef(new Map<string, Set<string>>())
  const reportTyping = useCallback((id: string, key: string, typed: boolean) => {
    const keys = typing.current.get(id) ?? new Set<string>()
    if (typed) keys.add(key)
    else keys.delete(key)
    if (keys.size > 0) typing.current.set(id, keys)
    else typing.current.delete(id)
  }, [])
  const [adding, setAdding] = useState(false)
  const [lastChoice, setLastChoice] = useState<AddChoice | null>(null)
  const done = useDone()
  const focusId = session.focusTouchpointId
  useEffect(() => {
    if (focusId) setStack((open) => [...open.filter((id) => id !== focusId && typing.current.has(id)), focusId])
  }, [focusId])
  const openCard = useCallback((id: string) => setStack([id]), [])
  const closeTop = () => setStack((open) => open.slice(0, -1))

  const byId = new Map(board.touchpoints.map((tp) => [tp.id, tp]))
  const order = journeyOrder(board, personaId)
  const steps = order.flatMap((id) => byId.get(id) ?? [])
  const onJourney = new Set(order)
  const others = board.touchpoints.filter((tp) => !onJourney.has(tp.id)).sort(byCell(board))
  // A card removed meanwhile is gone from the stack too (a field's text in it is kept in a note: useKeepIfGone).
  const cards = stack.flatMap((id) => byId.get(id) ?? [])
  const covered = cards.length > 0 || adding
  const canAdd = !readOnly && board.phases.length > 0 && board.lanes.length > 0
  const landed = done.added ? byId.get(done.added) : undefined
  const doneNote: PhoneDone | null = landed ? { kind: 'added', title: landed.title }
    : done.deleted !== null ? { kind: 'deleted', title: done.deleted } : null

  return (
    <main className="phone-view" data-testid="phone-view" tabIndex={-1}>
      <div ref={done.list} className="phone-list" inert={covered ? true : undefined} aria-hidden={covered ? true : undefined}>
        <PhoneInstruction />
        <VotingResults variant="phone" />
        <PhoneStardustRound />
        <PersonaPicker />
        <div className="phone-chair">
          <ChairButton variant="phone" />
          {/* The links to hand out (a board made on a phone opens on its facilitator link, which gives full rights). */}
          <button type="button" className="button phone-share" data-testid="share" onClick={onShare}><Icon name="share" /> {t('toolbar.share')}</button>
          {/* The grid and every tool (agenda, voting, export…), for whoever needs them on a small screen; kept for this browser. */}
          <button type="button" className="button phone-full-board" data-testid="view-switch" data-view="board" title={t('layout.fullBoardHint')}
            onClick={() => chooseView('board')}><Icon name="board" /> {t('layout.fullBoard')}</button>
        </div>
        {steps.length === 0 && <p className="hint phone-empty" data-testid="phone-empty">{t(board.touchpoints.length === 0 ? (readOnly ? 'phone.emptyBoardWatch' : 'phone.emptyBoard') : 'phone.emptyJourney')}</p>}
        <ol className="phone-steps" data-testid="phone-steps">
          {steps.map((tp, i) => (
            <PhoneStepRow key={tp.id} touchpoint={tp} number={i + 1} previous={steps[i - 1]} testId="phone-step" onOpen={openCard}
              landed={tp.id === done.added} />
          ))}
        </ol>
        {others.length > 0 && (
          <>
            <h2 className="phone-list__heading">{t('phone.others')}</h2>
            <ul className="phone-steps" data-testid="phone-others">
              {others.map((tp) => <PhoneStepRow key={tp.id} touchpoint={tp} testId="phone-other" onOpen={openCard} landed={tp.id === done.added} />)}
            </ul>
          </>
        )}
        {canAdd && <PhoneAddBar done={doneNote} onAdd={() => { done.clear(); setAdding(true) }} />}
      </div>
      {/* The facilitator's focus opens over the form, and closing it returns to what was typed. */}
      {adding && (
        <PhoneAddTouchpoint last={lastChoice} covered={cards.length > 0} onClose={() => setAdding(false)}
          onAdded={(id, choice) => { setLastChoice(choice); setAdding(false); done.show({ added: id }) }} />
      )}
      <PhoneTyping.Provider value={reportTyping}>
        {cards.map((card, i) => (
          <PhoneFocusCard key={card.id} touchpoint={card} covered={i < cards.length - 1} onClose={closeTop}
            onDeleted={(title) => { closeTop(); done.show({ deleted: title }) }} />
        ))}
      </PhoneTyping.Provider>
    </main>
  )
}

/** How long a touchpoint just added stays marked in the list, and the line on what was just done stays. */
const DONE_MS = 8000

/**
 * What was just done from this phone: a touchpoint added (scrolled to, focused and marked, so its author sees where
 * it went) or one deleted (its title), for a few seconds.
 */
function useDone() {
  const [done, setDone] = useState<{ added?: string; deleted?: string } | null>(null)
  const list = useRef<HTMLDivElement>(null)
  const added = done?.added ?? null
  useEffect(() => {
    if (!added) return
    const row = list.current?.querySelector<HTMLElement>(`[data-touchpoint-id="${CSS.escape(added)}"] .phone-step__open`)
    row?.focus({ preventScroll: true })
    row?.scrollIntoView({ block: 'center' })
  }, [added])
  useEffect(() => {
    if (!done) return
    const timer = window.setTimeout(() => setDone(null), DONE_MS)
    return () => window.clearTimeout(timer)
  }, [done])
  return { added, deleted: done?.deleted ?? null, list, show: setDone, clear: () => setDone(null) }
}

/** Up to this many personas wrap onto a second line, each name whole; more take one row that scrolls sideways. */
const FEW_PERSONAS = 3

/**
 * Whose journey the list follows: one row of chips that scrolls sideways, so a board with many personas still shows its
 * journey on the first screen (wrapped, eight personas filled a 360 × 640 phone), the chosen one scrolled into sight.
 */
function PersonaPicker() {
  const { t } = useTranslation()
  const { board, personaId, setPersonaId } = useBoard()
  const row = useRef<HTMLDivElement>(null)
  useEffect(() => {
    row.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [personaId])
  if (board.personas.length === 0) return null
  return (
    <div className="phone-personas">
      <span className="phone-personas__label">{t('personas.journeyOf')}</span>
      <div ref={row} className={`phone-personas__chips${board.personas.length <= FEW_PERSONAS ? ' phone-personas__chips--wrap' : ''}`} role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('personas.heading')}>
        {board.personas.map((p) => (
          <button key={p.id} type="button" role="radio" aria-checked={p.id === personaId} data-testid="phone-persona" data-persona-id={p.id}
            className={`persona-chip phone-persona${p.id === personaId ? ' is-active' : ''}`} style={{ '--persona': p.color } as React.CSSProperties}
            title={p.name} onClick={() => setPersonaId(p.id)}>
            <span className="persona-chip__dot" /><span className="persona-chip__name">{p.name}</span>
          </button>
        ))}
      </div>
    </div>
  )
}

/** Touchpoints off the journey, in board order: phase by phase, lane by lane. */
function byCell(board: BoardState) {
  const phase = new Map(board.phases.map((p, i) => [p.id, i]))
  const lane = new Map(board.lanes.map((l, i) => [l.id, i]))
  return (a: Touchpoint, b: Touchpoint) =>
    (phase.get(a.phaseId) ?? 0) - (phase.get(b.phaseId) ?? 0) || (lane.get(a.laneId) ?? 0) - (lane.get(b.laneId) ?? 0) || a.position - b.position
}
