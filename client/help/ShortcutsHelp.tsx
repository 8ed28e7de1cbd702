import { Fragment } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Modal } from '../ui/Modal.js'
import { SHORTCUTS, keyLabel } from './shortcuts.js'

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * Help, in a dialog ("?" or the canvas' ? button): the method in six steps, in the domain's words, then the board's keys
 * and mouse gestures. A viewer sees only the keys a viewer can use.
 */
export function ShortcutsHelp({ readOnly, onClose }: { readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const look = (key: string) => t(key)
  return createPortal(
    <Modal className="share shortcuts" label={t('help.title')} testId="shortcuts-help" onClose={onClose}>
      <h2>{t('help.title')}</h2>
      <section className="shortcuts__group" data-testid="help-method">
        <h3>{t('help.method.heading')}</h3>
        <ol className="help-method">
          {(t('help.method.steps', { returnObjects: true }) as { term: string; text: string }[]).map(({ term, text }) => (
            <li key={term}><strong>{term}</strong>: {text}</li>
          ))}
        </ol>
      </section>
      <h2 className="shortcuts__keys">{t('help.heading')}</h2>
      {SHORTCUTS.map((group) => {
        const shown = group.shortcuts.filter((s) => !readOnly || !s.edits)
        if (shown.length === 0) return null
        return (
          <section key={group.heading} className="shortcuts__group">
            <h3>{t(`help.group.${group.heading}`)}</h3>
            <dl>
              {shown.map((shortcut) => (
                <Fragment key={shortcut.action}>
                  <dt>
                    {shortcut.keys.map((keys, i) => (
                      <Fragment key={keys}>
                        {i > 0 && <span className="shortcuts__or"> {t('help.or')} </span>}
                        {keyLabel(keys, MAC, look).map((part, j) => (
                          <Fragment key={j}>{j > 0 && '+'}{part.gesture ? <span className="shortcuts__gesture">{part.text}</span> : <kbd>{part.text}</kbd>}</Fragment>
                        ))}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{t(shortcut.action)}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        )
      })}
      <button type="button" className="button share__close" data-testid="shortcuts-close" onClick={onClose}>{t('share.close')}</button>
    </Modal>,
    document.body,
  )
}
