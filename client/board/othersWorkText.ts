import type { OthersWork } from '../../shared/model/index.js'

type Translate = (key: string, options?: Record<string, unknown>) => string

const KINDS = ['ratings', 'influence', 'factors', 'stardust'] as const

/**
 * Other people's entries on one or more cards, by kind, as a removal question names them: "1 stardust idea",
 * "2 ratings and 1 factor" ("2 Bewertungen und 1 Faktor").
 */
export function othersWorkText(works: readonly OthersWork[], t: Translate): string {
  const parts = KINDS.map((kind) => works.reduce((sum, work) => sum + work.kinds[kind], 0))
    .flatMap((count, i) => (count > 0 ? [t(`touchpoint.work.${KINDS[i]}`, { count })] : []))
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${t('touchpoint.work.and')} ${parts.at(-1)}`
}
