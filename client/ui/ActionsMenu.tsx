import { type KeyboardEvent, type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from './Icon.js'
import { enabledItems, moveThroughMenu } from './menuKeys.js'
import { placeMenu } from './menuPlacement.js'
import { useDismiss } from './useDismiss.js'

export interface Action {
  label: string
  /** `byKeyboard`: chosen with Enter or Space (the focus then is to go somewhere sensible afterwards). */
  run: (byKeyboard: boolean) => void
  disabled?: boolean
  /** Takes something away (after asking): set apart at the menu's end, in red. */
  removes?: boolean
  /** The menu stays open after it, for doing it again (moving a phase two steps). */
  repeatable?: boolean
  testId?: string
}

/**
 * A "•••" button that opens a menu of actions, for controls too small to use on a zoomed-out canvas: the button keeps
 * at least --actions-min px on screen (CSS, with the canvas' --zoom), and the menu is drawn at the screen's scale
 * outside the canvas, following the button while the board moves under it. Arrow keys, Home and End move through the
 * actions; Escape closes it and gives the focus back to the button.
 */
export function ActionsMenu({ label, actions, className, testId }: { label: string; actions: Action[]; className?: string; testId?: string }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLDivElement>(null)
  const within = useMemo(() => [button, list], [])
  const close = useCallback(() => setOpen(false), [])
  const closeToButton = useCallback(() => {
    setOpen(false)
    button.current?.focus()
  }, [])
  useDismiss(within, open, close, closeToButton)
  useFollowButton(open, button, list, close)

  // Opened: the focus goes to the first action. An action that became unavailable under the focus (Move left, now
  // first) hands it to the next one, so the keys still work.
  useLayoutEffect(() => {
    if (!open || !list.current) return
    if (list.current.contains(document.activeElement) && !(document.activeElement as HTMLButtonElement).disabled) return
    enabledItems(list.current)[0]?.focus()
  })

  const onKeyDown = (event: KeyboardEvent) => {
    if (moveThroughMenu(event, list.current)) return
    if (event.key === 'Tab') {
      event.preventDefault()
      closeToButton()
    }
  }

  const choose = (action: Action, byKeyboard: boolean) => {
    if (!action.repeatable) setOpen(false)
    action.run(byKeyboard)
    // From the keyboard, the focus goes back to the button once the menu is gone, unless the action took it (a field).
    if (byKeyboard && !action.repeatable) {
      requestAnimationFrame(() => {
        const at = document.activeElement
        if ((!at || at === document.body) && button.current?.isConnected) button.current.focus()
      })
    }
  }

  const kept = actions.filter((a) => !a.removes)
  const removing = actions.filter((a) => a.removes)
  return (
    <>
      <button ref={button} type="button" className={`actions-button nodrag${className ? ` ${className}` : ''}`} data-testid={testId}
        aria-label={label} title={label} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}
        onDoubleClick={(e) => e.stopPropagation()}>
        <Icon name="more" />
      </button>
      {open && createPortal(
        <div ref={list} className="actions-menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {kept.map((action) => <Item key={action.label} action={action} choose={choose} />)}
          {kept.length > 0 && removing.length > 0 && <div className="actions-menu__rule" role="separator" />}
          {removing.map((action) => <Item key={action.label} action={action} choose={choose} />)}
        </div>,
        document.body,
      )}
    </>
  )
}

function Item({ action, choose }: { action: Action; choose: (action: Action, byKeyboard: boolean) => void }) {
  return (
    <button type="button" role="menuitem" className={action.removes ? 'actions-menu__remove' : undefined} disabled={action.disabled}
      data-testid={action.testId} onClick={(event) => choose(action, event.detail === 0)}>
      {action.label}
    </button>
  )
}


const overlaps = (a: DOMRect, b: { left: number; top: number; right: number; bottom: number }) =>
  a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom

/**
 * Keeps the open menu beside its button, every frame: the board pans, zooms and changes under it (someone moves the
 * phase). Closes it when the button is gone, or out of the canvas' view.
 */
function useFollowButton(open: boolean, button: RefObject<HTMLButtonElement | null>, list: RefObject<HTMLDivElement | null>, close: () => void) {
  // Before the first paint: the menu never shows at the window's corner first.
  useLayoutEffect(() => {
    if (!open) return
    let frame = 0
    let last = ''
    const follow = () => {
      const anchor = button.current?.getBoundingClientRect()
      const menu = list.current
      // The board panned (a wheel, a trackpad) or zoomed the button out of its view: the menu would hang there on its own.
      const view = button.current?.closest('.react-flow')?.getBoundingClientRect() ?? { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
      if (!anchor || !menu || anchor.width === 0 || !overlaps(anchor, view)) return close()
      const { left, top } = placeMenu(anchor, { width: menu.offsetWidth, height: menu.offsetHeight }, { width: window.innerWidth, height: window.innerHeight })
      const at = `${Math.round(left)},${Math.round(top)}`
      if (at !== last) {
        last = at
        menu.style.left = `${Math.round(left)}px`
        menu.style.top = `${Math.round(top)}px`
      }
      frame = requestAnimationFrame(follow)
    }
    follow()
    return () => cancelAnimationFrame(frame)
  }, [open, button, list, close])
}
