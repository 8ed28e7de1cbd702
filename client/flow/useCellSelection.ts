import { useCallback, useEffect, useMemo } from 'react'
import { useEscape } from '../ui/useEscape.js'
import type { BoardFlowNode, GridFlowNode } from './adapter.js'
import type { Cell } from './layout.js'

const NO_CARDS: ReadonlySet<string> = new Set()

/**
 * The cell selected on this screen, where the palette adds. A click on a cell's empty part selects it and no card;
 * selecting a card, a click on the pane around the board or Escape clears it. The grid node draws it: `nodes` are the
 * view's nodes with the grid's node carrying it, the same objects while neither changes.
 */
export function useCellSelection({ cell, onCell, selection, onSelect, nodes }: {
  cell: Cell | null
  onCell: (cell: Cell | null) => void
  selection: ReadonlySet<string>
  onSelect: (ids: ReadonlySet<string>) => void
  nodes: BoardFlowNode[]
}) {
  const selectCell = useCallback((next: Cell) => {
    onSelect(NO_CARDS)
    onCell(next)
  }, [onSelect, onCell])
  const clearCell = useCallback(() => onCell(null), [onCell])
  useEscape(clearCell, cell !== null)
  // A card selected (a click, a selection box, a paste) is where the palette adds from then on.
  useEffect(() => {
    if (selection.size > 0) onCell(null)
  }, [selection, onCell])

  const grid = nodes.find((node): node is GridFlowNode => node.type === 'grid') // the first node
  const shownGrid = useMemo(() => (grid && cell ? { ...grid, data: { ...grid.data, selectedCell: cell } } : grid), [grid, cell])
  const shown = useMemo(
    () => (shownGrid === grid ? nodes : nodes.map((node) => (node === grid ? shownGrid! : node))),
    [nodes, grid, shownGrid],
  )
  return { selectCell, clearCell, nodes: shown }
}
