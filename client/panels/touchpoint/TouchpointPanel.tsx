import { type MouseEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Touchpoint, touchpointMaps } from '../../../shared/model/index.js'
import { useBoard } from '../../board/BoardContext.js'
import { EditTarget } from '../../ui/EditTarget.js'
import { Icon } from '../../ui/Icon.js'
import { PanelHeader } from '../../ui/PanelHeader.js'
import { moveAmongTabs } from '../../ui/tabKeys.js'
import { useSettled } from '../../session/useSettled.js'
import { DetailsTab } from './DetailsTab.js'
import { FactorsTab } from './FactorsTab.js'
import { RatingTab } from './RatingTab.js'
import { StardustTab } from './StardustTab.js'

const TABS = ['details', 'rating', 'factors', 'stardust'] as const
type Tab = (typeof TABS)[number]

/** A card whose panel is about to open from the keyboard elsewhere than on the card (Enter in Find), and when that was. */
let keyboardOpening: { id: string; at: number } | null = null

/** The panel of card `id`, opening next, takes the focus as when Enter opens it on the card itself. */
export function openPanelFromKeyboard(id: string): void {
  keyboardOpening = { id, at: performance.now() }
}

/**
 * The last key pressed on a card: Enter opens its details and goes into them; Space selects it and keeps the focus on
 * it, for the arrow keys to move it. Both took the focus into the panel, and the arrows moved nothing (QA).
 */
let lastCardKey: string | null = null
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (event) => {
    lastCardKey = (event.target as Element | null)?.matches?.('.react-flow__node') ? event.key : null
  }, true)
}

/** Everything about the selected touchpoint, in four tabs that follow the workshop: describe, rate, examine, delight. */
export function TouchpointPanel({ touchpoint, onClose }: { touchpoint: Touchpoint; onClose: () => void }) {
  const { t } = useTranslation()
  const { doc, isLocked, isFacilitator, readOnly, setEditingId } = useBoard()
  const [tab, setTab] = useState<Tab>('details')
  // Opened from the keyboard (Enter on a focused card), the panel takes the focus, so Tab goes on inside it.
  const [fromKeyboard] = useState(() => (keyboardOpening?.id === touchpoint.id && performance.now() - keyboardOpening.at < 1000)
    || ((document.activeElement?.matches('.react-flow__node:focus-visible') ?? false) && lastCardKey !== ' '))
  useEffect(() => { keyboardOpening = null }, [])
  useCardFocusBack(touchpoint.id)
  const secondClick = useSecondClickRenames(() => { if (!readOnly) setEditingId(touchpoint.id) })
  return (
    <aside className={`details details--${tab}`} aria-label={t('touchpoint.panelHeading')} data-testid="touchpoint-panel"
      {...secondClick}>
      <PanelHeader title={touchpoint.title || t('touchpoint.untitled')} onClose={onClose} takeFocus={fromKeyboard} />
      {/* The facilitator's tools for this card, above the tabs: "Focus for everyone" (every phone opens the card) was at the
          foot of Details, below the fold of a 900 px screen, where a facilitator looking for it did not find it. */}
      {isFacilitator && <FacilitatorTools touchpointId={touchpoint.id} />}
      {!readOnly && isLocked(touchpoint.id) && (
        <p className="details__locked" data-testid="panel-locked"><Icon name="lock" /> {t('session.lockedPanel')}</p>
      )}
      <div className="tabs" role="tablist" aria-label={t('panel.tabs')} onKeyDown={moveAmongTabs}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" id={`tp-tab-${name}`} aria-selected={tab === name} aria-controls="tp-tabpanel"
            tabIndex={tab === name ? 0 : -1} data-testid={`tab-${name}`}
            className={`tabs__tab${tab === name ? ' is-active' : ''}`} onClick={() => setTab(name)}>
            {t(`panel.${name}`)}
          </button>
        ))}
      </div>
      {/* One panel, whose content is the chosen tab's: named by that tab, a Tab stop of its own after it (its first field may
          be far down, or there may be none for a viewer). */}
      <div role="tabpanel" id="tp-tabpanel" aria-labelledby={`tp-tab-${tab}`} tabIndex={0} className="tabs__panel" data-testid="tabpanel">
        <EditTarget isGone={() => !touchpointMaps(doc).has(touchpoint.id)} name={touchpoint.title || t('touchpoint.untitled')}>
          {tab === 'details' && <DetailsTab touchpoint={touchpoint} onDeleted={onClose} />}
          {tab === 'rating' && <RatingTab touchpoint={touchpoint} />}
          {tab === 'factors' && <FactorsTab touchpoint={touchpoint} />}
          {tab === 'stardust' && <StardustTab touchpoint={touchpoint} />}
        </EditTarget>
      </div>
    </aside>
  )
}

