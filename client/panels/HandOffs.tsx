import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { journeyOwnership } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { scrollBehavior } from '../ui/motion.js'

function useJourneyOwnership() {
  const { board, personaId } = useBoard()
  return useMemo(() => journeyOwnership(board, personaId), [board, personaId])
}

/** At the Priority panel's top: how many hand-offs and unowned touchpoints the journey has, a link down to the list. */
export function HandOffsSummary() {
  const { t } = useTranslation()
  const { handOffs, unowned } = useJourneyOwnership()
  if (handOffs.length === 0 && unowned.length === 0) return null
  const parts = [t('handOffs.count', { count: handOffs.length }), ...(unowned.length ? [t('handOffs.unownedCount', { count: unowned.length })] : [])]
  return (
    <p className="hand-offs__summary">
      <a href="#hand-offs-heading" data-testid="hand-offs-summary"
        onClick={(e) => { e.preventDefault(); document.getElementById('hand-offs-heading')?.scrollIntoView({ behavior: scrollBehavior(), block: 'start' }) }}>
        ⇄ {parts.join(' · ')} ↓
      </a>
    </p>
  )
}

/**
 * Where the shown persona's journey passes the customer from one department to another (most failures happen there:
 * "you will be connected"), and its touchpoints that no department owns. Both are worked on in the agenda's last step.
 */
export function HandOffs() {
  const { t } = useTranslation()
  const { board, personaId, showCards } = useBoard()
  const persona = board.personas.find((p) => p.id === personaId)
  const { handOffs, unowned } = useJourneyOwnership()
  if (!persona) return null
  return (
    <section className="hand-offs" data-testid="hand-offs" aria-labelledby="hand-offs-heading">
      <h3 id="hand-offs-heading">{t('handOffs.heading', { name: persona.name })}</h3>
      <p className="hint">{t('handOffs.hint')}</p>
      {handOffs.length === 0
        ? <p className="hint" data-testid="hand-offs-none">{t('handOffs.none')}</p>
        : (
          <ol className="hand-offs__list">
            {handOffs.map(({ stepId, from, to }) => (
              <li key={stepId} data-testid="hand-off">
                <button type="button" className="hand-offs__show" title={t('handOffs.showStep')} onClick={() => showCards([from.id, to.id])}>
                  <strong>{from.department.trim() || t('handOffs.nobody')} → {to.department.trim() || t('handOffs.nobody')}</strong>
                  <span className="hint">{from.title} → {to.title}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      {unowned.length > 0 && (
        <>
          <h4>{t('handOffs.unowned', { count: unowned.length })}</h4>
          <ul className="hand-offs__list">
            {unowned.map((tp) => (
              <li key={tp.id} data-testid="unowned">
                <button type="button" className="hand-offs__show" title={t('handOffs.showUnowned')} onClick={() => showCards([tp.id])}>{tp.title}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
