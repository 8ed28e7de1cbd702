import { ControlButton } from '@xyflow/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ShortcutsHelp } from './ShortcutsHelp.js'
import { opensHelp } from './shortcuts.js'

/** A "?" beside the zoom buttons, and the "?" key anywhere but in a field: both open the keys and gestures the board knows. */
export function HelpControl({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!opensHelp(event)) return
      event.preventDefault()
      setOpen(true)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
  return (
    <>
      <ControlButton className="controls-help" onClick={() => setOpen(true)} title={t('help.button')} aria-label={t('help.button')} data-testid="shortcuts-open">
        ?
      </ControlButton>
      {open && <ShortcutsHelp readOnly={readOnly} onClose={() => setOpen(false)} />}
    </>
  )
}
