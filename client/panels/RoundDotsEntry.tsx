import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A backlog idea beside its dots in the last closed stardust round ("● 4"), once that round orders the backlog. */
export function RoundDotsEntry({ dots, children }: { dots: number; children: ReactNode }) {
  const { t } = useTranslation()
  const label = t('backlog.roundDots', { count: dots })
  return (
    <li className="round-dots-entry" data-testid="backlog-round-entry">
      <span className="vote-dots vote-dots--result round-dots-entry__dots" role="img" aria-label={label} title={label}
        data-testid="backlog-round-dots" data-count={dots}>● {dots}</span>
      <ul className="idea-list round-dots-entry__idea">{children}</ul>
    </li>
  )
}
