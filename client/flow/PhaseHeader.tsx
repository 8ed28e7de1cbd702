import { useMemo } from 'react'
import { movePhase, phaseMaps, removePhase, renamePhase } from '../../shared/model/index.js'
import { ActionsMenu } from '../ui/ActionsMenu.js'
import { EditTarget } from '../ui/EditTarget.js'
import { useCanvas } from './CanvasContext.js'
import { removalQuestion } from './removalQuestion.js'
import { InlineText } from './InlineText.js'
import { useHeaderRename } from './useHeaderRename.js'
import { farHeaderSizes } from './headerSizes.js'
import { GRID, type PhaseColumn } from './layout.js'

/** A column header: the phase name (double-click renames) and its menu: rename, move left/right, remove. Read-only for viewers and while the grid is locked (lockedHint then says why). */
export function PhaseHeader({ column, first, last, readOnly, lockedHint, fresh }: {
  column: PhaseColumn; first: boolean; last: boolean; readOnly: boolean; lockedHint?: string
  /** Added by this page a moment ago: opens for renaming (useHeaderRename). */
  fresh?: { now: boolean; begun: () => void }
}) {
  const { t, doc, origin } = useCanvas()
  const farSizes = useMemo(() => farHeaderSizes(column.name, 'phase'), [column.name])
  const { header, editing, onEditingChange, renameFromMenu } = useHeaderRename('phase-name', fresh)
  const remove = () => {
    if (window.confirm(removalQuestion(doc, 'phase', column.id, column.name, t))) removePhase(doc, column.id, origin)
  }
  return (
    <div ref={header} className={`phase${last ? ' phase--last' : ''}`} data-testid="phase" data-phase-id={column.id}
      style={{ left: column.x, top: 0, width: column.width, height: GRID.headerHeight, ...farSizes }}>
      <EditTarget isGone={() => !phaseMaps(doc).has(column.id)} name={column.name}>
        <InlineText className="phase__name" testId="phase-name" value={column.name} readOnly={readOnly} clamped
          title={t('grid.rename')} fieldLabel={t('grid.phaseName')} readOnlyTitle={lockedHint} editing={editing} onEditingChange={onEditingChange}
          onCommit={(name) => renamePhase(doc, column.id, name, origin)} />
      </EditTarget>
      {!readOnly && (
        <ActionsMenu label={t('grid.phaseActions', { name: column.name })} className="header-actions" testId="phase-actions" actions={[
          { label: t('grid.renameAction'), run: renameFromMenu },
          { label: t('grid.moveEarlier'), disabled: first, repeatable: true, run: () => movePhase(doc, column.id, -1, origin) },
          { label: t('grid.moveLater'), disabled: last, repeatable: true, run: () => movePhase(doc, column.id, 1, origin) },
          { label: t('grid.removePhase'), disabled: first && last, removes: true, testId: 'phase-remove', run: remove },
        ]} />
      )}
    </div>
  )
}
