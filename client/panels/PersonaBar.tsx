import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addPersona, readPersonas, separateTwinColor } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'
import { ChairButton } from './ChairButton.js'
import { PersonaEditor } from './PersonaEditor.js'
import { moveAmongRadios } from '../ui/radioKeys.js'

/**
 * Whose journey is drawn (and extended by new links); then, as one group that wraps below the personas when they need the
 * room, other journeys faded or hidden, the view mode and the empty chair.
 */
export function PersonaBar() {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, personaId, setPersonaId, showOtherJourneys, setShowOtherJourneys, viewMode, setViewMode } = useBoard()
  const [editing, setEditing] = useState<{ id: string; isNew?: boolean } | null>(null)
  // The personas added here, with the colour each was given: one added at the same moment elsewhere may have got the
  // same, and one of the two then takes another (separateTwinColor; the same one on every screen).
  const [added, setAdded] = useState<{ id: string; color: string }[]>([])
  useEffect(() => {
    for (const persona of added) separateTwinColor(doc, persona.id, persona.color, origin)
  }, [doc, origin, added, board.personas])
  const add = () => {
    const id = addPersona(doc, { name: t('personas.newName') }, origin)
    const color = readPersonas(doc).find((p) => p.id === id)?.color
    if (color) setAdded((list) => [...list, { id, color }])
    setPersonaId(id)
    setEditing({ id, isNew: true })
  }
  const persona = board.personas.find((p) => p.id === personaId)
  return (
    <div className="persona-bar">
      <div className="persona-bar__journey">
        <span className="persona-bar__label">{t('personas.journeyOf')}</span>
        <div className="persona-bar__chips" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('personas.heading')}>
          {board.personas.map((p) => (
            <button key={p.id} type="button" role="radio" aria-checked={p.id === personaId} data-testid="persona"
              className={`persona-chip${p.id === personaId ? ' is-active' : ''}`} style={{ '--persona': p.color } as React.CSSProperties}
              title={p.description ? `${p.name}\n${p.description}` : p.name} onClick={() => setPersonaId(p.id)} onDoubleClick={() => !readOnly && setEditing({ id: p.id })}>
              <span className="persona-chip__dot" /><span className="persona-chip__name" dir="auto">{p.name}</span>
            </button>
          ))}
          {!readOnly && (
            <button type="button" className="persona-chip persona-chip--add" data-testid="add-persona"
              onClick={add}>
              + {t('personas.add')}
            </button>
          )}
          {!readOnly && persona && (
            <button type="button" className="button button--ghost button--small" data-testid="edit-persona" onClick={() => setEditing({ id: persona.id })}
              aria-label={t('personas.editNamed', { name: persona.name })} title={t('personas.editNamed', { name: persona.name })}><Icon name="edit" /></button>
          )}
        </div>
      </div>
      <div className="persona-bar__view">
        <label className="toggle toggle--small">
          <input type="checkbox" checked={showOtherJourneys} onChange={(e) => setShowOtherJourneys(e.target.checked)} data-testid="show-other-journeys" />
          <span>{t('personas.showOthers')}</span>
        </label>
        <div className="segmented segmented--small" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('view.heading')}>
          {(['journey', 'heatmap'] as const).map((mode) => (
            <button key={mode} type="button" role="radio" aria-checked={viewMode === mode} data-testid={`view-${mode}`}
              className={viewMode === mode ? 'is-active' : ''} onClick={() => setViewMode(mode)}>{t(`view.${mode}`)}</button>
          ))}
        </div>
        <ChairButton />
      </div>
      {editing && <PersonaEditor personaId={editing.id} isNew={editing.isNew} onClose={() => setEditing(null)} />}
    </div>
  )
}
