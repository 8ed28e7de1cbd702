import type { ReactNode } from 'react'
import { EditTargetContext, useEditTarget } from './lostDrafts.js'

/** Marks what the fields inside are part of (a card, a phase, an entry): see EditTarget in lostDrafts.ts. */
export function EditTarget({ isGone, name, children }: { isGone: () => boolean; name: string; children: ReactNode }) {
  return <EditTargetContext.Provider value={useEditTarget(isGone, name)}>{children}</EditTargetContext.Provider>
}
