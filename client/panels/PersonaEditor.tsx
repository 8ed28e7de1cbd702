import { useTranslation } from 'react-i18next'
import { MAX_PERSONA_NAME_LENGTH, PERSONA_COLORS, removePersona, updatePersona } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { CommitField } from '../ui/CommitField.js'
import { Modal } from '../ui/Modal.js'

/** Name, short description and colour of a persona; remove it with its journey (not the last one). */
export function PersonaEditor({ personaId, onClose }: { personaId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { doc, origin, board } = useBoard()
  const persona = board.personas.find((p) => p.id === personaId)
  if (!persona) return null
  return (
    <Modal className="share" label={t('personas.edit')} testId="persona-editor" onClose={onClose}>
        <h2>{t('personas.edit')}</h2>
        <label htmlFor="persona-name">{t('personas.name')}</label>
        <CommitField id="persona-name" testId="persona-name" value={persona.name} maxLength={MAX_PERSONA_NAME_LENGTH} required
          onCommit={(name) => updatePersona(doc, persona.id, { name }, origin)} />
        <label htmlFor="persona-description">{t('personas.description')}</label>
        <CommitField id="persona-description" value={persona.description} multiline rows={2} maxLength={300}
          onCommit={(description) => updatePersona(doc, persona.id, { description }, origin)} />
        <div className="swatches" role="radiogroup" aria-label={t('personas.color')}>
          {PERSONA_COLORS.map((color) => (
            <button key={color} type="button" role="radio" aria-checked={persona.color === color} aria-label={color}
              className={`swatch${persona.color === color ? ' is-active' : ''}`} style={{ background: color }}
              onClick={() => updatePersona(doc, persona.id, { color }, origin)} />
          ))}
        </div>
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
