/**
 * Small line icons for the marks that used to be emoji (🔒 🕘 🪑 ⏱ ⏸ 📽 🤫 🗨), and a few more.
 * Emoji need a colour-emoji font, which many Linux desktops and kiosk
 * browsers lack: there they came out as empty boxes. These are drawn in the
 * text's colour at the text's size, so they sit in a line of text like a
 * character. Decorative: the text or label next to them says what they mean.
 */
export type IconName = 'lock' | 'history' | 'chair' | 'timer' | 'pause' | 'play' | 'projector' | 'private' | 'voice' | 'settings' | 'edit' | 'fit' | 'share' | 'more' | 'find' | 'board' | 'phone'

const PATHS: Record<IconName, string> = {
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5.5 11h13v10h-13zM12 15v2.5',
  history: 'M3.5 12a8.5 8.5 0 1 0 2.5-6M3.5 4v4h4M12 7.5V12l3 2',
  chair: 'M7 3h10v8H7zM5.5 11h13v3h-13zM7 14v7M17 14v7',
  timer: 'M12 21a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15zM12 9.5v4l2.5 1.5M9.5 2.5h5M12 2.5V6M18.5 6.5l1.5-1.5',
  pause: 'M8.5 5v14M15.5 5v14',
  play: 'M7 4.5v15L19.5 12z',
  projector: 'M3 8h18v9H3zM15 12.5a2.5 2.5 0 1 0 0 .01M6 11h4M6 14h4M6 17l-1.5 3M18 17l1.5 3',
  private: 'M3 3l18 18M10.5 5.2A10 10 0 0 1 12 5c5 0 8.5 4.5 9.5 7a14 14 0 0 1-2.7 3.9M6.2 6.8C4.3 8.1 3 10.2 2.5 12c1 2.5 4.5 7 9.5 7 1.8 0 3.4-.6 4.8-1.5M9.9 9.9a3 3 0 0 0 4.2 4.2',
  voice: 'M4 5h16v11H10l-4.5 3.5V16H4z',
  settings: 'M4 6h16M4 12h16M4 18h16M15 4v4M8 10v4M17 16v4',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  find: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5L20.5 20.5',
  board: 'M3.5 4.5h17v15h-17zM3.5 10h17M3.5 15h17M9 4.5v15',
  phone: 'M7.5 2.5h9v19h-9zM11 18.5h2',
  share: 'M6 12a2.5 2.5 0 1 0 0 .01M18 5.5a2.5 2.5 0 1 0 0 .01M18 18.5a2.5 2.5 0 1 0 0 .01M8.2 10.8l7.6-4.1M8.2 13.2l7.6 4.1',
}

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon${className ? ` ${className}` : ''}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false"
      data-icon={name}>
      <path d={PATHS[name]} fill={name === 'play' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={name === 'pause' ? 3 : name === 'more' ? 4 : 2}
        strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
