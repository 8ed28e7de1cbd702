import type { OthersWork } from '../../shared/model/index.js'

type Translate = (key: string, options?: Record<string, unknown>) => string

const KINDS = ['ratings', 'influence', 'factors', 'stardust', 'details'] as const

/**
 * Other people's entries on one or more cards, by kind, as a removal question names them: "1 stardust idea",
 * "2 ratings and 1 factor" ("2 Bewertungen und 1 Faktor"); `details`: fields of the cards they filled in (an undo's
 * question counts those too).
 */
export function othersWorkText(works: readonly OthersWork[], t: Translate, details = 0): string {
  const counts = { details, ...Object.fromEntries((['ratings', 'influence', 'factors', 'stardust'] as const)
    .map((kind) => [kind, works.reduce((sum, work) => sum + work.kinds[kind], 0)])) } as Record<(typeof KINDS)[number], number>
  const parts = KINDS.map((kind) => counts[kind])
    .flatMap((count, i) => (count > 0 ? [t(`touchpoint.work.${KINDS[i]}`, { count })] : []))
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${t('touchpoint.work.and')} ${parts.at(-1)}`
}
