import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Found, findOnBoard } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { openPanelFromKeyboard } from './touchpoint/TouchpointPanel.js'
import { Icon } from '../ui/Icon.js'
import { useDismiss } from '../ui/useDismiss.js'

/** Characters shown either side of the words found in a longer text. */
const AROUND = 36
const SHOWN = 30

/** The words found, marked, with a little of the text around them. */
function FoundText({ found }: { found: Found }) {
  const { text, start, end } = found
  const from = Math.max(0, start - AROUND)
  const to = Math.min(text.length, end + AROUND)
  return (
    <span className="find__text">
      {from > 0 && '…'}{text.slice(from, start)}<mark>{text.slice(start, end)}</mark>{text.slice(end, to)}{to < text.length && '…'}
    </span>
  )
}

/** Ctrl+F or Cmd+F opens the finder on the board page (the browser's own cannot see cards out of view). */
function useFindKey(open: () => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'f' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      // A dialog over the board keeps the browser's own find.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return
      event.preventDefault()
      open()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [open, enabled])
}

/**
 * Finds touchpoints by what is written on them (title, details, factors, stardust), wherever they are on the board:
 * a result shows its card and opens its details.
 */
export function FindTouchpoints() {
  const { t } = useTranslation()
  const { board, showCards } = useBoard()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [active, setActive] = useState(0)
  const box = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(box, open, close, useCallback(() => {
    setOpen(false)
    button.current?.focus()
  }, []))
  const show = useCallback(() => {
    setOpen(true)
    requestAnimationFrame(() => input.current?.select())
  }, [])
  useFindKey(show, true)
  const query = useDeferredValue(typed)
  const result = useMemo(() => findOnBoard(board, query, SHOWN), [board, query])
  useEffect(() => setActive(0), [query])
  // The highlighted result stays in sight as the arrows move it through a list longer than its box.
  const list = useRef<HTMLUListElement>(null)
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: 'nearest' })
  }, [active])

  const choose = (id: string, byKeyboard = false) => {
    setOpen(false)
    if (byKeyboard) {
      // As from a card: the panel's heading takes the focus, and closing the panel gives it back here, to Find.
      button.current?.focus()
      openPanelFromKeyboard(id)
    }
    showCards([id])
  }

  return (
    <div className="menu find" ref={box}>
      <button ref={button} type="button" className="button button--icon" data-testid="find" aria-expanded={open} aria-haspopup="dialog"
        title={t('find.button')} aria-label={t('find.button')} onClick={() => (open ? setOpen(false) : show())}>
        <Icon name="find" />
      </button>
      {open && (
        <div className="menu__list find__box" role="dialog" aria-label={t('find.heading')} data-testid="find-box">
          <input ref={input} type="search" className="find__input" data-testid="find-input" value={typed} placeholder={t('find.placeholder')}
            role="combobox" aria-expanded={result.touchpoints.length > 0} aria-autocomplete="list"
            aria-label={t('find.heading')} aria-controls="find-results" autoComplete="off" spellCheck={false}
            aria-activedescendant={result.touchpoints[active] ? `find-${result.touchpoints[active].touchpoint.id}` : undefined}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              const count = result.touchpoints.length
              if (e.key === 'ArrowDown' && count) { e.preventDefault(); setActive((active + 1) % count) }
              else if (e.key === 'ArrowUp' && count) { e.preventDefault(); setActive((active - 1 + count) % count) }
              else if (e.key === 'Enter' && result.touchpoints[active]) { e.preventDefault(); choose(result.touchpoints[active].touchpoint.id, true) }
            }} />
          {query.trim() !== '' && (
            <p className="hint find__count" role="status" data-testid="find-count">
              {result.total === 0 ? t('find.none') : result.total > SHOWN ? t('find.firstOf', { shown: SHOWN, count: result.total }) : t('find.count', { count: result.total })}
            </p>
          )}
          <ul ref={list} id="find-results" className="find__results" role="listbox" aria-label={t('find.heading')}>
            {result.touchpoints.map(({ touchpoint, found }, index) => {
              const elsewhere = found.filter((f) => f.where !== 'title')
              return (
                <li key={touchpoint.id} id={`find-${touchpoint.id}`} role="option" aria-selected={index === active} data-testid="find-result"
                  data-title={touchpoint.title} className={index === active ? 'is-active' : undefined}
                  onMouseEnter={() => setActive(index)} onClick={() => choose(touchpoint.id)}>
                  <strong>{found[0]!.where === 'title' ? <FoundText found={found[0]!} /> : touchpoint.title}</strong>
                  {elsewhere.slice(0, 2).map((f, i) => (
                    <span key={i} className="find__where"><em>{t(`find.in.${f.where}`)}</em> <FoundText found={f} /></span>
                  ))}
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </div>
  )
}
