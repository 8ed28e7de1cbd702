import { useTranslation } from 'react-i18next'

/**
 * What this phone just did to a touchpoint: said over "+ Touchpoint" for a few seconds. Where an added one went
 * shows in the list, where it is marked and scrolled to; the line names it only, to stay one line.
 */
export interface PhoneDone { kind: 'added' | 'deleted'; title: string }

/** "+ Touchpoint" under the list, with a line on what was just added or deleted from this phone. */
export function PhoneAddBar({ done, onAdd }: { done: PhoneDone | null; onAdd: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="phone-add-bar">
      {done && (
        <p className="phone-add-bar__done" role="status" data-testid={`phone-${done.kind}`}>
          <TitledLine text={t(`phone.${done.kind}`, { title: MARK })}
            title={done.title || t('touchpoint.untitled')} />
        </p>
      )}
      <button type="button" className="button button--primary phone-add-bar__button" data-testid="phone-add-touchpoint" onClick={onAdd}>
        <span aria-hidden="true">+</span> {t('phone.addTouchpoint')}
      </button>
    </div>
  )
}

/** Stands for the title in the sentence, so the title can be cut short on its own. */
const MARK = '\u0000'

/**
 * A sentence with a title in it, on one line: the title is cut short with an ellipsis, the words around it stay whole
 * (a long title took four rows and pushed the list up). Screen readers still read the whole title. The title ends the
 * sentence ("Added: …"): Chromium's ellipsis can leave a space's width unused in the title's box, which showed as a gap
 * before a closing quote.
 */
function TitledLine({ text, title }: { text: string; title: string }) {
  const [before = '', after = ''] = text.split(MARK)
  return (
    <>
      <span className="phone-add-bar__words">✓ {before}</span>
      <span className="phone-add-bar__title" data-testid="phone-done-title">{title}</span>
      <span className="phone-add-bar__words">{after}</span>
    </>
  )
}
