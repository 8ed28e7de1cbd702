/** Whether this person's system asks for less motion: the view jumps instead of gliding, pages scroll at once. */
export function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}

/** For scrollIntoView: smooth, unless the system asks for less motion. */
export const scrollBehavior = (): ScrollBehavior => (reducedMotion() ? 'auto' : 'smooth')
