import { useTranslation } from 'react-i18next'
import type { BoardState } from '../../shared/model/index.js'
import { canvasMeasure } from '../export/svgText.js'
import { PREVIEW_LANE_NAME, hasWordWiderThan } from '../flow/laneName.js'
import { Modal } from '../ui/Modal.js'

/** A read-only look at an earlier version: the grid with its touchpoints, and what else it held. */
export function VersionPreview({ board, title, canRestore, restoring = false, problem = '', onRestore, onClose }: {
  board: BoardState; title: string; canRestore: boolean; restoring?: boolean; problem?: string; onRestore: () => void; onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal className="version-preview" label={title} testId="version-preview" onClose={onClose}>
        <h2>{title}</h2>
        <p className="hint">{t('history.previewHint', { touchpoints: board.touchpoints.length, factors: board.factors.length, stardust: board.stardust.length })}</p>
        <div className="version-preview__grid" style={{ gridTemplateColumns: `140px repeat(${board.phases.length}, minmax(120px, 1fr))` }}>
          <span />
          {board.phases.map((p) => <strong key={p.id} className="version-preview__phase">{p.name}</strong>)}
          {board.lanes.map((lane) => (
            <div key={lane.id} className="version-preview__row" style={{ display: 'contents' }}>
              {/* A word too wide for the column at 13 px ("Bewertungsportale") sets the name smaller rather than break it without a hyphen. */}
              <strong data-testid="preview-lane"
                className={`version-preview__lane version-preview__lane--${lane.channel}${hasWordWiderThan(lane.name, PREVIEW_LANE_NAME, canvasMeasure) ? ' version-preview__lane--long-word' : ''}`}>
                {lane.name}
              </strong>
              {board.phases.map((p) => (
                <ul key={p.id} className={`version-preview__cell version-preview__cell--${lane.channel}`}>
                  {board.touchpoints.filter((tp) => tp.phaseId === p.id && tp.laneId === lane.id).map((tp) => <li key={tp.id} data-testid="preview-touchpoint">{tp.title}</li>)}
                </ul>
              ))}
            </div>
          ))}
        </div>
        {problem && <p role="alert" className="error-text" data-testid="restore-failed">{problem}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>{t('common.close')}</button>
          {canRestore && <button type="button" className="button button--primary" data-testid="restore-version"
            disabled={restoring} onClick={onRestore}>{t('history.restore')}</button>}
        </div>
    </Modal>
  )
}
