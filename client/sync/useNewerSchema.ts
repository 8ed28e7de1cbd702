import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { isNewerSchema, metaMap } from '../../shared/model/index.js'

/**
 * True once the board has been seen at a schema version newer than this
 * page's code, as when the server was updated while the page stayed open. It
 * stays true: this code may misread the newer layout, so the page must be
 * reloaded before anyone edits through it.
 */
export function useNewerSchema(doc: Y.Doc): boolean {
  const [newer, setNewer] = useState(() => isNewerSchema(doc))
  useEffect(() => {
    const meta = metaMap(doc)
    const check = () => {
      if (isNewerSchema(doc)) setNewer(true)
    }
    check()
    meta.observe(check)
    return () => meta.unobserve(check)
  }, [doc])
  return newer
}
