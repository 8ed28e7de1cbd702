export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <a href="/" className="logo" aria-label="Zigzag">
      <svg viewBox="0 0 32 32" width={compact ? 26 : 32} height={compact ? 26 : 32} aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#1f2a44" />
        <path d="M6 10h9l-6 12h17" fill="none" stroke="#ffb547" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {!compact && <span>Zigzag</span>}
    </a>
  )
}
