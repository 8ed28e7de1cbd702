import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clipText } from '../../shared/model/index.js'
import { Logo } from '../panels/Logo.js'
import type { BoardInfo } from '../sync/api.js'
import { saveName } from '../sync/identity.js'
import { useLengthLimit } from '../ui/FieldNotes.js'

const MAX_NAME = 40

/** The one step between a shared link and the board: a display name, remembered for next time. */
export function JoinDialog({ info, onJoin }: { info: BoardInfo; onJoin: (name: string) => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const limit = useLengthLimit(name, setName, MAX_NAME)
  // Join stays greyed out for a name of spaces alone; this says why.
  const blank = name !== '' && !name.trim()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const clean = clipText(name.trim(), MAX_NAME)
    if (!clean) return
    saveName(clean)
    onJoin(clean)
  }
  return (
    <main className="join">
      <form className="join__card" onSubmit={submit} data-testid="join-dialog">
        <Logo />
        <h1>{t('join.heading')}</h1>
        <p className="join__board">{info.title}</p>
        <label htmlFor="display-name">{t('join.nameLabel')}</label>
        <input id="display-name" data-testid="display-name" autoFocus value={name} {...limit.limitProps}
          placeholder={t('join.namePlaceholder')} aria-describedby={blank ? 'display-name-blank' : undefined} />
        {blank ? <p id="display-name-blank" className="field-note" role="status" data-testid="display-name-blank">{t('join.nameBlank')}</p> : limit.note}
        {info.role === 'viewer' && <p className="join__note">{t('join.viewerNote')}</p>}
        <button type="submit" className="button button--primary" data-testid="join" disabled={!name.trim()}>
          {t('join.join')}
        </button>
      </form>
    </main>
  )
}
