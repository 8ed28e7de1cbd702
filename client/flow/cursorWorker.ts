/// <reference lib="webworker" />
import { type CursorMessage, CursorLayer } from './cursorLayer.js'

/** Draws everyone else's cursors off the page's main thread, on the canvas the page handed over (Cursors.tsx). */
const scope = self as unknown as DedicatedWorkerGlobalScope
const layer = new CursorLayer((draw) => {
  if (typeof scope.requestAnimationFrame === 'function') scope.requestAnimationFrame(draw)
  else setTimeout(draw, 16)
})
scope.onmessage = (event: MessageEvent<CursorMessage>) => layer.receive(event.data)
