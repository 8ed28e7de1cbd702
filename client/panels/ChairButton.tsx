import { useTranslation } from 'react-i18next'
import { releaseCustomerChair, takeCustomerChair } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'

/**
 * The empty chair: whoever takes it speaks as the customer; what they add meanwhile is marked as the customer's voice.
 * `bar`: the laptop's persona bar; `phone`: the phone's list, with buttons a thumb can hit; `projector`: large and
 * read-only, shown only while someone holds the chair.
 */
export function ChairButton({ variant = 'bar' }: { variant?: 'bar' | 'phone' | 'projector' }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, peers, me } = useBoard()
  const holder = board.customerChair
  const present = new Set(peers.map((p) => p.user.id))
  const mine = holder?.participantId === me.id
  const heldByOther = holder && !mine && present.has(holder.participantId)
  const take = () => takeCustomerChair(doc, { participantId: me.id, name: me.name }, present, origin)
  if (variant === 'projector') {
    // The projector often runs in the facilitator's browser, as the same participant: it names whoever holds the chair.
    if (!holder || !present.has(holder.participantId)) return null
    return (
      <div className="chair chair--held chair--projector" data-testid="chair" data-holder={holder.name}>
        <Icon name="chair" className="chair__icon" />
        <span className="chair__text" data-testid="chair-holder">{t('chair.heldBy', { name: holder.name })}</span>
      </div>
    )
  }
  const held = heldByOther || mine
  return (
    <div className={`chair${held ? ' chair--held' : ''}${variant === 'phone' ? ' chair--phone' : ''}`} data-testid="chair"
      data-holder={heldByOther || mine ? holder!.name : ''}>
      <Icon name="chair" className="chair__icon" />
      {mine ? (
        <>
          <span className="chair__text">{t('chair.you')}</span>
          <button type="button" className="button button--small" data-testid="chair-leave" onClick={() => releaseCustomerChair(doc, me.id, origin)}>{t('chair.leave')}</button>
        </>
      ) : heldByOther ? (
        <span className="chair__text" data-testid="chair-holder">{t('chair.heldBy', { name: holder!.name })}</span>
      ) : readOnly ? (
        // Someone who only watches cannot sit in the chair: it is empty, and that is all to show.
        <span className="chair__text" data-testid="chair-empty">{t('chair.empty')}</span>
      ) : (
        <button type="button" className="button button--small" data-testid="chair-take" title={t('chair.takeHint')} onClick={take}>{t('chair.take')}</button>
      )}
    </div>
  )
}
