import { useLayoutEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardLinks, rotateLink } from '../sync/api.js'
import { Modal } from '../ui/Modal.js'
import { copyText } from '../ui/copyText.js'
import { QrCode } from '../ui/QrCode.js'

const KINDS = ['edit', 'view', 'facilitator'] as const

/** The links this person may hand on: facilitators see all three, editors edit+view, viewers view. */
interface Props {
  links: BoardLinks
  onClose: () => void
  /** Given for facilitators: lets them replace the edit or view link. */
  rotation?: { boardId: string; token: string; onRotated: (links: BoardLinks) => void }
}

/**
 * Each link's box as tall as its link takes at the box's width (a phone's box is narrow), so its end, the token that
 * tells the links apart, always shows: measured when shown and when the window changes size.
 */
function useWholeLinks() {
  useLayoutEffect(() => {
    const fit = () => {
      for (const box of document.querySelectorAll<HTMLTextAreaElement>('.share__row textarea')) {
        box.style.height = 'auto'
        box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`
      }
    }
    fit()
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  })
}

export function SharePanel({ links, onClose, rotation }: Props) {
  const { t } = useTranslation()
  /** The link last copied, and whether the copy worked: "Copied" only shows when it did. */
  const [copied, setCopied] = useState<{ kind: string; ok: boolean } | null>(null)
  const [rotateError, setRotateError] = useState('')
  /** The link whose QR code shows, for people to scan from the shared screen with a phone. */
  const [qr, setQr] = useState<string | null>(null)
  useWholeLinks()
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
    const ok = await copyText(link, document.getElementById(`link-${kind}`) as HTMLInputElement | null)
    setCopied({ kind, ok })
  }
  return (
    <Modal className="share" label={t('share.heading')} testId="share-panel" onClose={onClose}>
        <h2>{t('share.heading')}</h2>
        {KINDS.filter((kind) => links[kind]).map((kind) => (
          <div key={kind} className={`share__link share__link--${kind}`}>
            <label htmlFor={`link-${kind}`}>{t(`share.${kind}`)}</label>
            <p className="share__hint">{t(`share.${kind}Hint`)}</p>
            <div className="share__row">
              {/* The whole width, on two lines, so the end of each link shows: the links differ only in their token, at the end. */}
              <textarea id={`link-${kind}`} data-testid={`link-${kind}`} readOnly rows={2} value={links[kind]} spellCheck={false} onFocus={(e) => e.target.select()} />
              <button type="button" className="button" data-testid={`copy-${kind}`} onClick={() => void copy(kind, links[kind]!)}>
                {copied?.kind === kind && copied.ok ? t('share.copied') : t('share.copy')}
              </button>
              {kind !== 'facilitator' && (
                <button type="button" className="button" data-testid={`qr-${kind}`} aria-expanded={qr === kind} onClick={() => setQr(qr === kind ? null : kind)}>
                  {t('share.qr')}
                </button>
              )}
              {rotation && kind !== 'facilitator' && (
                <button type="button" className="button" data-testid={`rotate-${kind}`} title={t('share.rotateHint')} onClick={() => void rotate(kind)}>
                  ⟳ {t('share.rotate')}
                </button>
              )}
            </div>
            {kind === 'facilitator' && (
              // The room's screen: where a facilitator looks when setting up, not only behind the session strip's icon.
              <p className="share__projector">
                <a className="button" data-testid="share-open-projector" href={links.facilitator!.replace('#', '/projector#')} target="_blank" rel="noreferrer">
                  {t('share.openProjector')}
                </a>
                <span className="share__hint">{t('share.openProjectorHint')}</span>
              </p>
            )}
            {qr === kind && <div className="share__qr"><QrCode value={links[kind]!} size={180} label={t('share.qrLabel', { link: t(`share.${kind}`) })} /></div>}
            {copied?.kind === kind && !copied.ok && <p role="alert" className="error-text" data-testid={`copy-failed-${kind}`}>{t('share.copyFailed')}</p>}
          </div>
        ))}
        {rotateError && <p role="alert" className="error-text">{rotateError}</p>}
        <button type="button" className="button share__close" onClick={onClose}>{t('share.close')}</button>
    </Modal>
  )
}
