import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, type BoardInfo, fetchBoardInfo, parseBoardLocation } from '../sync/api.js'
import { currentParticipant, savedName } from '../sync/identity.js'
import { keepBoardInfo, keptBoardInfo } from '../sync/offlineApp.js'
import { rememberBoard } from '../sync/recentBoards.js'
import { useBoardConnection } from '../sync/useBoardConnection.js'
import { BoardWorkspace } from './BoardWorkspace.js'
import { JoinDialog } from './JoinDialog.js'
import { focusBoardOnceShown } from './focusAfterJoin.js'
import { useLeaveWarning } from './useLeaveWarning.js'
import { Notice } from './Notice.js'

type LoadError = 'badLink' | 'linkRotated' | 'viewLinkRotated' | 'notFound' | 'loadFailed' | 'unreachable'
type Loaded = { state: 'loading' } | { state: 'ready'; info: BoardInfo } | { state: 'error'; error: LoadError; detail: string }

/**
 * `/b/<id>#token=…`: checks the link, asks for a name once, then opens the live board. A new token put into the
 * same tab (only the hash changes, so the page is not loaded again) opens the board anew with it.
 */
export function BoardPage() {
  const { t } = useTranslation()
  const location = useBoardLocation()
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [name, setName] = useState(() => (location?.projector ? 'Projector' : savedName()))
  const me = useMemo(() => currentParticipant(name), [name])

  const load = useCallback(() => {
    if (!location) return
    setLoaded({ state: 'loading' })
    fetchBoardInfo(location.boardId, location.token)
      .then((info) => {
        setLoaded({ state: 'ready', info })
        document.title = `${info.title} – Zigzag`
        if (!location.projector) rememberBoard({ id: info.id, title: info.title, role: info.role, link: window.location.href })
        keepBoardInfo(info, location.token)
      })
      .catch((err: unknown) => {
        const status = err instanceof ApiError ? err.status : 0
        // No answer at all (offline, or the server is down): a board this browser keeps a copy of opens from the copy.
        const kept = status === 0 ? keptBoardInfo(location.boardId, location.token) : null
        if (kept) {
          setLoaded({ state: 'ready', info: kept })
          document.title = `${kept.title} – Zigzag`
          return
        }
        const error: LoadError = status === 401 || status === 403 ? 'badLink' : status === 404 ? 'notFound' : status === 0 ? 'unreachable'
          // A replaced link (its holder was away when it was replaced) says so, as to those on the board then.
          : status === 410 && err instanceof ApiError && err.replaced ? (err.replaced === 'view' ? 'viewLinkRotated' : 'linkRotated') : 'loadFailed'
        setLoaded({ state: 'error', error, detail: (err as Error).message })
      })
  }, [location]) // not on language change: switching language must not reload the board

  useEffect(load, [load])
  // Connects while the board's details load: both wait for the server's load of a board not in memory, once.
  const info = loaded.state === 'ready' ? loaded.info : null
  const connection = useBoardConnection(
    loaded.state === 'error' ? null : location, info?.role ?? null, name ? me : null, info && (location?.projector ? 'projector' : info.role),
  )

  useLeaveWarning()

  if (!location) return <Notice message={t('errors.noBoard')} />
  if (loaded.state === 'loading') return <div className="loading" aria-busy="true" />
  if (loaded.state === 'error') {
    const retry = loaded.error === 'loadFailed' || loaded.error === 'unreachable' ? load : undefined
    return <Notice message={t(`errors.${loaded.error}`, { message: loaded.detail })} onRetry={retry} />
  }
  if (!name) return <JoinDialog info={loaded.info} onJoin={(joined) => { setName(joined); focusBoardOnceShown() }} />
  return <BoardWorkspace info={loaded.info} token={location.token} me={me} projector={location.projector} connection={connection} />
}

/**
 * The board and token of the page's address, again whenever its hash changes (the new link after a rotation, pasted
 * into the tab that says the old one was replaced). The same board and token keep the same object, so nothing reloads.
 */
function useBoardLocation() {
  const [location, setLocation] = useState(() => parseBoardLocation(window.location))
  useEffect(() => {
    const onChange = () => setLocation((was) => {
      const now = parseBoardLocation(window.location)
      return now && was && now.boardId === was.boardId && now.token === was.token && now.projector === was.projector ? was : now
    })
    window.addEventListener('hashchange', onChange)
    window.addEventListener('popstate', onChange)
    return () => {
      window.removeEventListener('hashchange', onChange)
      window.removeEventListener('popstate', onChange)
    }
  }, [])
  return location
}
