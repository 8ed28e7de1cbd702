import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'
import { useDismiss } from '../ui/useDismiss.js'

const POPOVER_WIDTH = 260

/**
 * The facilitator's settings for the room, set once rather than used all through a workshop: whether the grid is
 * locked and which link the projector's QR code hands out. Kept in a popover so the session strip stays one row; the
 * button shows a lock while the grid is locked.
 */
export function SessionSettings() {
  const { t } = useTranslation()
  const { session: { session, send } } = useBoard()
  const [open, setOpen] = useState(false)
  const within = useRef<HTMLDivElement>(null)
  useDismiss(within, open, useCallback(() => setOpen(false), []))
  const locked = session.locks.grid
  const label = locked ? `${t('session.settings')}: ${t('session.gridLocked')}` : t('session.settings')
  // The list hangs from the button's right edge, unless the strip wrapped the button to the left of the window.
  const [alignLeft, setAlignLeft] = useState(false)
  const toggle = () => {
    const box = within.current?.getBoundingClientRect()
    setAlignLeft(box !== undefined && box.right < POPOVER_WIDTH + 16)
    setOpen(!open)
  }
  return (
    <div className="menu" ref={within}>
      <button type="button" className={`button button--small${locked ? ' is-active' : ''}`} data-testid="session-settings"
        aria-expanded={open} aria-label={label} title={label} onClick={toggle}>
        <Icon name={locked ? 'lock' : 'settings'} />
      </button>
      {open && (
        <div className={`menu__list session-settings${alignLeft ? ' menu__list--left' : ''}`} style={{ width: POPOVER_WIDTH }} role="group" aria-label={t('session.settings')}>
          <label className="toggle toggle--small">
            <input type="checkbox" data-testid="lock-grid" checked={locked} onChange={(e) => send({ type: 'lock.grid', locked: e.target.checked })} />
            <span><Icon name="lock" /> {t('session.lockGrid')}</span>
          </label>
          <label className="session-settings__field">
            <span>{t('session.qrLink')}</span>
            <select value={session.projectorQr} data-testid="projector-qr"
              onChange={(e) => send({ type: 'projector.qr', link: e.target.value as 'edit' | 'view' })}>
              <option value="edit">{t('share.edit')}</option>
              <option value="view">{t('share.view')}</option>
            </select>
          </label>
        </div>
      )}
    </div>
  )
}
