import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TemplateSummary, fetchTemplates } from '../sync/api.js'
import { moveAmongRadios } from '../ui/radioKeys.js'

/** Blank board or one of the templates with realistic content, in the current UI language. */
export function TemplatePicker({ value, onChange }: { value: string; onChange: (template: string) => void }) {
  const { t, i18n } = useTranslation()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  useEffect(() => {
    let live = true
    fetchTemplates(i18n.language).then((list) => live && setTemplates(list)).catch(() => live && setTemplates([]))
    return () => { live = false }
  }, [i18n.language])
  const options = [{ id: '', title: t('start.blank'), description: t('start.blankHint') }, ...templates]
  return (
    <div className="templates" role="radiogroup" onKeyDown={moveAmongRadios} aria-label={t('start.template')}>
      {options.map((option) => (
        <button key={option.id || 'blank'} type="button" role="radio" aria-checked={value === option.id}
          data-testid={`template-${option.id || 'blank'}`} className={`template${value === option.id ? ' is-active' : ''}`}
          onClick={() => onChange(option.id)}>
          <strong>{option.title}</strong>
          <span>{option.description}</span>
        </button>
      ))}
    </div>
  )
}
