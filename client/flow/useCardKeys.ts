import { useReactFlow, useStore } from '@xyflow/react'
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { type BoardState, moveTouchpoint } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import type { Translate } from './CanvasContext.js'
import { ARROWS, type KeyMove, planKeyMove } from './cardKeys.js'
import type { GridLayout } from './layout.js'
import { TYPING } from './useCardRemoval.js'
import { cardsArea, viewShowingCards } from './useShowCards.js'

const CARD = '.react-flow__node-touchpoint'
/**
 * What has the focus after a selection box is drawn: the canvas (React Flow's own box round the selection, which its
 * arrows moved by pixels, is hidden: styles.css), or the pane.
 */
const SELECTION_BOX = '.react-flow__nodesselection-rect, .react-flow__pane'

interface CardKeys {
  doc: Y.Doc
  origin: TransactionOrigin
  t: Translate
  board: Pick<BoardState, 'phases' | 'lanes' | 'touchpoints'>
  layout: GridLayout
  readOnly: boolean
  /** The cards selected here. */
  selection: ReadonlySet<string>
  /** Cards this person may not move (a facilitator's lock). */
  locked: ReadonlySet<string>
  /** Makes a change one undo step of its own (useUndo's `alone`): two quick arrows are two steps, each undone by one Ctrl+Z. */
  ownStep?: (change: () => void) => unknown
  canvas: RefObject<HTMLElement | null>
}

/**
 * The arrow keys on a selected card (selected with Space, or clicked), or on the canvas after a selection box, move the
 * selected cards one cell: ← and → to the phase before or after, ↑ and ↓ to the lane above or below, after the cards
 * already in it, as a card dropped there goes. They did what React Flow does, move the cards 5 px (20 with Shift) and say the new pixel position, and the cards
 * snapped back into their cell (QA). The keys are taken before React Flow hears them (`onKeyDownCapture`, on the
 * canvas), so they neither move a card by pixels nor scroll anything. `message` says where the cards went, or which
 * edge stopped them, for the canvas' live region. The focus stays on the card, and the view follows it.
 */
export function useCardKeys({ doc, origin, t, board, layout, readOnly, selection, locked, ownStep, canvas }: CardKeys) {
  const [message, setMessage] = useState('')
  // Said again when the same words come twice ("Already in the last phase"): a live region speaks only when its text changes.
  const say = useCallback((text: string) => setMessage((shown) => (shown === text ? `${text}\u00a0` : text)), [])
  /** Moved cards to keep in view and the card to keep the focus on, once the board is drawn with them in their new cells. */
  const following = useRef<{ ids: string[]; focus: string | null } | null>(null)
  const { getViewport, setViewport } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)

  const onKeyDownCapture = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (!ARROWS[event.key] || event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target as HTMLElement
    if (target.matches(TYPING)) return
    const onCard = target.matches(CARD)
    if (!onCard && !target.matches(SELECTION_BOX) && !(target === event.currentTarget && selection.size > 0)) return
    // Whatever follows, the key is ours: React Flow's move by pixels never happens, and nothing scrolls.
    event.preventDefault()
    event.stopPropagation()
    const focusId = onCard ? target.dataset.id ?? null : null
    if (readOnly || selection.size === 0 || (focusId !== null && !selection.has(focusId))) return
    const movable = new Set([...selection].filter((id) => !locked.has(id)))
    if (movable.size === 0) return void say(t('selection.locked', { count: selection.size }))
    const plan = planKeyMove(board, movable, event.key)
    if (!plan) return
    if ('edge' in plan) return void say(t(`canvas.${plan.edge}`))
    const change = () => doc.transact(() => {
      for (const move of plan.moved) moveTouchpoint(doc, move.id, move, origin)
    }, origin)
    if (ownStep) ownStep(change)
    else change()
    following.current = { ids: plan.moved.map((m) => m.id), focus: focusId }
    say(movedMessage(plan, board, event.key, t))
  }, [doc, origin, t, board, readOnly, selection, locked, ownStep, say])

  // Once the board is drawn with the cards in their new cells: the view moves as little as it takes to show them (a card
  // out of view is not drawn at all), and the card that had the focus has it again (React moves its element among the
  // others to keep the reading order, and a card not drawn loses it).
  useEffect(() => {
    const moved = following.current
    if (!moved || width === 0 || height === 0) return
    following.current = null
    const area = cardsArea(layout, moved.ids)
    if (area) {
      const view = getViewport()
      const next = viewShowingCards(area, view, layout, { width, height }, moved.ids.length)
      if (next.x !== view.x || next.y !== view.y || next.zoom !== view.zoom) void setViewport(next)
    }
    if (moved.focus !== null) keepFocusOn(canvas.current, moved.focus)
  }, [layout, width, height, getViewport, setViewport, canvas])

  return { onKeyDownCapture, message }
}

/** Focuses card `id` once it is drawn (within a few frames), unless the focus has gone somewhere else than the page meanwhile. */
function keepFocusOn(canvas: HTMLElement | null, id: string): void {
  let frames = 0
  const attempt = () => {
    const card = canvas?.querySelector<HTMLElement>(`${CARD}[data-id="${CSS.escape(id)}"]`)
    const active = document.activeElement
    if (active === card) return
    if (active && active !== document.body && !active.matches(CARD)) return
    if (card) card.focus({ preventScroll: true })
    else if (frames++ < 10) requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}

/** "Moved to Purchase · Online shop", or for several cards bound for different cells, where they went. */
function movedMessage(plan: Extract<KeyMove, { moved: unknown }>, board: Pick<BoardState, 'phases' | 'lanes'>, key: string, t: Translate): string {
  const { moved } = plan
  const first = moved[0]!
  const oneCell = moved.every((m) => m.phaseId === first.phaseId && m.laneId === first.laneId)
  if (oneCell) {
    const cell = t('canvas.cell', {
      phase: board.phases.find((p) => p.id === first.phaseId)?.name ?? '',
      lane: board.lanes.find((l) => l.id === first.laneId)?.name ?? '',
    })
    return moved.length === 1 ? t('canvas.movedTo', { cell }) : t('canvas.movedManyTo', { cell, count: moved.length })
  }
  const way = { ArrowLeft: 'movedPhaseBefore', ArrowRight: 'movedPhaseAfter', ArrowUp: 'movedLaneAbove', ArrowDown: 'movedLaneBelow' }[key]
  return t(`canvas.${way}`, { count: moved.length })
}
