import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType, SYNC_DEFLATE, SyncStep } from '../../shared/protocol.js'

/** Whether this browser inflates raw DEFLATE natively (DecompressionStream: Chrome 103, Firefox 113, Safari 16.4). */
export function canInflate(): boolean {
  try {
    return typeof DecompressionStream === 'function' && new DecompressionStream('deflate-raw') !== null
  } catch {
    return false
  }
}

/** The query parameters by which the provider asks for a large sync step 2 deflated: none where it cannot inflate. */
export function deflatedSyncParams(): Record<string, string> {
  return canInflate() ? { [SYNC_DEFLATE.param]: SYNC_DEFLATE.value } : {}
}

async function inflate(deflated: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([deflated]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * Takes the server's deflated sync step 2 (MessageType.syncStep2Deflated: a
 * board of 1,000 touchpoints is 72 kB instead of 360 kB on the wire). The
 * browser inflates it natively, off the JavaScript thread, and it is handed to
 * the provider's sync handler as the plain step 2 it stands for, so it is
 * applied, and marks the provider synced, exactly as one. Messages that come
 * meanwhile go on as usual: Yjs keeps an update that builds on the board until
 * the board is there.
 */
export function acceptDeflatedSync(provider: WebsocketProvider): void {
  provider.messageHandlers[MessageType.syncStep2Deflated] = (_encoder, decoder, _provider, emitSynced) => {
    const deflated = decoding.readVarUint8Array(decoder).slice()
    inflate(deflated).then((update) => {
      if (provider.doc.isDestroyed) return
      const step2 = encoding.createEncoder()
      encoding.writeVarUint(step2, SyncStep.step2)
      encoding.writeVarUint8Array(step2, update)
      const decoder = decoding.createDecoder(encoding.toUint8Array(step2))
      provider.messageHandlers[MessageType.sync]!(encoding.createEncoder(), decoder, provider, emitSynced, MessageType.sync)
    }, (error: unknown) => console.error('Zigzag: the board sent by the server could not be inflated', error))
  }
}
