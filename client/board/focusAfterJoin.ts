/** The board's main region: the canvas, or on a phone the journey's list. */
const BOARD_MAIN = '[data-testid="canvas"], [data-testid="phone-view"]'
/** How long the board may take to load after the name page before the focus is left where it is. */
const WAIT_MS = 30_000

/**
 * After the name page: the keyboard starts on the board's main region once it is drawn. The name page's field and
 * button go with the page, and the focus fell to the page's top: some 60 Tab stops to the board (a11y QA). Only where
 * the focus went nowhere else meanwhile.
 */
export function focusBoardOnceShown(): void {
  const watch = new MutationObserver(() => look())
  const stop = window.setTimeout(() => watch.disconnect(), WAIT_MS)
  const look = () => {
    const main = document.querySelector<HTMLElement>(BOARD_MAIN)
    if (!main) return
    watch.disconnect()
    window.clearTimeout(stop)
    if (document.activeElement && document.activeElement !== document.body) return
    main.focus({ preventScroll: true })
  }
  watch.observe(document.body, { childList: true, subtree: true })
}
