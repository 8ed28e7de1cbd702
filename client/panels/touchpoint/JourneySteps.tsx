import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Touchpoint, linkTouchpoints, personaJourney, touchpointsInBoardOrder, unlinkStep } from '../../../shared/model/index.js'
import { useBoard } from '../../board/BoardContext.js'

interface Props {
  touchpoint: Touchpoint
  /** Shows another touchpoint (the laptop's panel selects it and moves the view); none on a phone. */
  onShow?: (id: string) => void
}

/**
 * The shown persona's journey steps into and out of one touchpoint, with a list to add a step before or after it and a
 * button to remove each: the journey drawn without dragging from a card's dot, from the keyboard, a screen reader or a
 * phone. Steps added here are the same as steps drawn on the canvas (linkTouchpoints), so Ctrl+Z takes them back.
 */
export function JourneySteps({ touchpoint, onShow }: Props) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, personaId } = useBoard()
  const id = useId()
  /** The card chosen in each list, added with its button: a closed list's arrow keys change the choice as they go. */
  const [chosen, setChosen] = useState<{ before: string; after: string }>({ before: '', after: '' })
  const section = useRef<HTMLElement>(null)
  const persona = board.personas.find((p) => p.id === personaId)
  if (!persona) return null
  const steps = personaJourney(board, persona.id)
  const titleOf = new Map(board.touchpoints.map((c) => [c.id, c.title || t('touchpoint.untitled')]))
  const others = touchpointsInBoardOrder(board).filter((c) => c.id !== touchpoint.id)
  const before = steps.filter((s) => s.to === touchpoint.id && titleOf.has(s.from))
  const after = steps.filter((s) => s.from === touchpoint.id && titleOf.has(s.to))
  const own = titleOf.get(touchpoint.id)!
  // Titles repeat (two "Website" cards in different phases): each choice says where its card is.
  const phaseName = new Map(board.phases.map((p) => [p.id, p.name]))
  const laneName = new Map(board.lanes.map((l) => [l.id, l.name]))
  const choiceLabel = (c: Touchpoint) => `${titleOf.get(c.id)} · ${phaseName.get(c.phaseId) ?? ''} · ${laneName.get(c.laneId) ?? ''}`
  const groups = [
    { key: 'before', heading: t('journey.comesAfter'), add: t('journey.addBefore'), steps: before, other: (s: { from: string; to: string }) => s.from,
      link: (other: string) => linkTouchpoints(doc, persona.id, other, touchpoint.id, origin) },
    { key: 'after', heading: t('journey.leadsTo'), add: t('journey.addAfter'), steps: after, other: (s: { from: string; to: string }) => s.to,
      link: (other: string) => linkTouchpoints(doc, persona.id, touchpoint.id, other, origin) },
  ] as const
  return (
    <section ref={section} className="journey-steps" data-testid="journey-steps" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="journey-steps__heading" style={{ '--persona': persona.color } as React.CSSProperties}>
        <span className="persona-chip__dot" aria-hidden="true" /> {t('personas.journeyOfName', { name: persona.name })}
      </h3>
      {groups.map((group) => {
        const linked = new Set(group.steps.map(group.other))
        const choices = others.filter((c) => !linked.has(c.id))
        return (
          <div key={group.key} className="journey-steps__group" data-testid={`journey-steps-${group.key}`}>
            <h4 className="journey-steps__label">{group.heading}</h4>
            {group.steps.length === 0 ? <p className="journey-steps__none">{t('journey.noStep')}</p> : (
              <ul className="journey-steps__list">
                {group.steps.map((step) => {
                  const other = group.other(step)
                  const name = titleOf.get(other)!
                  const [from, to] = group.key === 'before' ? [name, own] : [own, name]
                  return (
                    <li key={step.id} data-testid="journey-step-item" data-touchpoint-id={other}>
                      {onShow
                        ? <button type="button" className="link-button journey-steps__card" onClick={() => onShow(other)}>{name}</button>
                        : <span className="journey-steps__card">{name}</span>}
                      {!readOnly && (
                        <button type="button" className="journey-steps__remove" data-testid="journey-step-remove"
                          aria-label={t('journey.removeStepBetween', { from, to })} title={t('journey.removeStepBetween', { from, to })}
                          onClick={() => {
                            unlinkStep(doc, step.id, origin)
                            // The keyboard goes on from the group's list, not from the top of the page.
                            requestAnimationFrame(() => section.current?.querySelector<HTMLElement>(`[data-testid="journey-add-${group.key}"]`)?.focus())
                          }}>×</button>
                      )}
                    </li>
                  )
                })}
              </ul>
            )}
            {!readOnly && choices.length > 0 && (
              <div className="journey-steps__adding">
                <select className="journey-steps__add" data-testid={`journey-add-${group.key}`} aria-label={group.add}
                  value={choices.some((c) => c.id === chosen[group.key]) ? chosen[group.key] : ''}
                  onChange={(e) => setChosen((was) => ({ ...was, [group.key]: e.target.value }))}>
                  <option value="">{group.add}</option>
                  {choices.map((c) => <option key={c.id} value={c.id}>{choiceLabel(c)}</option>)}
                </select>
                <button type="button" className="button button--small" data-testid={`journey-add-${group.key}-button`}
                  disabled={!choices.some((c) => c.id === chosen[group.key])}
                  onClick={() => {
                    const added = chosen[group.key]
                    group.link(added)
                    setChosen((was) => ({ ...was, [group.key]: '' }))
                    // The button turns disabled with the list emptied: the focus goes back to the list, not to the page (QA).
                    // With the last card added the list goes too: the focus goes to the step just added.
                    requestAnimationFrame(() => {
                      const list = section.current?.querySelector<HTMLElement>(`[data-testid="journey-add-${group.key}"]`)
                      const step = section.current?.querySelector(`[data-testid="journey-steps-${group.key}"] [data-touchpoint-id="${CSS.escape(added)}"]`)
                      ;(list ?? step?.querySelector<HTMLElement>('button'))?.focus()
                    })
                  }}>{t('journey.addStep')}</button>
              </div>
            )}
          </div>
        )
      })}
    </section>
  )
}
