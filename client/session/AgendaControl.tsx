import { useTranslation } from 'react-i18next'
import { AGENDA_STEPS } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'
import { useSettled } from './useSettled.js'

/** The workshop's steps: collect, rank, examine, delight, assign. The facilitator moves; everyone reads the instruction. */
export function AgendaControl({ large = false }: { large?: boolean }) {
  const { t } = useTranslation()
  const { session: { session, send }, isFacilitator } = useBoard()
  const step = session.agenda.step
  const index = step ? AGENDA_STEPS.indexOf(step) : -1
  const settled = useSettled(step)
  if (!step && !isFacilitator) return null
  // Says the step it moves on from: a co-facilitator's Next that crossed this one on the way does not skip a step.
  const go = (i: number) => settled(() => send({ type: 'agenda.go', step: i < 0 ? null : AGENDA_STEPS[Math.min(i, AGENDA_STEPS.length - 1)], from: step }))
  // Before the first step the facilitator needs only the way in.
  if (!step && !large) {
    return (
      <div className="agenda" data-testid="agenda" data-step="">
        <button type="button" className="button button--small" data-testid="agenda-next" onClick={() => go(0)}>
          <Icon name="play" /> {t('session.startAgenda')}
        </button>
      </div>
    )
  }
  return (
    <div className={`agenda${large ? ' agenda--large' : ''}`} data-testid="agenda" data-step={step ?? ''}>
      {isFacilitator && !large && <button type="button" className="button button--small" disabled={index < 0} onClick={() => go(index - 1)} aria-label={t('session.previousStep')} title={t('session.previousStep')}>‹</button>}
      <span className="agenda__step" title={step ? t(`agenda.${step}.hint`) : undefined}>
        {step ? <><strong>{index + 1}/{AGENDA_STEPS.length} · {t(`agenda.${step}.title`)}</strong> <span className="agenda__hint">{t(`agenda.${step}.hint`)}</span></> : t('session.agendaStart')}
      </span>
      {isFacilitator && !large && (index < AGENDA_STEPS.length - 1
        ? (
          <button type="button" className="button button--small" data-testid="agenda-next" onClick={() => go(index + 1)}
            aria-label={index < 0 ? undefined : t('session.nextStep')} title={index < 0 ? undefined : t('session.nextStep')}>
            {index < 0 ? t('session.startAgenda') : '›'}
          </button>
        )
        // After the last step, the agenda ends: the strip (everyone's) goes back to what it shows without one.
        : (
          <button type="button" className="button button--small" data-testid="agenda-end" onClick={() => go(-1)} title={t('session.endAgendaHint')}>
            {t('session.endAgenda')}
          </button>
        ))}
    </div>
  )
}
