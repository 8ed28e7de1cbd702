import { useState } from 'react'
import { movePhase, phaseMaps, removePhase, renamePhase } from '../../shared/model/index.js'
import { EditTarget } from '../ui/EditTarget.js'
import { useCanvas } from './CanvasContext.js'
import { InlineText } from './InlineText.js'
import { GRID, type PhaseColumn } from './layout.js'

/** A column header: the phase name (double-click renames), move left/right, remove. Read-only for viewers and while the grid is locked (lockedHint then says why). */
export function PhaseHeader({ column, first, last, readOnly, lockedHint }: {
  column: PhaseColumn; first: boolean; last: boolean; readOnly: boolean; lockedHint?: string
}) {
  const { t, doc, origin } = useCanvas()
  const [editing, setEditing] = useState(false)
  const remove = () => {
    if (window.confirm(t('grid.removePhaseConfirm', { name: column.name }))) removePhase(doc, column.id, origin)
  }
  return (
    <div className="phase" data-testid="phase" data-phase-id={column.id}
      style={{ left: column.x, top: 0, width: column.width, height: GRID.headerHeight }}>
      <EditTarget isGone={() => !phaseMaps(doc).has(column.id)} name={column.name}>
        <InlineText className="phase__name" testId="phase-name" value={column.name} readOnly={readOnly} clamped
          title={t('grid.rename')} readOnlyTitle={lockedHint} editing={editing} onEditingChange={setEditing}
          onCommit={(name) => renamePhase(doc, column.id, name, origin)} />
      </EditTarget>
      {!readOnly && (
        <span className="header-actions nodrag">
          <button type="button" disabled={first} title={t('grid.moveEarlier')} aria-label={t('grid.moveEarlier')}
            onClick={() => movePhase(doc, column.id, -1, origin)}>‹</button>
          <button type="button" disabled={last} title={t('grid.moveLater')} aria-label={t('grid.moveLater')}
            onClick={() => movePhase(doc, column.id, 1, origin)}>›</button>
          <button type="button" disabled={first && last} title={t('grid.remove')} aria-label={t('grid.remove')}
            data-testid="phase-remove" onClick={remove}>×</button>
        </span>
      )}
    </div>
  )
}
