import { useReactFlow } from '@xyflow/react'
import i18next from 'i18next'
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { exportBoard } from '../../shared/format/exportBoard.js'
import { roundsOnRecord } from '../../shared/format/votingRounds.js'
import type { Language } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { LoadFailureNote } from '../ui/LoadFailureNote.js'
import { type LoadFailure, ModuleLoadError, loadOnDemand } from '../ui/loadOnDemand.js'
import { enabledItems, moveThroughMenu } from '../ui/menuKeys.js'
import { useDismiss } from '../ui/useDismiss.js'
import { announce } from '../session/announce.js'
import { isolated } from '../ui/Bidi.js'
import { download, fileBase } from './download.js'
import { reportParticipants } from './participants.js'
import type { ImageScope } from './imageExport.js'

// The exporters and their libraries (html-to-image, fflate, Papa Parse, pdfmake) load on the first export, not with the
// board; after a server update their old files are gone, and the menu asks for a reload.
const images = () => loadOnDemand(() => import('./imageExport.js'))

// The SVG is the whole board only: a vector picture is scaled and cropped where it is used, on a slide or in a design tool.
type Kind = `png-${ImageScope}` | 'svg-board' | 'pdf' | 'csv' | 'json'
const KINDS: Kind[] = ['png-board', 'png-view', 'svg-board', 'pdf', 'csv', 'json']

/** Handoff: images for slides, the PDF workshop report, CSV tables for spreadsheets, and the JSON backup. */
export function ExportMenu() {
  const { t, i18n } = useTranslation()
  // Reports, tables and captions in the language the person exporting reads the page in (German: "4,5", semicolons).
  const language: Language = i18n.resolvedLanguage === 'de' ? 'de' : 'en'
  const { doc, board, peers, personaId, showOtherJourneys, session: { session } } = useBoard()
  // The closed dot-voting rounds live in the session, not in the board: the report and the tables carry their results.
  const { votingHistory } = session
  const flow = useReactFlow()
  const [open, setOpen] = useState(false)
  const menu = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLDivElement>(null)
  // Escape gives the focus back to the button (it fell to the page's body); a press outside leaves it where it went.
  useDismiss(menu, open, useCallback(() => setOpen(false), []), useCallback(() => {
    setOpen(false)
    button.current?.focus()
  }, []))
  // Opened from the keyboard (Enter or Space on the button), the focus goes into the menu, to its first item.
  const [fromKeyboard, setFromKeyboard] = useState(false)
  useLayoutEffect(() => {
    if (open && fromKeyboard && list.current) enabledItems(list.current)[0]?.focus()
  }, [open, fromKeyboard])
  const [busy, setBusy] = useState<Kind | null>(null)
  const [error, setError] = useState('')
  const [failure, setFailure] = useState<LoadFailure | null>(null)

  const run = async (kind: Kind) => {
    setBusy(kind)
    setError('')
    setFailure(null)
    const base = fileBase(board.meta.title)
    const container = document.querySelector<HTMLElement>('[data-testid="canvas"]')
    let saved = ''
    const save: typeof download = (data, name, type) => {
      download(data, name, type)
      saved = name
    }
    try {
      // The board file carries the voting rounds on record too (their results, never who voted for what).
      if (kind === 'json') save(JSON.stringify(exportBoard(doc, Date.now(), roundsOnRecord(session)), null, 2), `${base}.zigzag.json`, 'application/json')
      else if (kind === 'csv') {
        const { boardCsvZip } = await loadOnDemand(() => import('./csvExport.js'))
        save(new Blob([boardCsvZip(board, base, language, votingHistory) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${base}-csv.zip`)
      } else if (kind === 'pdf') {
        const [{ boardImage }, { renderPdf, reportDocument }] = await Promise.all([images(), loadOnDemand(() => import('./pdfReport.js'))])
        const image = container ? await boardImage(container, flow, 'board') : null
        const participants = reportParticipants(board, peers)
        const persona = board.personas.find((p) => p.id === personaId)?.name
        const definition = reportDocument({
          board, date: new Date(), participants, journeyImage: image, persona, personaId, votingHistory, t: i18next.getFixedT(language), locale: language,
        })
        save(await renderPdf(definition), `${base}-report.pdf`, 'application/pdf')
      } else {
        const fixedT = i18next.getFixedT(language)
        const persona = board.personas.find((p) => p.id === personaId)
        const journey = persona?.name ? fixedT('export.journeyOf', { name: isolated(persona.name) }) : undefined
        const caption = { title: board.meta.title, journey, color: persona?.color }
        if (kind === 'svg-board') {
          const { boardSvg } = await loadOnDemand(() => import('./boardSvg.js'))
          const svg = boardSvg({ board, personaId, showOthers: showOtherJourneys, caption, t: (key) => fixedT(key) })
          save(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`)
        } else {
          if (!container) throw new Error('The board is not on screen')
          const scope = kind === 'png-view' ? 'view' : 'board'
          const { boardImage, dataUrlToBlob } = await images()
          save(dataUrlToBlob(await boardImage(container, flow, scope, caption)), `${base}${scope === 'view' ? '-view' : ''}.png`)
        }
      }
      setOpen(false)
      // The file arrives with no sign on the page (the browser's download bar at most): a screen reader hears it is ready.
      if (saved) announce(t('export.done', { file: saved }))
    } catch (err) {
      if (err instanceof ModuleLoadError) setFailure(err.failure)
      else setError(t('export.failed', { message: (err as Error).message }))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="menu" ref={menu}>
      <button ref={button} type="button" className="button" data-testid="export" aria-haspopup="menu" aria-expanded={open}
        onClick={(e) => { setFromKeyboard(e.detail === 0); setOpen(!open) }}>⤓ {t('export.button')}</button>
      {open && (
        <div ref={list} className="menu__list" role="menu" aria-label={t('export.button')} onKeyDown={(e) => {
          if (moveThroughMenu(e, list.current)) return
          // Tab leaves the menu: it closes, and the focus goes on from Export, as from the ••• menu.
          if (e.key === 'Tab') {
            e.preventDefault()
            setOpen(false)
            button.current?.focus()
          }
        }}>
          {KINDS.map((kind) => (
            <button key={kind} type="button" role="menuitem" data-testid={`export-${kind}`} disabled={busy !== null}
              onClick={(e) => { const byKeyboard = e.detail === 0; void run(kind).then(() => { if (byKeyboard) button.current?.focus() }) }}>
              <strong>{t(`export.${kind}`)}</strong>
              <span>{busy === kind ? t('export.working') : t(`export.${kind}Hint`)}</span>
            </button>
          ))}
          {error && <p role="alert" className="error-text">{error}</p>}
          {failure && <LoadFailureNote failure={failure} need="export" />}
        </div>
      )}
    </div>
  )
}
