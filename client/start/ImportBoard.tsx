import { type ChangeEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importBoardFile } from '../sync/api.js'
import { markNewBoard } from '../sync/newBoard.js'

/** Creates a new board from an exported Zigzag board file (.json); a bad file is refused with what is wrong and where. */
export function ImportBoard() {
  const { t } = useTranslation()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setBusy(true)
    setError('')
    try {
      let json: unknown
      try {
        json = JSON.parse(await file.text())
      } catch {
        throw new Error(t('import.notJson', { name: file.name }))
      }
      const board = await importBoardFile(json)
      markNewBoard(board.id)
      window.location.assign(board.links.facilitator)
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }
  return (
    <div className="import">
      <label className="button" aria-disabled={busy}>
        ⤒ {busy ? t('start.creating') : t('import.button')}
        <input type="file" accept=".json,application/json" data-testid="import-file" hidden onChange={(e) => void onFile(e)} />
      </label>
      <span className="hint">{t('import.hint')}</span>
      {error && <p role="alert" className="error-text" data-testid="import-error">{error}</p>}
    </div>
  )
}
