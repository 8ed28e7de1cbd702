import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_PERSONA_DESCRIPTION_LENGTH, MAX_PERSONA_NAME_LENGTH, PERSONA_COLORS, type Persona, personaMaps, removePersona, updatePersona } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { CommitField } from '../ui/CommitField.js'
import { EditTarget } from '../ui/EditTarget.js'
import { Modal } from '../ui/Modal.js'
import { moveAmongRadios } from '../ui/radioKeys.js'

/**
 * Name, short description and colour of a persona; remove it with its journey (not the last one). A persona just added
 * (`isNew`) opens with its name selected, to be typed over.
 */
export function PersonaEditor({ personaId, onClose, isNew = false }: { personaId: string; onClose: () => void; isNew?: boolean }) {
  const { t } = useTranslation()
  const { doc, origin, board } = useBoard()
  // After the dialog took the focus (Modal, a child: its effect runs first).
  useEffect(() => {
    if (!isNew) return
    const name = document.getElementById('persona-name') as HTMLInputElement | null
    name?.focus()
    name?.select()
  }, [isNew])
  const persona = board.personas.find((p) => p.id === personaId)
  if (!persona) return null
  const swatches = personaSwatches(persona, board.personas)
  const shared = swatches.find((s) => s.active)?.usedBy
  return (
    <Modal className="share" label={t('personas.edit')} testId="persona-editor" onClose={onClose}>
        <h2>{t('personas.edit')}</h2>
        <EditTarget isGone={() => !personaMaps(doc).has(persona.id)} name={persona.name}>
          <label htmlFor="persona-name">{t('personas.name')}</label>
          <CommitField id="persona-name" testId="persona-name" value={persona.name} maxLength={MAX_PERSONA_NAME_LENGTH} required
            onCommit={(name) => updatePersona(doc, persona.id, { name }, origin)} />
          <label htmlFor="persona-description">{t('personas.description')}</label>
          <CommitField id="persona-description" value={persona.description} multiline rows={2} maxLength={MAX_PERSONA_DESCRIPTION_LENGTH}
            onCommit={(description) => updatePersona(doc, persona.id, { description }, origin)} />
        </EditTarget>
        <div className="swatches" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('personas.color')}>
          {swatches.map(({ color, active, usedBy }) => {
            const used = usedBy && t('personas.usedBy', { names: usedBy })
            return (
              <button key={color} type="button" role="radio" aria-checked={active} aria-label={used ? `${color}, ${used}` : color} title={used || undefined}
                className={`swatch${active ? ' is-active' : ''}${used ? ' is-used' : ''}`} style={{ background: color }}
                data-testid="swatch" data-color={color} onClick={() => updatePersona(doc, persona.id, { color }, origin)} />
            )
          })}
        </div>
        {shared ? <p className="hint is-warning" role="status" data-testid="color-shared">{t('personas.sameColor', { names: shared })}</p>
          : swatches.some((s) => s.usedBy) && <p className="hint">{t('personas.usedLegend')}</p>}
        <div className="dialog-actions">
          <button type="button" className="button button--danger" disabled={board.personas.length <= 1}
            onClick={() => { if (window.confirm(t('personas.removeConfirm', { name: persona.name }))) { removePersona(doc, persona.id, origin); onClose() } }}>
            {t('personas.remove')}
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>{t('common.done')}</button>
        </div>
    </Modal>
  )
}

/**
 * The palette, led by the persona's own colour when it is not one of them (a board file's, or an older palette's), each
 * with the names of the other personas that have it: a colour two journeys share makes them hard to tell apart.
 */
function personaSwatches(persona: Persona, personas: readonly Persona[]) {
  const own = persona.color.toLowerCase()
  const colors = PERSONA_COLORS.includes(own) ? PERSONA_COLORS : [persona.color, ...PERSONA_COLORS]
  return colors.map((color) => {
    const names = personas.filter((p) => p.id !== persona.id && p.color.toLowerCase() === color.toLowerCase()).map((p) => p.name)
    return { color, active: color.toLowerCase() === own, usedBy: names.length ? names.join(', ') : '' }
  })
}
