import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  TOUCHPOINT_STATUSES, MAX_DEPARTMENT_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_EXPECTATION_LENGTH, MAX_NAME_LENGTH, type Touchpoint, type TouchpointPatch, boardDepartments, moveTouchpoint, updateTouchpoint,
} from '../../../shared/model/index.js'
import { removeTouchpointAsking } from '../../board/askRemoval.js'
import { useBoard } from '../../board/BoardContext.js'
import { CommitField } from '../../ui/CommitField.js'
import { JourneySteps } from './JourneySteps.js'

/** Title, kind, owner, status, what the customer expects, their pain point, how the team measures what they get, description, and the cell. */
export function DetailsTab({ touchpoint, onDeleted }: { touchpoint: Touchpoint; onDeleted: () => void }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me, isLocked, showCards, session: { session } } = useBoard()
  const locked = session.locks.touchpoints.includes(touchpoint.id)
  // The relay undoes a participant's move of a locked card (its cell and place, not its texts): the cell is not theirs to pick.
  const cellFixed = readOnly || isLocked(touchpoint.id)
  const cellTitle = !readOnly && cellFixed ? t('session.locked') : undefined
  // Every card's department, gathered again only when cards or ideas changed: the panel stays open while its card is dragged,
  // and a rating somewhere on a 1,000-card board re-rendered it with a pass over every card.
  const { touchpoints, stardust } = board
  const departments = useMemo(() => boardDepartments({ touchpoints, stardust }), [touchpoints, stardust])
  const save = (patch: TouchpointPatch) => updateTouchpoint(doc, touchpoint.id, patch, origin)
  const move = (cell: { phaseId: string; laneId: string }) => moveTouchpoint(doc, touchpoint.id, cell, origin)
  return (
    <div className="tab-body">
      <label htmlFor="tp-title">{t('touchpoint.title')}</label>
      <CommitField id="tp-title" testId="panel-title" value={touchpoint.title} disabled={readOnly} maxLength={MAX_NAME_LENGTH} required
        onCommit={(title) => save({ title })} />
      <fieldset className="segmented" disabled={readOnly}>
        <legend>{t('touchpoint.kind')}</legend>
        {(['direct', 'indirect'] as const).map((kind) => (
          <label key={kind} className={touchpoint.kind === kind ? 'is-active' : ''}>
            <input type="radio" name="tp-kind" checked={touchpoint.kind === kind} onChange={() => save({ kind })} data-testid={`panel-kind-${kind}`} />
            {t(`touchpoint.${kind}Long`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented" disabled={readOnly}>
        <legend>{t('touchpoint.status')}</legend>
        {TOUCHPOINT_STATUSES.map((status) => (
          <label key={status} className={touchpoint.status === status ? 'is-active' : ''}>
            <input type="radio" name="tp-status" checked={touchpoint.status === status} onChange={() => save({ status })} data-testid={`panel-status-${status}`} />
            {t(`status.${status}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="tp-department">{t('touchpoint.department')}</label>
      <CommitField id="tp-department" testId="panel-department" value={touchpoint.department} disabled={readOnly} maxLength={MAX_DEPARTMENT_LENGTH}
        list="board-departments" placeholder={t('touchpoint.departmentPlaceholder')} onCommit={(department) => save({ department })} />
      <datalist id="board-departments">
        {departments.map((d) => <option key={d} value={d} />)}
      </datalist>
      <label htmlFor="tp-expectation">{t('touchpoint.expectation')}</label>
      <CommitField id="tp-expectation" testId="panel-expectation" multiline rows={2} value={touchpoint.expectation} disabled={readOnly} maxLength={MAX_EXPECTATION_LENGTH}
        placeholder={t('touchpoint.expectationPlaceholder')} onCommit={(expectation) => save({ expectation })} />
      <label htmlFor="tp-pain">{t('touchpoint.painPoint')}</label>
      <CommitField id="tp-pain" testId="panel-pain-point" multiline rows={2} value={touchpoint.painPoint} disabled={readOnly} maxLength={MAX_EXPECTATION_LENGTH}
        placeholder={t('touchpoint.painPointPlaceholder')} onCommit={(painPoint) => save({ painPoint })} />
      <label htmlFor="tp-measure">{t('touchpoint.measure')}</label>
      <CommitField id="tp-measure" testId="panel-measure" multiline rows={2} value={touchpoint.measure} disabled={readOnly} maxLength={MAX_EXPECTATION_LENGTH}
        placeholder={t('touchpoint.measurePlaceholder')} onCommit={(measure) => save({ measure })} />
      <label htmlFor="tp-description">{t('touchpoint.description')}</label>
      <CommitField id="tp-description" testId="panel-description" multiline rows={3} value={touchpoint.description} disabled={readOnly}
        maxLength={MAX_DESCRIPTION_LENGTH} placeholder={t('touchpoint.descriptionPlaceholder')} onCommit={(description) => save({ description })} />
      {/* Each on the panel's full width: side by side, a lane's name and channel ("Online shop · Digital") did not fit. */}
      <label htmlFor="tp-phase">{t('touchpoint.phase')}</label>
      <select id="tp-phase" value={touchpoint.phaseId} disabled={cellFixed} title={cellTitle} data-testid="panel-phase" onChange={(e) => move({ phaseId: e.target.value, laneId: touchpoint.laneId })}>
        {board.phases.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <label htmlFor="tp-lane">{t('touchpoint.lane')}</label>
      <select id="tp-lane" value={touchpoint.laneId} disabled={cellFixed} title={cellTitle} data-testid="panel-lane" onChange={(e) => move({ phaseId: touchpoint.phaseId, laneId: e.target.value })}>
        {board.lanes.map((l) => <option key={l.id} value={l.id}>{l.name} · {t(`grid.${l.channel}`)}</option>)}
      </select>
      <JourneySteps touchpoint={touchpoint} onShow={(id) => showCards([id])} />
      {!readOnly && !locked && (
        <button type="button" className="button button--danger" data-testid="panel-delete"
          onClick={() => { if (removeTouchpointAsking(doc, touchpoint.id, me.id, t, origin)) onDeleted() }}>{t('touchpoint.delete')}</button>
      )}
    </div>
  )
}
