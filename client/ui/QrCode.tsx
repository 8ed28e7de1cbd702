import { useEffect, useState } from 'react'
import { LoadFailureNote } from './LoadFailureNote.js'
import { type LoadFailure, ModuleLoadError, loadOnDemand } from './loadOnDemand.js'

/** A QR code of a link, drawn as a data-URL image (allowed by the page's CSP, no script involved). */
export function QrCode({ value, size = 220, label }: { value: string; size?: number; label: string }) {
  const [src, setSrc] = useState('')
  const [failure, setFailure] = useState<LoadFailure | null>(null)
  useEffect(() => {
    let live = true
    // The QR library loads when a code is first shown (sharing, the projector), not with every board.
    loadOnDemand(() => import('qrcode'))
      .then(({ default: QRCode }) => QRCode.toDataURL(value, { width: size * 2, margin: 1, errorCorrectionLevel: 'M' }))
      .then((url) => live && setSrc(url))
      .catch((err: unknown) => {
        if (!live) return
        setSrc('')
        if (err instanceof ModuleLoadError) setFailure(err.failure)
      })
    return () => { live = false }
  }, [value, size])
  if (failure) return <LoadFailureNote failure={failure} need="qr" />
  return src ? <img src={src} width={size} height={size} alt={label} data-testid="qr-code" data-value={value} className="qr" /> : null
}
