/** Someone else on the board, by participant id (one person's several tabs or a reconnect are the same id). */
export interface Present { id: string; name: string }

export interface PresenceNewsOptions {
  /** Told who joined or left, a batch at a time. */
  tell: (news: { joined: string[] } | { left: string[] }) => void
  /** Joins within this long of the first are told together ("Lee and Max joined"). */
  batchMs?: number
  /** Someone gone is told only once this long has passed without them back: a reconnect's flicker is no news. */
  holdMs?: number
  /**
   * Until this long after the page first synced, whoever comes and goes is who was already there (their presence arrives
   * a piece at a time).
   */
  quietMs?: number
}

/**
 * Who joined and left, from the list of the others on the board as it changes (`update`). Nothing is told before the
 * page has synced, nor in the first moments after (the page meeting who is already there), nor while this page is not
 * synced (its own reconnect); joins are batched, and someone who leaves and comes back within `holdMs` (a reconnect, a
 * reload) is told of neither. Timers are the browser's; `dispose` stops them.
 */
export function presenceNews({ tell, batchMs = 2000, holdMs = 4000, quietMs = 3000 }: PresenceNewsOptions) {
  let syncedAt: number | null = null
  let present = new Map<string, string>()
  const joined = new Map<string, string>()
  const left = new Map<string, { name: string; at: number }>()
  let joinTimer: ReturnType<typeof setTimeout> | undefined
  let leaveTimer: ReturnType<typeof setTimeout> | undefined

  const flushJoins = () => {
    joinTimer = undefined
    if (joined.size > 0) tell({ joined: [...joined.values()] })
    joined.clear()
  }
  const flushLeaves = () => {
    leaveTimer = undefined
    const now = Date.now()
    const gone = [...left].filter(([, { at }]) => now - at >= holdMs)
    for (const [id] of gone) left.delete(id)
    if (gone.length > 0) tell({ left: gone.map(([, { name }]) => name) })
    // Others who left later than the first: told when their own hold is over.
    const next = Math.min(...[...left.values()].map(({ at }) => at + holdMs - now))
    if (left.size > 0) leaveTimer = setTimeout(flushLeaves, Math.max(0, next))
  }

  return {
    update(people: readonly Present[], synced: boolean): void {
      const now = new Map(people.map((p) => [p.id, p.name]))
      if (synced) syncedAt ??= Date.now()
      if (!synced || syncedAt === null || Date.now() - syncedAt < quietMs) {
        present = now
        return
      }
      for (const [id, name] of now) {
        if (present.has(id)) continue
        if (left.delete(id)) continue // back within the hold: a reconnect, not news
        joined.set(id, name)
        joinTimer ??= setTimeout(flushJoins, batchMs)
      }
      for (const [id, name] of present) {
        if (now.has(id)) continue
        if (joined.delete(id)) continue // came and went before anyone was told
        left.set(id, { name, at: Date.now() })
        leaveTimer ??= setTimeout(flushLeaves, holdMs)
      }
      present = now
    },
    dispose(): void {
      clearTimeout(joinTimer)
      clearTimeout(leaveTimer)
    },
  }
}

/** "Lee", "Lee and Max", "Lee, Max and Ann", "Lee, Max, Ann and 2 others", in the page's language. */
export function namesList(names: readonly string[], language: string, others: (count: number) => string): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), others(names.length - 3)] : [...names]
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(shown)
}
