import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardLinks, rotateLink } from '../sync/api.js'
import { Modal } from '../ui/Modal.js'

const KINDS = ['edit', 'view', 'facilitator'] as const

/** The links this person may hand on: facilitators see all three, editors edit+view, viewers view. */
interface Props {
  links: BoardLinks
  onClose: () => void
  /** Given for facilitators: lets them replace the edit or view link. */
  rotation?: { boardId: string; token: string; onRotated: (links: BoardLinks) => void }
}

export function SharePanel({ links, onClose, rotation }: Props) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState<string | null>(null)
  const [rotateError, setRotateError] = useState('')
  const rotate = async (kind: 'edit' | 'view') => {
    if (!rotation || !window.confirm(t('share.rotateConfirm'))) return
    try {
      rotation.onRotated((await rotateLink(rotation.boardId, rotation.token, kind)).links)
      setRotateError('')
    } catch (err) {
      setRotateError((err as Error).message)
    }
  }
  const copy = async (kind: string, link: string) => {
    await navigator.clipboard?.writeText(link).catch(() => undefined)
    setCopied(kind)
  }
  return (
    <Modal className="share" label={t('share.heading')} testId="share-panel" onClose={onClose}>
        <h2>{t('share.heading')}</h2>
        {KINDS.filter((kind) => links[kind]).map((kind) => (
          <div key={kind} className={`share__link share__link--${kind}`}>
            <label htmlFor={`link-${kind}`}>{t(`share.${kind}`)}</label>
            <p className="share__hint">{t(`share.${kind}Hint`)}</p>
            <div className="share__row">
              <input id={`link-${kind}`} data-testid={`link-${kind}`} readOnly value={links[kind]} onFocus={(e) => e.target.select()} />
              <button type="button" className="button" onClick={() => copy(kind, links[kind]!)}>
                {copied === kind ? t('share.copied') : t('share.copy')}
              </button>
              {rotation && kind !== 'facilitator' && (
                <button type="button" className="button" data-testid={`rotate-${kind}`} title={t('share.rotateHint')} onClick={() => void rotate(kind)}>
                  ⟳ {t('share.rotate')}
                </button>
              )}
            </div>
          </div>
        ))}
        {rotateError && <p role="alert" className="error-text">{rotateError}</p>}
        <button type="button" className="button share__close" onClick={onClose}>{t('share.close')}</button>
    </Modal>
  )
}
