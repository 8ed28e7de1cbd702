import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { type PeerCursor, cursors } from '../sync/presence.js'
import { type CursorMessage, CursorLayer } from './cursorLayer.js'

export { SMOOTH_CURSORS_MAX } from './cursorMotion.js'

/**
 * Everyone else's live cursor with their name, on one canvas over the board
 * at a constant screen size. A worker draws it (cursorWorker.ts); this page
 * only posts it presence and the viewport when they change, and renders
 * nothing in React for a pointer move. As elements, 100 cursors moving at
 * 20 Hz cost the page's main thread a layer, a style and a hit-test entry
 * each, and their renders (docs/performance.md, "A crowd on the board").
 */
export function Cursors() {
  const { awareness } = useBoard()
  const store = useStoreApi()
  const { t } = useTranslation()
  const layer = useRef<HTMLDivElement>(null)
  const label = useRef(t)
  label.current = t

  useEffect(() => {
    // A canvas of this effect's own: one handed to a worker cannot be handed again, nor drawn here.
    const element = layer.current!
    const surface = document.createElement('canvas')
    element.append(surface)
    const post = drawer(surface)
    const font = getComputedStyle(element).fontFamily
    let last: PeerCursor[] = []
    let names = ''
    const sendView = () => post({
      type: 'view',
      view: { transform: store.getState().transform, width: element.clientWidth, height: element.clientHeight, ratio: window.devicePixelRatio || 1, font },
    })
    const onPresence = () => {
      const next = cursors(awareness)
      if (sameCursors(last, next)) return
      last = next
      post({ type: 'cursors', cursors: next })
      const shown = next.map((c) => c.name).join(', ')
      if (shown === names) return
      names = shown
      element.dataset.count = String(next.length)
      element.setAttribute('aria-label', next.length > 0 ? label.current('cursors.label', { count: next.length, names: shown }) : '')
    }
    sendView()
    onPresence()
    awareness.on('change', onPresence)
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform !== previous.transform) sendView()
    })
    const resized = new ResizeObserver(sendView)
    resized.observe(element)
    return () => {
      awareness.off('change', onPresence)
      unsubscribe()
      resized.disconnect()
      post.stop()
      surface.remove()
    }
  }, [awareness, store])

  return <div ref={layer} className="cursors" data-testid="remote-cursors" data-count="0" role="img" aria-label="" />
}

/** Hands the canvas to a worker that draws it; where the browser cannot, draws it on this page. */
function drawer(element: HTMLCanvasElement): ((message: CursorMessage) => void) & { stop(): void } {
  if (typeof element.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    const worker = new Worker(new URL('./cursorWorker.ts', import.meta.url), { type: 'module' })
    const offscreen = element.transferControlToOffscreen()
    worker.postMessage({ type: 'canvas', canvas: offscreen } satisfies CursorMessage, [offscreen])
    return Object.assign((message: CursorMessage) => worker.postMessage(message), { stop: () => worker.terminate() })
  }
  const layer = new CursorLayer((draw) => requestAnimationFrame(draw))
  layer.receive({ type: 'canvas', canvas: element })
  return Object.assign((message: CursorMessage) => layer.receive(message), { stop: () => undefined })
}

function sameCursors(a: PeerCursor[], b: PeerCursor[]): boolean {
  return a.length === b.length && a.every((cursor, i) => {
    const other = b[i]!
    return cursor.clientId === other.clientId && cursor.x === other.x && cursor.y === other.y && cursor.name === other.name && cursor.color === other.color
  })
}
