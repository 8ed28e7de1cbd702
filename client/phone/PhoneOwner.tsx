import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_DEPARTMENT_LENGTH, type Touchpoint, boardDepartments, updateTouchpoint } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { CommitField } from '../ui/CommitField.js'

/** Which department owns a touchpoint, from the phone (the agenda's last step asks for it), with the board's departments to pick from. */
export function PhoneOwner({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board } = useBoard()
  const { touchpoints, stardust } = board
  const departments = useMemo(() => boardDepartments({ touchpoints, stardust }), [touchpoints, stardust])
  // A view link reads it, as the card's facts: no field.
  if (readOnly) {
    return touchpoint.department.trim() ? (
      <dl className="phone-focus__facts" data-testid="phone-owner"><dt>{t('touchpoint.department')}</dt><dd dir="auto">{touchpoint.department}</dd></dl>
    ) : null
  }
  return (
    <section className="phone-section" data-testid="phone-owner">
      <h3><label htmlFor="phone-department">{t('touchpoint.department')}</label></h3>
      <div className="phone-form">
        <CommitField id="phone-department" testId="phone-department" value={touchpoint.department} maxLength={MAX_DEPARTMENT_LENGTH}
          list="board-departments" placeholder={t('touchpoint.departmentPlaceholder')} onCommit={(department) => updateTouchpoint(doc, touchpoint.id, { department }, origin)} />
      </div>
      {/* Also the suggestions of the owner field of each stardust idea below. */}
      <datalist id="board-departments">
        {departments.map((d) => <option key={d} value={d} />)}
      </datalist>
    </section>
  )
}
