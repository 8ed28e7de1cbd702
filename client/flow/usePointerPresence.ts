import { useStoreApi } from '@xyflow/react'
import { type PointerEvent, useEffect, useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { setPresence } from '../sync/presence.js'
import type { Point } from './layout.js'

/**
 * Where an element is on screen, read once and again only after it or the
 * window resized or something scrolled. Reading it for every shared cursor
 * position (React Flow's screenToFlowPosition does) made the browser lay out,
 * within the frame, the page it had just changed (a dragged card, someone
 * else's), and then lay it out again for the frame itself.
 */
export class PlaceOnScreen {
  private rect: DOMRect | null = null
  private watched: Element | null = null
  private observer: ResizeObserver | undefined
  private readonly forget = () => {
    this.rect = null
  }

  constructor(private readonly element: () => Element | null) {}

  get(): DOMRect | null {
    const element = this.element()
    if (!element) return null
    if (element !== this.watched) {
      this.stop()
      this.watched = element
      this.observer = new ResizeObserver(this.forget)
      this.observer.observe(element)
      window.addEventListener('resize', this.forget)
      window.addEventListener('scroll', this.forget, true)
    }
    this.rect ??= element.getBoundingClientRect()
    return this.rect
  }

  stop(): void {
    this.observer?.disconnect()
    this.observer = undefined
    this.watched = null
    this.rect = null
    window.removeEventListener('resize', this.forget)
    window.removeEventListener('scroll', this.forget, true)
  }
}

/** Shares this person's cursor in flow coordinates, at most once per animation frame. */
export function usePointerPresence(awareness: Awareness) {
  const store = useStoreApi()
  const pointer = useMemo(() => {
    let frame = 0
    let last: Point = { x: 0, y: 0 }
    const pane = new PlaceOnScreen(() => store.getState().domNode)
    const toFlow = (p: Point): Point | null => {
      const rect = pane.get()
      if (!rect) return null
      const [x, y, zoom] = store.getState().transform
      return { x: (p.x - rect.left - x) / zoom, y: (p.y - rect.top - y) / zoom }
    }
    return {
      onPointerMove(event: PointerEvent) {
        last = { x: event.clientX, y: event.clientY }
        if (frame) return
        frame = requestAnimationFrame(() => {
          frame = 0
          const p = toFlow(last)
          if (p) setPresence(awareness, { cursor: { x: Math.round(p.x), y: Math.round(p.y) } })
        })
      },
      onPointerLeave() {
        if (frame) cancelAnimationFrame(frame)
        frame = 0
        setPresence(awareness, { cursor: null })
      },
      stop() {
        if (frame) cancelAnimationFrame(frame)
        frame = 0
        pane.stop()
      },
    }
  }, [awareness, store])
  useEffect(() => () => pointer.stop(), [pointer])
  return pointer
}
