import type { Refusal } from '../../shared/refusals.js'

type Translate = (key: string, values: Readonly<Record<string, string | number>>) => string

/** What to tell someone the relay refused: its code in the page's language, or the relay's English sentence for a code this page does not know. */
export function refusalMessage(refused: { reason: string; refusal: Refusal | null }, t: Translate, exists: (key: string) => boolean): string {
  const key = refused.refusal && `refusal.${refused.refusal.code}`
  return key && exists(key) ? t(key, refused.refusal!.values ?? {}) : refused.reason
}
