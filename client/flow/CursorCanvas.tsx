import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import { type PeerCursor, cursors, sameCursors } from '../sync/presence.js'
import { onPresenceFrame } from '../sync/presenceFrames.js'
import { CROWD_FRAME_MS, type CursorMessage, CursorLayer, atMostEvery } from './cursorLayer.js'
import { CursorPacker } from './cursorWire.js'

/**
 * A crowd's cursors (see Cursors) on one canvas over the board, drawn by a
 * worker (cursorWorker.ts). This page only posts presence (at most as often
 * as the canvas is drawn, CROWD_FRAME_MS) and the viewport when they change,
 * and renders nothing in React for a pointer move: no
 * element, layer, style or hit-test entry per cursor.
 */
export function CursorCanvas({ awareness }: { awareness: Awareness }) {
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
      element.setAttribute('aria-label', label.current('cursors.label', { count: next.length, names: shown }))
    }
    sendView()
    onPresence()
    const postPresence = atMostEvery(CROWD_FRAME_MS, onPresence)
    const stopPresence = onPresenceFrame(awareness, postPresence)
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform !== previous.transform) sendView()
    })
    const resized = new ResizeObserver(sendView)
    resized.observe(element)
    return () => {
      stopPresence()
      postPresence.stop()
      unsubscribe()
      resized.disconnect()
      post.stop()
      surface.remove()
    }
  }, [awareness, store])

  return <div ref={layer} className="cursors" data-testid="crowd-cursors" data-count="0" role="img" aria-label="" />
}

/** Hands the canvas to a worker that draws it; where the browser cannot, draws it on this page. */
function drawer(element: HTMLCanvasElement): ((message: CursorMessage) => void) & { stop(): void } {
  if (typeof element.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
    const worker = new Worker(new URL('./cursorWorker.ts', import.meta.url), { type: 'module' })
    const offscreen = element.transferControlToOffscreen()
    worker.postMessage({ type: 'canvas', canvas: offscreen } satisfies CursorMessage, [offscreen])
    const packer = new CursorPacker()
    const post = (message: CursorMessage) => {
      if (message.type !== 'cursors') return worker.postMessage(message)
      const { message: packed, transfer } = packer.pack(message.cursors)
      worker.postMessage(packed, transfer)
    }
    return Object.assign(post, { stop: () => worker.terminate() })
  }
  const layer = new CursorLayer((draw) => requestAnimationFrame(draw))
  layer.receive({ type: 'canvas', canvas: element })
  return Object.assign((message: CursorMessage) => layer.receive(message), { stop: () => undefined })
}
