/**
 * Typed transaction origins: undo, broadcast and storage tell their own
 * writes from others' by `source`.
 */
export type OriginSource = 'local' | 'remote' | 'migration' | 'persistence' | 'seed' | 'server' | 'cluster'

export interface TransactionOrigin {
  source: OriginSource
  /** Set by the relay: the connection an update came from, so it is not echoed back. */
  connectionId?: string
}

export const migrationOrigin: TransactionOrigin = { source: 'migration' }
export const persistenceOrigin: TransactionOrigin = { source: 'persistence' }
export const seedOrigin: TransactionOrigin = { source: 'seed' }
/** Writes the relay makes itself: revealed private drafts, reverted edits of locked items. */
export const serverOrigin: TransactionOrigin = { source: 'server' }

export function isOrigin(value: unknown): value is TransactionOrigin {
  return typeof value === 'object' && value !== null && 'source' in value
}
/** Updates another relay process accepted and stored, arriving through the cluster channel. */
export const clusterOrigin: TransactionOrigin = { source: 'cluster' }
