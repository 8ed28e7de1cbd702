import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type RecentBoard, recentBoards } from '../sync/recentBoards.js'

/**
 * Boards this browser opened, newest first, each with when it was last opened here and whether it came from a board
 * file: an imported board has its original's title, and the two must not look alike.
 */
export function RecentBoards() {
  const { t, i18n } = useTranslation()
  const [recent] = useState(recentBoards)
  if (recent.length === 0) return null
  const now = new Date()
  return (
    <nav className="recent" aria-label={t('start.recent')}>
      <h2>{t('start.recent')}</h2>
      <ul>
        {recent.map((board) => (
          <li key={board.id}>
            <a href={board.link} data-testid="recent-board">
              <strong>{board.title}</strong>
              <span>{t(`role.${board.role}`)}</span>
              <small data-testid="recent-board-when">{[board.imported && t('start.imported'), opened(board, now, i18n.language, t)].filter(Boolean).join(' · ')}</small>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** "Opened today at 14:05", "… yesterday …", "… on 3 March …": the day in words while it is near. */
function opened({ openedAt }: RecentBoard, now: Date, language: string, t: TFunction): string {
  if (typeof openedAt !== 'number') return '' // an entry stored before the time was
  const at = new Date(openedAt)
  const time = at.toLocaleTimeString(language, { timeStyle: 'short' })
  const daysAgo = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000)
  if (daysAgo === 0) return t('start.openedToday', { time })
  if (daysAgo === 1) return t('start.openedYesterday', { time })
  const date = at.toLocaleDateString(language, { day: 'numeric', month: 'long', ...(at.getFullYear() !== now.getFullYear() && { year: 'numeric' }) })
  return t('start.openedOn', { date, time })
}

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
