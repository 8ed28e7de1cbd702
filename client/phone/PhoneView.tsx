import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardState, type Touchpoint, journeyOrder } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { ChairButton } from '../panels/ChairButton.js'
import { PhoneFocusCard } from './PhoneFocusCard.js'
import { PhoneStepRow } from './PhoneStepRow.js'

/**
 * The board on a phone: the selected persona's journey as a list, in the
 * order the customer meets the touchpoints, then the touchpoints off the
 * journey. Tapping one opens its focus card; so does the facilitator setting
 * the focus.
 */
export function PhoneView() {
  const { t } = useTranslation()
  const { board, personaId, session: { session } } = useBoard()
  const [openId, setOpenId] = useState<string | null>(null)
  const focusId = session.focusTouchpointId
  useEffect(() => {
    if (focusId) setOpenId(focusId)
  }, [focusId])

  const byId = new Map(board.touchpoints.map((tp) => [tp.id, tp]))
  const order = journeyOrder(board, personaId)
  const steps = order.flatMap((id) => byId.get(id) ?? [])
  const onJourney = new Set(order)
  const others = board.touchpoints.filter((tp) => !onJourney.has(tp.id)).sort(byCell(board))
  const open = openId ? byId.get(openId) : undefined

  return (
    <main className="phone-view" data-testid="phone-view">
      <div className="phone-list" inert={open ? true : undefined} aria-hidden={open ? true : undefined}>
        <PersonaPicker />
        <div className="phone-chair"><ChairButton variant="phone" /></div>
        {steps.length === 0 && <p className="hint phone-empty">{t('phone.emptyJourney')}</p>}
        <ol className="phone-steps" data-testid="phone-steps">
          {steps.map((tp, i) => (
            <PhoneStepRow key={tp.id} touchpoint={tp} number={i + 1} previous={steps[i - 1]} testId="phone-step" onOpen={setOpenId} />
          ))}
        </ol>
        {others.length > 0 && (
          <>
            <h2 className="phone-list__heading">{t('phone.others')}</h2>
            <ul className="phone-steps" data-testid="phone-others">
              {others.map((tp) => <PhoneStepRow key={tp.id} touchpoint={tp} testId="phone-other" onOpen={setOpenId} />)}
            </ul>
          </>
        )}
      </div>
      {open && <PhoneFocusCard key={open.id} touchpoint={open} onClose={() => setOpenId(null)} />}
    </main>
  )
}

/** Whose journey the list follows. */
function PersonaPicker() {
  const { t } = useTranslation()
  const { board, personaId, setPersonaId } = useBoard()
  if (board.personas.length === 0) return null
  return (
    <div className="phone-personas">
      <span className="phone-personas__label">{t('personas.journeyOf')}</span>
      <div className="phone-personas__chips" role="radiogroup" aria-label={t('personas.heading')}>
        {board.personas.map((p) => (
          <button key={p.id} type="button" role="radio" aria-checked={p.id === personaId} data-testid="phone-persona" data-persona-id={p.id}
            className={`persona-chip phone-persona${p.id === personaId ? ' is-active' : ''}`} style={{ '--persona': p.color } as React.CSSProperties}
            onClick={() => setPersonaId(p.id)}>
            <span className="persona-chip__dot" />{p.name}
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