/** Lock this card for participants; put it in focus for everyone (phones open it, boards mark it). */
function FacilitatorTools({ touchpointId }: { touchpointId: string }) {
  const { t } = useTranslation()
  const { session: { session, send } } = useBoard()
  const locked = session.locks.touchpoints.includes(touchpointId)
  const focused = session.focusTouchpointId === touchpointId
  const lockSettled = useSettled(locked)
  const focusSettled = useSettled(focused)
  return (
    <div className="facilitator-tools" data-testid="touchpoint-facilitator-tools">
      <button type="button" className={`button button--small${focused ? ' is-active' : ''}`} data-testid="focus-touchpoint" aria-pressed={focused}
        title={t('session.focusHint')} onClick={() => focusSettled(() => send({ type: 'focus.set', touchpointId: focused ? null : touchpointId }))}>
        ◉ {focused ? t('session.unfocus') : t('session.focus')}
      </button>
      <label className="toggle toggle--small">
        <input type="checkbox" data-testid="lock-touchpoint" checked={locked}
          onChange={(e) => { const want = e.target.checked; lockSettled(() => send({ type: 'lock.touchpoint', touchpointId, locked: want })) }} />
        <span><Icon name="lock" /> {t('session.lockTouchpoint')}</span>
      </label>
    </div>
  )
}

/**
 * When the panel closes (Escape, its ×) and the focus went nowhere, it goes back to the card, so someone on the
 * keyboard carries on from there instead of from the top of the page.
 */
function useCardFocusBack(touchpointId: string): void {
  useEffect(() => () => {
    requestAnimationFrame(() => {
      const at = document.activeElement
      if (at && at !== document.body) return
      document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(touchpointId)}"]`)?.focus()
    })
  }, [touchpointId])
}

/** How long after the panel opens a second click still belongs to the double-click on the card that opened it. */
const DOUBLE_CLICK_MS = 600

/**
 * A double-click on a card renames it. On a card near the right edge, the first click opens this panel where the card
 * was (the view then moves the card clear of it), and the second click would land in the panel's fields, the typing
 * with it. A second click that comes so soon after the panel opened belongs to the card: it starts the card's renaming
 * instead, and the field it landed on does not take the focus.
 */
function useSecondClickRenames(rename: () => void): { onMouseDownCapture: (event: MouseEvent) => void; onClickCapture: (event: MouseEvent) => void } {
  const [openedAt] = useState(() => performance.now())
  /** The press was the card's: so is the click it ends in (on a label, that click would focus the label's field). */
  const taken = useRef(false)
  return {
    onMouseDownCapture: (event) => {
      // When the press was made (its time stamp), not when a busy page got round to it: a page still drawing the panel and
      // moving the view can take longer than that before it handles the second click.
      taken.current = event.detail >= 2 && event.timeStamp - openedAt <= DOUBLE_CLICK_MS
      if (!taken.current) return
      event.preventDefault()
      event.stopPropagation()
      rename()
    },
    onClickCapture: (event) => {
      if (!taken.current) return
      taken.current = false
      event.preventDefault()
      event.stopPropagation()
    },
  }
}
