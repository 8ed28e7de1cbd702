import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type TouchpointKind } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { PALETTE_MIME } from '../flow/BoardCanvas.js'

const KINDS: TouchpointKind[] = ['direct', 'indirect']

/** New touchpoints: drag one onto a cell, or click to put it beside the selected card (else in the first cell). */
export function Palette({ selectedId }: { selectedId: string | null }) {
  const { t } = useTranslation()
  const { board, addCard } = useBoard()

  const add = (kind: TouchpointKind) => {
    const beside = board.touchpoints.find((tp) => tp.id === selectedId)
    const phaseId = beside?.phaseId ?? board.phases[0]?.id
    const laneId = beside?.laneId ?? board.lanes[0]?.id
    if (!phaseId || !laneId) return
    addCard({ title: t('touchpoint.untitled'), kind, phaseId, laneId })
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
          onDragStart={(e) => onDragStart(e, kind)} onClick={() => add(kind)}>
          <strong>{t(`palette.${kind}`)}</strong>
          <span>{t(`palette.${kind}Hint`)}</span>
        </button>
      ))}
      <p className="palette__hint">{t('palette.hint')}</p>
      <p className="palette__hint">{t('palette.linkHint')}</p>
    </aside>
  )
}
