/**
 * Keyboard focus among the cards on the canvas: React Flow's node wrappers, in the page in the order the board reads
 * (docToFlow), each focusable by Tab.
 */
const CARD = '.react-flow__node-touchpoint'

/** The card a keystroke was typed on, when it was on a card itself (not in a field or button inside it). */
export function focusedCardId(target: EventTarget | null): string | null {
  const element = target instanceof HTMLElement ? target : null
  return element?.matches(CARD) ? element.dataset.id ?? null : null
}

/**
 * After a field typed in from the keyboard is gone (a new card's title, saved with Enter): focuses the card `id`, else
 * `fallback`, once React has drawn the board, and only where the focus went nowhere meanwhile.
 */
export function focusCardSoon(id: string | null, fallback: HTMLElement | null = null): void {
  requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return
    const card = id === null ? null : document.querySelector<HTMLElement>(`${CARD}[data-id="${CSS.escape(id)}"]`)
    ;(card ?? (fallback?.isConnected ? fallback : null))?.focus()
  })
}

/** Focuses the first card the page holds; false when it holds none. */
export function focusFirstCard(canvas: HTMLElement | null): boolean {
  const first = canvas?.querySelector<HTMLElement>(CARD)
  first?.focus()
  return !!first
}

/**
 * Before cards are removed: where keyboard focus goes once they are gone, if it is lost with them (on a removed card,
 * or in the panel of one, which closes): the next card in reading order that stays, else the one before, else the
 * canvas. Call the returned function after the removal.
 */
export function keepFocusThroughRemoval(canvas: HTMLElement | null, going: readonly string[]): () => void {
  const gone = new Set(going)
  const cards = [...(canvas?.querySelectorAll<HTMLElement>(CARD) ?? [])]
  const first = cards.findIndex((card) => gone.has(card.dataset.id ?? ''))
  const stays = (card: HTMLElement) => !gone.has(card.dataset.id ?? '')
  const next = first < 0 ? undefined : cards.slice(first + 1).find(stays) ?? cards.slice(0, first).reverse().find(stays)
  const nextId = next?.dataset.id
  return () => {
    // After React has drawn the board without them, and only where focus went nowhere (a field elsewhere keeps it).
    setTimeout(() => requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return
      const target = nextId ? canvas?.querySelector<HTMLElement>(`${CARD}[data-id="${CSS.escape(nextId)}"]`) : null
      ;(target ?? canvas)?.focus()
    }), 0)
  }
}
