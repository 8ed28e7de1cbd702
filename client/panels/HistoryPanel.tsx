import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { type BoardState, clipText, readBoard, restoreVersionUpdate } from '../../shared/model/index.js'
import { MAX_VERSION_NAME_LENGTH } from '../../shared/versionNames.js'
import { useBoard } from '../board/BoardContext.js'
import { type VersionSummary, VersionsUnreachableError, fetchVersion, listVersions, saveVersion } from '../sync/versionsApi.js'
import { useLengthLimit } from '../ui/FieldNotes.js'
import { PanelHeader } from '../ui/PanelHeader.js'
import { VersionPreview } from './VersionPreview.js'
import { beforeRestoreName } from './beforeRestoreName.js'
import { saveBeforeRestore } from './saveBeforeRestore.js'
import { versionLabel } from './versionLabel.js'

/**
 * Version history: save a named version, preview any version read-only, restore it as an undoable edit. The board as it
 * was before a restore is saved as a version first; a restore whose save fails does not happen.
 */
export function HistoryPanel({ boardId, token, onClose }: { boardId: string; token: string; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { doc, provider, origin, readOnly, me, session: { send } } = useBoard()
  const [versions, setVersions] = useState<VersionSummary[]>([])
  const [name, setName] = useState('')
  const nameLimit = useLengthLimit(name, setName, MAX_VERSION_NAME_LENGTH)
  const [message, setMessage] = useState('')
  const [preview, setPreview] = useState<{ version: VersionSummary; board: BoardState; update: Uint8Array } | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [restoreFailed, setRestoreFailed] = useState(false)

  // Offline, fetch fails with its own untranslated "Failed to fetch": say what that means, in the board's language.
  const label = (version: VersionSummary) => versionLabel(t, i18n.language, version.name)
  const fail = useCallback((err: unknown) => setMessage(err instanceof VersionsUnreachableError ? t('history.offline') : (err as Error).message), [t])
  const refresh = useCallback(() => {
    listVersions(boardId, token).then(setVersions).catch(fail)
  }, [boardId, token, fail])
  useEffect(refresh, [refresh])

  const save = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await saveVersion(boardId, token, name.trim() || t('history.manual'), me.name)
      setName('')
      refresh()
    } catch (err) {
      fail(err)
    }
  }
  const open = async (version: VersionSummary) => {
    const update = await fetchVersion(boardId, token, version.id)
    const snapshot = new Y.Doc()
    Y.applyUpdate(snapshot, update)
    setRestoreFailed(false)
    setPreview({ version, board: readBoard(snapshot), update })
    snapshot.destroy()
  }
  const [restored, setRestored] = useState(false)
  const restore = async () => {
    if (!preview || restoring) return
    const versionName = preview.version.name || t('history.manual')
    setRestoring(true)
    setRestoreFailed(false)
    let before: VersionSummary
    try {
      // Named apart from every version there is now, as the list shows them: someone else may have restored meanwhile.
      const shown = new Set((await listVersions(boardId, token)).map(label))
      const name = beforeRestoreName(t, versionName, (name) => shown.has(versionLabel(t, i18n.language, name)))
      before = await saveBeforeRestore(provider, { boardId, token }, name, me.name)
    } catch {
      setRestoreFailed(true)
      return
    } finally {
      setRestoring(false)
    }
    setVersions((list) => [before, ...list.filter((v) => v.id !== before.id)])
    restoreVersionUpdate(doc, preview.update, origin)
    send({ type: 'restore.announce', version: clipText(versionName, MAX_VERSION_NAME_LENGTH) })
    setMessage(t('history.restored', { name: label(preview.version) }))
    setRestored(true)
    setPreview(null)
  }
  // "Press Ctrl+Z to undo the restore" holds until the board changes again: after an undo, or anyone's edit, it would mislead.
  useEffect(() => {
    if (!restored) return
    const forget = () => {
      setRestored(false)
      setMessage('')
    }
    doc.on('update', forget)
    return () => doc.off('update', forget)
  }, [doc, restored])

  return (
    <aside className="details details--wide" aria-label={t('history.heading')} data-testid="history-panel">
      <PanelHeader title={t('history.heading')} onClose={onClose} takeFocus />
      {!readOnly && (
        <form className="add-row" onSubmit={(e) => void save(e)}>
          <input value={name} {...nameLimit.limitProps} placeholder={t('history.namePlaceholder')} aria-label={t('history.name')}
            data-testid="version-name" />
          <button type="submit" className="button button--primary" data-testid="save-version">{t('history.save')}</button>
          {nameLimit.note}
        </form>
      )}
      {message && <p className="hint" role="status" data-testid="history-message">{message}</p>}
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v.id} data-testid="version">
            <button type="button" onClick={() => void open(v).catch(fail)}>
              <strong>{label(v)}</strong>
              <span>{new Date(v.createdAt).toLocaleString(i18n.language)} · {v.author || t('history.automatic')}</span>
            </button>
          </li>
        ))}
      </ul>
      {versions.length === 0 && <p className="hint">{t('history.empty')}</p>}
      {preview && (
        <VersionPreview board={preview.board} title={label(preview.version)} canRestore={!readOnly} restoring={restoring}
          problem={restoreFailed ? t('history.restoreNotSaved') : ''} onRestore={() => void restore()} onClose={() => setPreview(null)} />
      )}
    </aside>
  )
}
