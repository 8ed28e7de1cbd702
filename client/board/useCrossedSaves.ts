import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { mergeCrossedSaves, touchpointMaps, type UnmergedSave } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { keepLostDraft } from '../ui/lostDrafts.js'

/** The touchpoint fields with a label of their own in the panel. */
const FIELD_LABELS: Record<string, string> = {
  description: 'touchpoint.description', department: 'touchpoint.department', expectation: 'touchpoint.expectation', painPoint: 'touchpoint.painPoint',
  measure: 'touchpoint.measure',
}

/**
 * Saves of this page that crossed someone else's save of the same field are merged into theirs (mergeCrossedSaves);
 * where they no longer fit, this person's text is kept in a note to copy, as when it is rewritten while being typed.
 */
export function useCrossedSaves(doc: Y.Doc, origin: TransactionOrigin): void {
  const { t } = useTranslation()
  useEffect(() => mergeCrossedSaves(doc, origin, (save) => {
    const field = FIELD_LABELS[save.key]
    keepLostDraft(nameOf(doc, save), save.text, save.tooLong ? 'tooLong' : 'rewritten', field && t(field))
  }), [doc, origin, t])
}

/** What the text belonged to: the entity's title or name, or for a factor or idea, its touchpoint's title. */
function nameOf(doc: Y.Doc, { entity }: UnmergedSave): string {
  const own = entity.get('title') ?? entity.get('name')
  if (typeof own === 'string' && own) return own
  const touchpointId = entity.get('touchpointId')
  const title = typeof touchpointId === 'string' ? touchpointMaps(doc).get(touchpointId)?.get('title') : undefined
  return typeof title === 'string' ? title : ''
}
