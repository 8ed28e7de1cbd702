import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { LoadFailure } from './loadOnDemand.js'

/** What could not load: the export, the board file check, the QR code. */
type Need = 'export' | 'import' | 'qr'

/**
 * Says why a part of Zigzag did not load and what to do. After an update a reload fetches the new build: the board
 * keeps its work, and text not yet saved makes the browser ask before leaving (useLeaveWarning).
 */
export function LoadFailureNote({ failure, need, ref }: { failure: LoadFailure; need: Need; ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation()
  return (
    <div role="alert" className="load-failure" ref={ref} data-testid="load-failure" data-failure={failure}>
      <p>{failure === 'updated' ? t(`loadFailure.updated.${need}`) : t('loadFailure.offline')}</p>
      {failure === 'updated' && (
        <button type="button" className="button button--small button--primary" data-testid="load-failure-reload"
          onClick={() => window.location.reload()}>{t('errors.reload')}</button>
      )}
    </div>
  )
}
