import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../sync/useBoardConnection.js'

/**
 * Live / connecting / offline. Offline reassures an editor that edits are kept, and a viewer that the board catches up;
 * so does Connecting… once the page has been live (the server restarting or gone a while: "Connecting…" alone said
 * nothing of what was typed meanwhile, ops QA).
 */
export function ConnectionBadge({ status, readOnly = false }: { status: ConnectionStatus; readOnly?: boolean }) {
  const { t } = useTranslation()
  const wasLive = useRef(false)
  if (status === 'connected') wasLive.current = true
  const reconnecting = status === 'connecting' && wasLive.current
  const label = reconnecting
    ? t(readOnly ? 'connection.reconnectingViewing' : 'connection.reconnecting')
    : t(status === 'offline' && readOnly ? 'connection.offlineViewing' : `connection.${status}`)
  return (
    <span className={`connection connection--${status}${reconnecting ? ' connection--reconnecting' : ''}`} data-testid="connection" data-status={status}
      role="status" title={label}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{status === 'offline' ? 'Offline' : reconnecting ? t('connection.connecting') : label}</span>
      {(status === 'offline' || reconnecting) && <span className="connection__detail" data-testid="connection-detail">{label}</span>}
    </span>
  )
}
