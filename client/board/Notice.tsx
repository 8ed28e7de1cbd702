import { useTranslation } from 'react-i18next'
import { Logo } from '../panels/Logo.js'

/** A full-page message: bad link, unknown board, load failure, a board newer than this page. */
export function Notice({ message, onRetry, retryLabel }: { message: string; onRetry?: () => void; retryLabel?: string }) {
  const { t } = useTranslation()
  return (
    <main className="notice">
      <Logo />
      <p role="alert" data-testid="notice">{message}</p>
      <div className="notice__actions">
        {onRetry && <button type="button" className="button button--primary" onClick={onRetry}>{retryLabel ?? t('errors.retry')}</button>}
        <a className="button" href="/">{t('errors.home')}</a>
      </div>
    </main>
  )
}
