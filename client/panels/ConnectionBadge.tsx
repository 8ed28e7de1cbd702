import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../sync/useBoardConnection.js'

/** Live / connecting / offline. Offline reassures an editor that edits are kept, and a viewer that the board catches up. */
export function ConnectionBadge({ status, readOnly = false }: { status: ConnectionStatus; readOnly?: boolean }) {
  const { t } = useTranslation()
  const label = t(status === 'offline' && readOnly ? 'connection.offlineViewing' : `connection.${status}`)
  return (
    <span className={`connection connection--${status}`} data-testid="connection" data-status={status} role="status" title={label}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{status === 'offline' ? 'Offline' : label}</span>
      {status === 'offline' && <span className="connection__detail">{label}</span>}
    </span>
  )
}
