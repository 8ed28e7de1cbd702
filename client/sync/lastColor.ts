/**
 * The presence colour this tab last showed on a board, in sessionStorage: a reload (or a page opened again in the same
 * tab) starts from it instead of the person's own colour, so those who saw them before see the same colour after.
 * Another tab starts from the person's own colour, as a new arrival does. Storage that cannot be used keeps nothing;
 * a stored value that is not one of the colours presence uses (identity.ts) is ignored.
 */
export function lastColor(boardId: string): { read(): string | undefined; write(color: string): void } {
  const key = `zigzag.color.${boardId}`
  return {
    read() {
      try {
        const color = sessionStorage.getItem(key)
        return color && /^(#[0-9a-f]{6}|hsl\(\d+ \d+% \d+%\))$/i.test(color) ? color : undefined
      } catch {
        return undefined
      }
    },
    write(color) {
      try {
        sessionStorage.setItem(key, color)
      } catch {
        // private mode or full: the next load starts from the person's own colour
      }
    },
  }
}
