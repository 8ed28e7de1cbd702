import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Touchpoint, othersOnTouchpoint, removeTouchpoint, touchpointMaps } from '../../shared/model/index.js'
import { othersWorkText } from '../board/othersWorkText.js'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'

/**
 * Deleting a touchpoint this person added (a typo, a duplicate), on its focus card. Only their own: a phone has no
 * undo, so it asks first, and says so when others' ratings, factors or ideas would go with it. Not while the
 * facilitator has locked the card (the relay would undo it anyway). Others' touchpoints offer nothing.
 */
export function PhoneDeleteTouchpoint({ touchpoint, onDeleted }: { touchpoint: Touchpoint; onDeleted: (title: string) => void }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me, isLocked } = useBoard()
  const [asking, setAsking] = useState(false)
  const locked = isLocked(touchpoint.id)
  // A lock puts the question away: it is not asked again when the lock goes.
  useEffect(() => { if (locked) setAsking(false) }, [locked])
  // The question is taller than the button it replaces: its answers are brought on screen.
  const section = useRef<HTMLElement>(null)
  useEffect(() => { if (asking) section.current?.scrollIntoView({ block: 'nearest' }) }, [asking])
  if (readOnly || !touchpoint.authorId || touchpoint.authorId !== me.id) return null
  if (locked) {
    return <p className="hint phone-delete__locked" data-testid="phone-delete-locked"><Icon name="lock" /> {t('phone.deleteLocked')}</p>
  }
  const title = touchpoint.title || t('touchpoint.untitled')
  const others = othersOnTouchpoint(board, touchpoint.id, me.id)
  const remove = () => {
    if (!touchpointMaps(doc).has(touchpoint.id)) return
    removeTouchpoint(doc, touchpoint.id, origin)
    onDeleted(title)
  }
  return (
    <section ref={section} className="phone-section phone-delete" data-testid="phone-delete">
      {!asking ? (
        <>
          <p className="hint">{t('phone.yours')}</p>
          <button type="button" className="button button--danger phone-delete__button" data-testid="phone-delete-start" onClick={() => setAsking(true)}>
            {t('touchpoint.delete')}
          </button>
        </>
      ) : (
        <>
          <p className="phone-delete__question" role="alert" data-testid="phone-delete-question">
            <strong>{t('phone.deleteQuestion', { title })}</strong>
            {others.entries > 0 && <> {t('phone.deleteOthers', { count: others.entries, what: othersWorkText([others], t) })}</>}
          </p>
          <div className="phone-delete__choices">
            <button type="button" className="button button--danger phone-delete__button" data-testid="phone-delete-confirm" onClick={remove}>
              {t('phone.deleteConfirm')}
            </button>
            <button type="button" className="button phone-delete__button" data-testid="phone-delete-keep" onClick={() => setAsking(false)}>
              {t('phone.deleteKeep')}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
