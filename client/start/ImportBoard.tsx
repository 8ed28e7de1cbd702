import { type ChangeEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_BOARD_FILE_BYTES } from '../../shared/format/fileSize.js'
import { importBoardFile } from '../sync/api.js'
import { markNewBoard } from '../sync/newBoard.js'
import { rememberBoard } from '../sync/recentBoards.js'
import { notJsonMessage } from './jsonProblem.js'
import { LoadFailureNote } from '../ui/LoadFailureNote.js'
import { type LoadFailure, ModuleLoadError, loadOnDemand } from '../ui/loadOnDemand.js'

/** How much larger than the limit an indented export may be and still fit once sent without its spacing. */
const SPACING_ALLOWANCE = 2
/** What importBoardFile adds around the file: `{"board":` and `}`. */
const SENT_WRAPPER_BYTES = 10

/** How many of a file's problems the start page lists; the rest are counted. */
export const PROBLEMS_SHOWN = 10

/** Megabytes as file managers that count in 1,024s show them, rounded up to a tenth: a file just over the limit never reads as the limit. */
const megabytes = (bytes: number) => Math.ceil((bytes / (1024 * 1024)) * 10) / 10

/**
 * What is wrong with the chosen file: its name and every problem found, or one message (too large, not JSON, the server
 * refused); or the checker could not load (Zigzag was updated since the page opened, or the server is out of reach).
 */
type Refusal = { name: string; problems: string[] } | { message: string } | { failure: LoadFailure }

/**
 * Creates a new board from an exported Zigzag board file (.json). A file larger than the server takes is refused at
 * once, before it is read. Else the file is checked here first (the checker loads on the first import), so a bad one
 * is refused with a list of what is wrong and where, all of it at once, shown under the button and scrolled into
 * view; the server checks it again.
 */
export function ImportBoard() {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [busy, setBusy] = useState(false)
  const alert = useRef<HTMLDivElement>(null)
  const file = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (refusal) alert.current?.scrollIntoView({ block: 'nearest' })
  }, [refusal])

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    // An export is indented; what goes to the server is not, so a file somewhat over the limit may still fit. Far over
    // it, it is refused at once, without reading it.
    if (file.size > MAX_BOARD_FILE_BYTES * SPACING_ALLOWANCE) {
      setRefusal({ message: t('import.tooLarge', { name: file.name, size: megabytes(file.size), limit: megabytes(MAX_BOARD_FILE_BYTES) }) })
      return
    }
    setBusy(true)
    setRefusal(null)
    try {
      let json: unknown
      const text = await file.text()
      try {
        json = JSON.parse(text)
      } catch (err) {
        throw new Error(notJsonMessage(text, err as Error, file.name, t))
      }
      const compact = new Blob([JSON.stringify(json)]).size
      if (compact + SENT_WRAPPER_BYTES > MAX_BOARD_FILE_BYTES) {
        setRefusal({ message: t('import.tooLarge', { name: file.name, size: megabytes(compact), limit: megabytes(MAX_BOARD_FILE_BYTES) }) })
        setBusy(false)
        return
      }
      const { parseBoardFile } = await loadOnDemand(() => import('../../shared/format/parseBoardFile.js'))
      const checked = parseBoardFile(json)
      if (checked.ok === false && checked.refusal) {
        const { code } = checked.refusal
        const key = code === 'notBoard' && checked.refusal.got === undefined ? 'import.noFormat' : `import.${code}`
        setRefusal({ message: t(key, { name: file.name, ...checked.refusal }) })
        setBusy(false)
        return
      }
      if (!checked.ok) {
        setRefusal({ name: file.name, problems: checked.errors })
        setBusy(false)
        return
      }
      const board = await importBoardFile(json)
      markNewBoard(board.id)
      rememberBoard({ id: board.id, title: board.title, role: 'facilitator', link: board.links.facilitator, imported: true })
      window.location.assign(board.links.facilitator)
    } catch (err) {
      setRefusal(err instanceof ModuleLoadError ? { failure: err.failure } : { message: (err as Error).message })
      setBusy(false)
    }
  }
  return (
    <div className="import">
      {/* A button the keyboard reaches (a label around a hidden file input is not), which opens the file chooser. */}
      <button type="button" className="button" data-testid="import-button" disabled={busy} onClick={() => file.current?.click()}>
        ⤒ {busy ? t('start.creating') : t('import.button')}
      </button>
      <input ref={file} type="file" accept=".json,application/json" data-testid="import-file" hidden tabIndex={-1} onChange={(e) => void onFile(e)} />
      <span className="hint">{t('import.hint')}</span>
      {refusal && 'failure' in refusal && <LoadFailureNote failure={refusal.failure} need="import" ref={alert} />}
      {refusal && !('failure' in refusal) && (
        <div role="alert" className="import__refusal error-text" data-testid="import-error" ref={alert}>
          {'message' in refusal ? <p>{refusal.message}</p> : (
            <>
              <p>{t('import.problems', { name: refusal.name, count: refusal.problems.length })}</p>
              {t('import.fileTerms') && <p className="hint">{t('import.fileTerms')}</p>}
              <ul data-testid="import-problems">
                {refusal.problems.slice(0, PROBLEMS_SHOWN).map((problem, i) => <li key={i}>{problem}</li>)}
              </ul>
              {refusal.problems.length > PROBLEMS_SHOWN && <p>{t('import.more', { count: refusal.problems.length - PROBLEMS_SHOWN })}</p>}
            </>
          )}
        </div>
      )}
    </div>
  )
}
