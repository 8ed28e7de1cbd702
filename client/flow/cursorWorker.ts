/// <reference lib="webworker" />
import { type CursorMessage, CursorLayer } from './cursorLayer.js'
import { CursorUnpacker, type PackedCursors } from './cursorWire.js'

/** Draws everyone else's cursors off the page's main thread, on the canvas the page handed over (CursorCanvas.tsx). */
const scope = self as unknown as DedicatedWorkerGlobalScope
const layer = new CursorLayer((draw) => {
  if (typeof scope.requestAnimationFrame === 'function') scope.requestAnimationFrame(draw)
  else setTimeout(draw, 16)
})
const unpacker = new CursorUnpacker()
scope.onmessage = (event: MessageEvent<CursorMessage | PackedCursors>) => {
  const message = event.data
  layer.receive(message.type === 'packedCursors' ? { type: 'cursors', cursors: unpacker.unpack(message) } : message)
}
