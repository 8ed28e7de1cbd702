import type { Refusal } from '../../shared/refusals.js'

type Translate = (key: string, values: Readonly<Record<string, string | number>>) => string

/** What to tell someone the relay refused: its code in the page's language, or the relay's English sentence for a code this page does not know. */
export function refusalMessage(refused: { reason: string; refusal: Refusal | null }, t: Translate, exists: (key: string) => boolean): string {
  const key = refused.refusal && `refusal.${refused.refusal.code}`
  if (!key || !exists(key)) return refused.reason
  const values = refused.refusal!.values ?? {}
  // A count of dots picks the sentence's singular or plural (i18next reads `count`).
  return t(key, typeof values.dots === 'number' ? { ...values, count: values.dots } : values)
}
