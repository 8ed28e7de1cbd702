import { type ReactNode, useMemo } from 'react'
import { laneMaps, moveLane, removeLane, renameLane, setLaneChannel } from '../../shared/model/index.js'
import { canvasMeasure } from '../export/svgText.js'
import { ActionsMenu } from '../ui/ActionsMenu.js'
import { EditTarget } from '../ui/EditTarget.js'
import { FlowPortal } from './FlowPortal.js'
import { useCanvas } from './CanvasContext.js'
import { removalQuestion } from './removalQuestion.js'
import { InlineText } from './InlineText.js'
import { useHeaderRename } from './useHeaderRename.js'
import { farHeaderSizes } from './headerSizes.js'
import { GRID, type LaneRow } from './layout.js'
import { hasWordWiderThanLane } from './laneName.js'

/** A row header: the channel name, whether it is physical or digital (the chip switches it), and its menu: rename, move up/down, switch, remove. Read-only for viewers and while the grid is locked (lockedHint then says why). */
export function LaneHeader({ row, first, last, startsGroup, readOnly, lockedHint, fresh }: {
  row: LaneRow; first: boolean; last: boolean; startsGroup: boolean; readOnly: boolean; lockedHint?: string
  /** Added by this page a moment ago: opens for renaming (useHeaderRename). */
  fresh?: { now: boolean; begun: () => void }
}) {
  const { t, doc, origin } = useCanvas()
  const { header, editing, onEditingChange, renameFromMenu } = useHeaderRename('lane-name', fresh)
  const remove = () => {
    if (window.confirm(removalQuestion(doc, 'lane', row.id, row.name, t))) removeLane(doc, row.id, origin)
  }
  const other = row.channel === 'physical' ? 'digital' : 'physical'
  const longWord = useMemo(() => hasWordWiderThanLane(row.name, canvasMeasure), [row.name])
  const nameClass = `lane__name${longWord ? ' lane__name--long-word' : ''}`
  const farSizes = useMemo(() => farHeaderSizes(row.name, 'lane'), [row.name])
  // While typed in, the field is drawn above the cards: on a board zoomed out it grows to a readable size, over the first
  // phase's cards. The name keeps its place in the header.
  const placeField = (field: ReactNode) => (
    <>
      <span className={nameClass} aria-hidden="true" style={{ visibility: 'hidden' }}>{row.name}</span>
      <FlowPortal layer="viewport-portal">
        <div className="lane-rename nopan nowheel" style={{ top: row.y, width: GRID.laneHeaderWidth, height: row.height }}>{field}</div>
      </FlowPortal>
    </>
  )
  return (
    <div ref={header} className={`lane lane--${row.channel}${startsGroup ? ' lane--group-start' : ''}`} data-testid="lane"
      data-lane-id={row.id} data-channel={row.channel}
      style={{ left: 0, top: row.y, width: GRID.laneHeaderWidth, height: row.height, ...farSizes }}>
      <EditTarget isGone={() => !laneMaps(doc).has(row.id)} name={row.name}>
        <InlineText className={nameClass} testId="lane-name" value={row.name} readOnly={readOnly} clamped
          title={t('grid.rename')} fieldLabel={t('grid.laneName')} readOnlyTitle={lockedHint} editing={editing} onEditingChange={onEditingChange} placeField={placeField}
          onCommit={(name) => renameLane(doc, row.id, name, origin)} />
      </EditTarget>
      <button type="button" className={`channel-chip channel-chip--${row.channel} nodrag`} disabled={readOnly}
        title={readOnly ? lockedHint : t('grid.toggleChannel')} data-testid="lane-channel"
        // Named by what it shows and what a press does: "Physical" alone read as a label, not a switch (a11y QA).
        aria-label={readOnly ? undefined : t(`grid.chip_${row.channel}`)}
        onClick={() => setLaneChannel(doc, row.id, other, origin)}>
        {t(`grid.${row.channel}`)}
      </button>
      {!readOnly && (
        <ActionsMenu label={t('grid.laneActions', { name: row.name })} className="header-actions" testId="lane-actions" actions={[
          { label: t('grid.renameAction'), run: renameFromMenu },
          { label: t('grid.moveUp'), disabled: first, repeatable: true, run: () => moveLane(doc, row.id, -1, origin) },
          { label: t('grid.moveDown'), disabled: last, repeatable: true, run: () => moveLane(doc, row.id, 1, origin) },
          { label: t(`grid.make_${other}`), run: () => setLaneChannel(doc, row.id, other, origin) },
          { label: t('grid.removeLane'), disabled: first && last, removes: true, testId: 'lane-remove', run: remove },
        ]} />
      )}
    </div>
  )
}
