import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { initials } from '../ui/graphemes.js'
import { useDismiss } from '../ui/useDismiss.js'
import { textOn } from '../ui/textOn.js'

/** Who is on the board: avatars in the top bar, a list with roles on click. */
export function PresenceList() {
  const { t } = useTranslation()
  const { peers: everyone, following, follow } = useBoard()
  const peers = everyone.filter((p) => p.user.role !== 'projector')
  const [open, setOpen] = useState(false)
  const presence = useRef<HTMLDivElement>(null)
  useDismiss(presence, open, useCallback(() => setOpen(false), []))
  const shown = peers.slice(0, 6)
  // Named with what it shows first (the initials, as speech input says them), then whose they are.
  const visible = [...shown.map((p) => initials(p.user.name)), ...(peers.length > 6 ? [`+${peers.length - 6}`] : [])].join(' ')
  const label = `${visible} – ${t('presence.heading')}: ${peers.map((p) => p.user.name).join(', ')}`
  return (
    <div className="presence" ref={presence}>
      <button type="button" className="presence__avatars" data-testid="presence" data-count={peers.length}
        aria-expanded={open} aria-label={label} onClick={() => setOpen(!open)}>
        {shown.map((p) => (
          <span key={p.clientId} className="avatar" style={{ background: p.user.color, color: textOn(p.user.color) }} title={p.user.name}>{initials(p.user.name)}</span>
        ))}
        {peers.length > 6 && <span className="avatar avatar--more">+{peers.length - 6}</span>}
      </button>
      {open && (
        <div className="presence__list" role="dialog" aria-label={t('presence.heading')}>
          <h2>{t('presence.heading')} · {peers.length}</h2>
          <ul>
            {peers.map((p) => {
              const person = <>
                <span className="avatar avatar--small" style={{ background: p.user.color, color: textOn(p.user.color) }}>{initials(p.user.name)}</span>
                <span className="presence__name">{p.user.name}{p.isSelf && ` (${t('presence.you')})`}</span>
                {p.onPhone && <span className="presence__device" title={t('presence.onPhoneHint')}>{t('presence.onPhone')}</span>}
                <span className="presence__role">{t(`role.${p.user.role === 'facilitator' || p.user.role === 'viewer' ? p.user.role : 'editor'}`)}</span>
              </>
              // Someone on a board can be followed (a button, so also from the keyboard); oneself and someone on a phone, who has no board view, cannot.
              const followable = !p.isSelf && !p.onPhone
              const followed = followable && following === p.user.id
              return (
                <li key={p.clientId} data-testid="presence-person" data-followable={followable} className={followed ? 'is-following' : ''}>
                  {followable ? (
                    <button type="button" className="presence__person" data-testid="presence-follow" aria-pressed={followed}
                      aria-label={t('presence.followName', { name: p.user.name })} title={t('presence.follow')}
                      onClick={() => { follow(followed ? null : p.user.id); setOpen(false) }}>{person}</button>
                  ) : <div className="presence__person">{person}</div>}
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </div>
  )
}
