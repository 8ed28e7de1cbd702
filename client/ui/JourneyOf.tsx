import { useTranslation } from 'react-i18next'
import type { Persona } from '../../shared/model/index.js'
import { isolated, withNames } from './Bidi.js'

/** Whose journey the board draws: the persona's colour and "Journey of …", cut short with an ellipsis where room is tight. */
export function JourneyOf({ persona }: { persona: Pick<Persona, 'name' | 'color'> }) {
  const { t } = useTranslation()
  const text = t('personas.journeyOfName', { name: isolated(persona.name) })
  return (
    <span className="journey-of" data-testid="journey-of" title={text} style={{ '--persona': persona.color } as React.CSSProperties}>
      <span className="persona-chip__dot" /><span className="journey-of__name">{withNames((names) => t('personas.journeyOfName', names), { name: persona.name })}</span>
    </span>
  )
}
