import { inflateSync } from 'fflate'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType, SYNC_DEFLATE, SyncStep } from '../../shared/protocol.js'

/** The query parameters by which the provider asks for a large sync step 2 deflated. */
export const deflatedSyncParams = { [SYNC_DEFLATE.param]: SYNC_DEFLATE.value }

/**
 * Takes the server's deflated sync step 2 (MessageType.syncStep2Deflated: a
 * board of 1,000 touchpoints is 72 kB instead of 360 kB on the wire): it is
 * inflated and handed to the provider's sync handler as the plain step 2 it
 * stands for, so it is applied, and marks the provider synced, exactly as one.
 */
export function acceptDeflatedSync(provider: WebsocketProvider): void {
  provider.messageHandlers[MessageType.syncStep2Deflated] = (encoder, decoder, _provider, emitSynced) => {
    const update = inflateSync(decoding.readVarUint8Array(decoder))
    const step2 = encoding.createEncoder()
    encoding.writeVarUint(step2, SyncStep.step2)
    encoding.writeVarUint8Array(step2, update)
    provider.messageHandlers[MessageType.sync]!(encoder, decoding.createDecoder(encoding.toUint8Array(step2)), _provider, emitSynced, MessageType.sync)
  }
}
