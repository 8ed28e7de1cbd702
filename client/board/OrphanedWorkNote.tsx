import { useTranslation } from 'react-i18next'
import { restoreTouchpoint } from '../../shared/model/index.js'
import { useBoard } from './BoardContext.js'
import type { OrphanNote } from './useOrphanedWork.js'

/**
 * Says that a card was removed while this person's entries on it were on their way, and offers to bring the card
 * back (under its old id, so the entries show again; Ctrl+Z takes it away again). Shown in the lost drafts' stack.
 */
export function OrphanedWorkNote({ note, onDismiss }: { note: OrphanNote; onDismiss: () => void }) {
  const { t, i18n } = useTranslation()
  const { doc, origin, readOnly } = useBoard()
  const { work, card, steps } = note
  const restoredTitle = t('orphans.restoredTitle')
  const parts = (['factors', 'stardust', 'ratings', 'details'] as const).filter((part) => (work[part] ?? 0) > 0)
    .map((part) => t(`orphans.${part}`, { count: work[part] }))
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts)
  const heading = card ? t('orphans.heading', { title: card.title }) : t('orphans.headingUnknown')
  return (
    <section className="lost-draft" role="alert" data-testid="orphaned-work" data-touchpoint-id={work.touchpointId} aria-label={heading}>
      <strong>{heading}</strong>
      <p>{card ? t(work.details ? 'orphans.bodyOffline' : 'orphans.body', { work: list }) : t('orphans.bodyUnknown', { work: list, title: restoredTitle })}</p>
      <div className="lost-draft__actions">
        {!readOnly && <button type="button" className="button button--small button--primary" data-testid="orphaned-work-restore"
          onClick={() => restoreTouchpoint(doc, card ?? { id: work.touchpointId, title: restoredTitle }, origin, steps)}>{t('orphans.restore')}</button>}
        <button type="button" className="button button--small" data-testid="orphaned-work-dismiss" onClick={onDismiss}>{t('orphans.dismiss')}</button>
      </div>
    </section>
  )
}
