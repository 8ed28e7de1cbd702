import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_TITLE_LENGTH } from '../../shared/model/index.js'
import { createBoard } from '../sync/api.js'
import { markNewBoard } from '../sync/newBoard.js'
import { useLengthLimit } from '../ui/FieldNotes.js'
import { ImportBoard } from './ImportBoard.js'
import { RecentBoards } from './RecentBoards.js'
import { TemplatePicker } from './TemplatePicker.js'
import { LanguageSwitch } from '../panels/LanguageSwitch.js'
import { Logo } from '../panels/Logo.js'

export function StartPage() {
  const { t, i18n } = useTranslation()
  const [title, setTitle] = useState('')
  const limit = useLengthLimit(title, setTitle, MAX_TITLE_LENGTH)
  const [template, setTemplate] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      const board = await createBoard({ title: title.trim(), language: i18n.language, template })
      markNewBoard(board.id)
      window.location.assign(board.links.facilitator)
    } catch (err) {
      setError(t('start.createFailed', { message: (err as Error).message }))
      setBusy(false)
    }
  }

  return (
    <main className="start">
      <header className="start__top">
        <Logo />
        <LanguageSwitch />
      </header>
      <section className="start__hero">
        <h1>{t('start.heading')}</h1>
        <p className="start__lead">{t('start.lead')}</p>
        <form className="start__form" onSubmit={onSubmit}>
          <label htmlFor="board-title">{t('start.titleLabel')}</label>
          <div className="start__row">
            <input id="board-title" data-testid="board-title" value={title} {...limit.limitProps}
              placeholder={t('start.titlePlaceholder')} />
          </div>
          {limit.note}
          <p className="start__label">{t('start.template')}</p>
          <TemplatePicker value={template} onChange={setTemplate} />
          {error && <p role="alert" className="error-text">{error}</p>}
          <button type="submit" className="button button--primary start__submit" data-testid="new-board" disabled={busy}>
            {busy ? t('start.creating') : t('start.newBoard')}
          </button>
        </form>
        <ImportBoard />
        <ul className="start__points">
          {(t('start.points', { returnObjects: true }) as string[]).map((point) => <li key={point}>{point}</li>)}
        </ul>
        <RecentBoards />
      </section>
    </main>
  )
}
