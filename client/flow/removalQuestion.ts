import type * as Y from 'yjs'
import { cardsLeaving } from '../../shared/model/index.js'
import type { Translate } from './CanvasContext.js'

/**
 * What removing a phase or lane asks: how many touchpoints it holds and which neighbour they move to, or that it holds
 * none. It said "the neighbouring lane" whatever it held, and a person could not tell where their cards would go (QA).
 */
export function removalQuestion(doc: Y.Doc, axis: 'phase' | 'lane', id: string, name: string, t: Translate): string {
  const [leaving] = cardsLeaving(doc, axis === 'lane' ? { phases: [], lanes: [id] } : { phases: [id], lanes: [] }, new Set())
  const key = axis === 'lane' ? 'grid.removeLaneConfirm' : 'grid.removePhaseConfirm'
  return leaving
    ? t(key, { name, count: leaving.touchpointIds.length, to: leaving.to.name })
    : t(`${key}Empty`, { name })
}
