import { useEffect, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { touchpointMaps } from '../../shared/model/index.js'

/** How long after the connection is back a removal that arrives still counts as one made while this page was offline. */
const SETTLE_MS = 10_000

/**
 * Cards whose details this page changed while its connection was down, and that someone removed meanwhile: the
 * changes arrive at a card that is gone, and the card vanishes from this page as the removal arrives, with no word.
 * Answers, per such card, how many of its fields this page changed (for useOrphanedWork's note, which can bring the
 * card back as this page last saw it, changes included).
 */
export function useOfflineEditsGone(doc: Y.Doc, provider: WebsocketProvider, origin: unknown, active: boolean): ReadonlyMap<string, number> {
  const edited = useRef(new Map<string, number>())
  const [gone, setGone] = useState<ReadonlyMap<string, number>>(new Map())
  useEffect(() => {
    if (!active) return
    const cards = touchpointMaps(doc)
    let settled: ReturnType<typeof setTimeout> | undefined
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.origin === origin) {
        if (provider.synced) return
        for (const [type, keys] of transaction.changed) {
          const id = type instanceof Y.Map && type.parent === cards ? type._item?.parentSub : null
          if (id) edited.current.set(id, (edited.current.get(id) ?? 0) + keys.size)
        }
        return
      }
      if (transaction.local || edited.current.size === 0) return
      const removed = [...(transaction.changed.get(cards as never) ?? [])].filter((id): id is string => id !== null && !cards.has(id) && edited.current.has(id))
      if (removed.length === 0) return
      const found = removed.map((id) => [id, edited.current.get(id)!] as const)
      for (const id of removed) edited.current.delete(id)
      setGone((before) => new Map([...before, ...found]))
    }
    // Synced again: what was changed offline has reached everyone, or its card's removal has arrived, by a while later.
    const onSync = (synced: boolean) => {
      clearTimeout(settled)
      if (synced) settled = setTimeout(() => edited.current.clear(), SETTLE_MS)
    }
    doc.on('afterTransaction', onTransaction)
    provider.on('sync', onSync)
    return () => {
      clearTimeout(settled)
      doc.off('afterTransaction', onTransaction)
      provider.off('sync', onSync)
    }
  }, [doc, provider, origin, active])
  return gone
}
