import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol.js'
import type { BoardInfo } from '../sync/api.js'
import type { Participant } from '../sync/identity.js'
import type { BoardConnection } from '../sync/useBoardConnection.js'
import { useNewerSchema } from '../sync/useNewerSchema.js'
import { LiveBoard } from './LiveBoard.js'
import { keepDraftsOfClosingBoard } from '../ui/lostDrafts.js'
import { LostDrafts } from './LostDrafts.js'
import { Notice } from './Notice.js'

interface Props { info: BoardInfo; token: string; me: Participant; projector: boolean; connection: BoardConnection | null }

/** The board once connected; shows why when the server refuses the link for good. */
export function BoardWorkspace({ info, token, me, projector, connection }: Props) {
  const { t } = useTranslation()
  if (!connection) return <div className="loading" aria-busy="true" />
  if (connection.refused) {
    const { code } = connection.refused
    // A view link adds nothing and keeps no copy: its replaced link says only that.
    const rotated = info.role === 'viewer' ? 'viewLinkRotated' : 'linkRotated'
    const key = code === CloseCode.boardNotFound ? 'notFound' : code === CloseCode.linkRotated ? rotated : code === CloseCode.boardFull ? 'boardFull' : 'badLink'
    const message = t(`errors.${key}`)
    // The board's fields go away with it: what is typed in them and not yet saved stays on screen, to copy.
    keepDraftsOfClosingBoard()
    return <><Notice message={message} /><LostDrafts /></>
  }
  return (
    <CurrentSchemaOnly doc={connection.doc}>
      <LiveBoard info={info} token={token} connection={connection} me={me} projector={projector} />
    </CurrentSchemaOnly>
  )
}

/** Shows the board only while this page's code knows its layout; after a server update, asks for a reload. */
function CurrentSchemaOnly({ doc, children }: { doc: Y.Doc; children: ReactNode }) {
  const { t } = useTranslation()
  if (!useNewerSchema(doc)) return children
  return <Notice message={t('errors.newerSchema')} onRetry={() => window.location.reload()} retryLabel={t('errors.reload')} />
}
