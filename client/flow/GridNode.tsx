import { type NodeProps, useReactFlow } from '@xyflow/react'
import { type MouseEvent, memo, useState } from 'react'
import { addLane, addPhase, usualKindInLane } from '../../shared/model/index.js'
import type { GridFlowNode } from './adapter.js'
import { useCanvas } from './CanvasContext.js'
import { LaneHeader } from './LaneHeader.js'
import { type Cell, GRID, cellAt } from './layout.js'
import { PhaseHeader } from './PhaseHeader.js'

/**
 * The board's grid drawn as one node under the cards: phase columns, channel
 * lanes (physical ones warm, digital ones cool) and the cells between them.
 * A click on a cell's empty part selects it: the palette adds there. Double-clicking a cell adds a touchpoint there,
 * of the kind most of its lane's cards are (usualKindInLane).
 */
function GridNodeView({ data }: NodeProps<GridFlowNode>) {
  const { t, doc, origin, readOnly, addCard, selectCell } = useCanvas()
  const { screenToFlowPosition } = useReactFlow()
  const { layout, locked, selectedCell } = data
  const headersReadOnly = readOnly || locked
  // A viewer never edits the grid; someone who could, but for the facilitator's lock, is told why on the headers.
  const lockedHint = locked && !readOnly ? t('session.gridLockedHint') : undefined
  // The phase or lane this page just added, which opens for its name (see useHeaderRename).
  const [added, setAdded] = useState<string | null>(null)
  const fresh = (id: string) => ({ now: added === id, begun: () => setAdded(null) })

  const onDoubleClick = (event: MouseEvent) => {
    if (readOnly) return
    const target = cellAt(layout, screenToFlowPosition({ x: event.clientX, y: event.clientY }))
    if (!target) return
    // Of the kind the lane's cards mostly are: a card added among the reviews is indirect.
    addCard({ title: t('touchpoint.untitled'), kind: usualKindInLane(doc, target.laneId), phaseId: target.phaseId, laneId: target.laneId })
  }
  const onClick = (event: MouseEvent, cell: Cell) => {
    // A viewer adds nothing; Shift, Ctrl or Cmd is for selecting cards (a box, one card more) and leaves them selected.
    if (!readOnly && !event.shiftKey && !event.ctrlKey && !event.metaKey) selectCell(cell)
  }

  return (
    <div className="grid" data-testid="grid" style={{ width: layout.width, height: layout.height }}>
      <div className="grid__corner" style={{ width: GRID.laneHeaderWidth, height: GRID.headerHeight }} />
      {layout.columns.map((column, i) => (
        <PhaseHeader key={column.id} column={column} first={i === 0} last={i === layout.columns.length - 1} readOnly={headersReadOnly} lockedHint={lockedHint} fresh={fresh(column.id)} />
      ))}
      {layout.rows.map((row, i) => (
        <LaneHeader key={row.id} row={row} first={i === 0} last={i === layout.rows.length - 1}
          startsGroup={i > 0 && layout.rows[i - 1].channel !== row.channel} readOnly={headersReadOnly} lockedHint={lockedHint} fresh={fresh(row.id)} />
      ))}
      {layout.rows.map((row) =>
        layout.columns.map((column) => {
          const selected = selectedCell?.phaseId === column.id && selectedCell.laneId === row.id
          return (
            <div key={`${column.id}:${row.id}`} className={`grid__cell grid__cell--${row.channel}${selected ? ' grid__cell--selected' : ''}`}
              data-testid="cell" data-phase-id={column.id} data-lane-id={row.id} aria-current={selected || undefined}
              title={readOnly ? undefined : t('grid.cellHint')} style={{ left: column.x, top: row.y, width: column.width, height: row.height }}
              onClick={(e) => onClick(e, { phaseId: column.id, laneId: row.id })} onDoubleClick={onDoubleClick}>
              {selected && <span className="grid__cell-label" data-testid="cell-selected">{t('grid.cellSelected')}</span>}
            </div>
          )
        }),
      )}
      {!headersReadOnly && (
        <>
          <button type="button" className="grid__add grid__add--phase nodrag" data-testid="add-phase"
            style={{ left: layout.width + 12, top: 12 }}
            onClick={() => setAdded(addPhase(doc, t('grid.newPhase'), origin))}>{t('grid.addPhase')}</button>
          <button type="button" className="grid__add grid__add--lane nodrag" data-testid="add-lane"
            style={{ left: layout.width + 12, bottom: 0 }}
            onClick={() => setAdded(addLane(doc, t('grid.newLane'), 'digital', origin))}>{t('grid.addLane')}</button>
        </>
      )}
    </div>
  )
}

export const GridNode = memo(GridNodeView)
