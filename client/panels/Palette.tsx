import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardState, type TouchpointKind } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { PALETTE_MIME } from '../flow/BoardCanvas.js'
import type { Cell } from '../flow/layout.js'
import { withNames } from '../ui/Bidi.js'

const KINDS: TouchpointKind[] = ['direct', 'indirect']

/** New touchpoints: drag one onto a cell, or click to add it where `paletteTarget` says, which the palette names. */
export function Palette({ selectedId, cell }: { selectedId: string | null; cell: Cell | null }) {
  const { t } = useTranslation()
  const { board, addCard } = useBoard()
  const target = paletteTarget(board, selectedId, cell)

  const add = (kind: TouchpointKind, byKeyboard: boolean) => {
    if (target) addCard({ title: t('touchpoint.untitled'), kind, phaseId: target.phase.id, laneId: target.lane.id }, byKeyboard)
  }
  const onDragStart = (event: DragEvent, kind: TouchpointKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind)
    event.dataTransfer.effectAllowed = 'copy'
  }

  return (
    <aside className="palette" aria-label={t('palette.heading')}>
      <h2>{t('palette.heading')}</h2>
      {KINDS.map((kind) => (
        <button key={kind} type="button" draggable className={`palette__item palette__item--${kind}`} data-testid={`palette-${kind}`}
          onDragStart={(e) => onDragStart(e, kind)} onClick={(e) => add(kind, e.detail === 0)}>
          <strong>{t(`palette.${kind}`)}</strong>
          <span>{t(`palette.${kind}Hint`)}</span>
        </button>
      ))}
      {target && (
        <p className="palette__hint palette__target" data-testid="palette-target" role="status">
          {withNames((names) => t('palette.target', names), { phase: target.phase.name, lane: target.lane.name })}
        </p>
      )}
      <p className="palette__hint">{t('palette.hint')}</p>
      <p className="palette__hint">{t('palette.linkHint')}</p>
    </aside>
  )
}

type Named = { id: string; name: string }

/** Where a click on the palette adds: beside the selected card, else into the selected cell, else into the first cell. */
function paletteTarget(board: BoardState, selectedId: string | null, cell: Cell | null): { phase: Named; lane: Named } | null {
  const beside = board.touchpoints.find((tp) => tp.id === selectedId)
  const chosen = beside ?? cell
  // A cell whose phase or lane was removed meanwhile is no target any more.
  const phase = board.phases.find((p) => p.id === chosen?.phaseId)
  const lane = board.lanes.find((l) => l.id === chosen?.laneId)
  if (phase && lane) return { phase, lane }
  return board.phases[0] && board.lanes[0] ? { phase: board.phases[0], lane: board.lanes[0] } : null
}
