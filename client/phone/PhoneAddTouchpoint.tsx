import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_NAME_LENGTH, type TouchpointKind, addTouchpoint, clipText, singleLine } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { useLengthLimit } from '../ui/FieldNotes.js'
import { useKeepIfGone } from '../ui/lostDrafts.js'
import { moveAmongRadios } from '../ui/radioKeys.js'

const KINDS: TouchpointKind[] = ['direct', 'indirect']

/** Where the last touchpoint from this phone went: the next one starts there. */
export interface AddChoice { phaseId: string; laneId: string; kind: TouchpointKind }

interface Props {
  last: AddChoice | null
  /** A focus card is open over the form. */
  covered: boolean
  onAdded: (id: string, choice: AddChoice) => void
  onClose: () => void
}

/**
 * A new touchpoint from the phone: its title, phase, lane (channel) and kind.
 * It goes on the board at once, also during silent writing (only factors and
 * stardust stay private), at the end of its cell as on the laptop.
 */
export function PhoneAddTouchpoint({ last, covered, onAdded, onClose }: Props) {
  const { t } = useTranslation()
  const { doc, origin, board, me, session: { session } } = useBoard()
  const silent = session.privateMode.on
  const [title, setTitle] = useState('')
  // A phase or lane removed since the last touchpoint falls back to the first.
  const [phaseId, setPhaseId] = useState(() => board.phases.find((p) => p.id === last?.phaseId)?.id ?? board.phases[0]?.id ?? '')
  const [laneId, setLaneId] = useState(() => board.lanes.find((l) => l.id === last?.laneId)?.id ?? board.lanes[0]?.id ?? '')
  const [kind, setKind] = useState<TouchpointKind>(last?.kind ?? 'direct')
  const [missing, setMissing] = useState(false)
  const changeTitle = (text: string) => {
    setTitle(text)
    if (text.trim()) setMissing(false)
  }
  const limit = useLengthLimit(title, changeTitle, MAX_NAME_LENGTH)
  useKeepIfGone(title, title.trim() !== '')
  const field = useRef<HTMLInputElement>(null)
  useEffect(() => field.current?.focus({ preventScroll: true }), [])
  // Someone removed the chosen phase or lane meanwhile: take the first.
  const phase = board.phases.find((p) => p.id === phaseId) ?? board.phases[0]
  const lane = board.lanes.find((l) => l.id === laneId) ?? board.lanes[0]

  const add = (event: FormEvent) => {
    event.preventDefault()
    const clean = clipText(singleLine(title), MAX_NAME_LENGTH)
    if (!clean) {
      setMissing(true)
      field.current?.focus()
      return
    }
    if (!phase || !lane) return
    const id = addTouchpoint(doc, { title: clean, phaseId: phase.id, laneId: lane.id, kind, authorId: me.id }, origin)
    onAdded(id, { phaseId: phase.id, laneId: lane.id, kind })
  }

  return (
    <section className="phone-focus phone-add" data-testid="phone-add" aria-labelledby="phone-add-title"
      inert={covered ? true : undefined} aria-hidden={covered ? true : undefined}>
      <div className="phone-focus__bar">
        <button type="button" className="button phone-back" data-testid="phone-add-cancel" onClick={onClose}>
          <span aria-hidden="true">←</span> {t('phone.back')}
        </button>
      </div>
      <h2 id="phone-add-title" className="phone-focus__title">{t('phone.addHeading')}</h2>
      <form className="phone-section phone-form" onSubmit={add} noValidate>
        <label>
          {t('touchpoint.title')}
          <input ref={field} value={title} {...limit.limitProps} required enterKeyHint="done" autoComplete="off"
            placeholder={t('phone.addPlaceholder')} data-testid="phone-add-title" aria-invalid={missing || undefined}
            aria-describedby={missing ? 'phone-add-missing' : undefined} />
        </label>
        {missing && <p className="phone-add__error" id="phone-add-missing" role="alert" data-testid="phone-add-error">{t('phone.addTitleNeeded')}</p>}
        {limit.note}
        <label>
          {t('touchpoint.phase')}
          <select value={phase?.id ?? ''} data-testid="phone-add-phase" onChange={(e) => setPhaseId(e.target.value)}>
            {board.phases.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>
          {t('touchpoint.lane')}
          <select value={lane?.id ?? ''} data-testid="phone-add-lane" onChange={(e) => setLaneId(e.target.value)}>
            {board.lanes.map((l) => <option key={l.id} value={l.id}>{l.name} ({t(`grid.${l.channel}`)})</option>)}
          </select>
        </label>
        <fieldset className="phone-add__kinds">
          <legend>{t('touchpoint.kind')}</legend>
          <div className="phone-add__kind-buttons" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('touchpoint.kind')}>
            {KINDS.map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} data-testid={`phone-add-${k}`}
                className={`phone-add__kind${kind === k ? ' is-active' : ''}`} onClick={() => setKind(k)}>
                <strong>{t(`touchpoint.${k}`)}</strong>
                <span>{t(`palette.${k}Hint`)}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--primary" data-testid="phone-add-submit">{t('phone.addSubmit')}</button>
        {silent && <p className="hint" data-testid="phone-add-public-hint">{t('phone.addPublicHint')}</p>}
      </form>
    </section>
  )
}
