import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Touchpoint, moveTouchpoint, removeTouchpoint, updateTouchpoint } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'

/** Details of the selected touchpoint. Text fields save when they lose focus, so typing never fights remote edits. */
export function TouchpointPanel({ touchpoint, onClose }: { touchpoint: Touchpoint; onClose: () => void }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board } = useBoard()
  const [title, setTitle] = useState(touchpoint.title)
  const [description, setDescription] = useState(touchpoint.description)
  useEffect(() => setTitle(touchpoint.title), [touchpoint.title])
  useEffect(() => setDescription(touchpoint.description), [touchpoint.description])
  const save = (patch: Partial<Touchpoint>) => updateTouchpoint(doc, touchpoint.id, patch, origin)

  return (
    <aside className="details" aria-label={t('touchpoint.panelHeading')} data-testid="touchpoint-panel">
      <header className="details__head">
        <h2>{t('touchpoint.panelHeading')}</h2>
        <button type="button" className="button button--icon" aria-label={t('touchpoint.close')} onClick={onClose}>×</button>
      </header>
      <label htmlFor="tp-title">{t('touchpoint.title')}</label>
      <input id="tp-title" data-testid="panel-title" value={title} disabled={readOnly} maxLength={120}
        onChange={(e) => setTitle(e.target.value)} onBlur={() => title.trim() && save({ title: title.trim() })} />
      <fieldset className="segmented" disabled={readOnly}>
        <legend>{t('touchpoint.kind')}</legend>
        {(['direct', 'indirect'] as const).map((kind) => (
          <label key={kind} className={touchpoint.kind === kind ? 'is-active' : ''}>
            <input type="radio" name="tp-kind" checked={touchpoint.kind === kind} onChange={() => save({ kind })} data-testid={`panel-kind-${kind}`} />
            {t(`touchpoint.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="tp-phase">{t('touchpoint.phase')}</label>
      <select id="tp-phase" value={touchpoint.phaseId} disabled={readOnly}
        onChange={(e) => moveTouchpoint(doc, touchpoint.id, { phaseId: e.target.value, laneId: touchpoint.laneId }, origin)}>
        {board.phases.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <label htmlFor="tp-lane">{t('touchpoint.lane')}</label>
      <select id="tp-lane" value={touchpoint.laneId} disabled={readOnly}
        onChange={(e) => moveTouchpoint(doc, touchpoint.id, { phaseId: touchpoint.phaseId, laneId: e.target.value }, origin)}>
        {board.lanes.map((l) => <option key={l.id} value={l.id}>{l.name} · {t(`grid.${l.channel}`)}</option>)}
      </select>
      <label htmlFor="tp-description">{t('touchpoint.description')}</label>
      <textarea id="tp-description" data-testid="panel-description" rows={5} value={description} disabled={readOnly}
        placeholder={t('touchpoint.descriptionPlaceholder')} maxLength={2000}
        onChange={(e) => setDescription(e.target.value)} onBlur={() => save({ description: description.trim() })} />
      {!readOnly && (
        <button type="button" className="button button--danger" data-testid="panel-delete"
          onClick={() => { removeTouchpoint(doc, touchpoint.id, origin); onClose() }}>{t('touchpoint.delete')}</button>
      )}
    </aside>
  )
}
