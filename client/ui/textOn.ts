/**
 * Text colour for a name or initial on a presence colour (avatar, cursor name, "is editing" label): white where it has
 * at least 4.5:1 against the colour (WCAG AA), else dark text (textOn). White on the palette's orange was 2.42:1.
 */
export const LIGHT_TEXT = '#ffffff'
export const DARK_TEXT = '#1f2a44'
export const BLACK_TEXT = '#000000'

/** The colour's red, green and blue (0–255) from #rgb, #rrggbb, rgb() or hsl() as the presence colours are written; null if unread. */
export function parseColor(color: string): [number, number, number] | null {
  const value = color.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!
    return digits.map((d) => parseInt(d, 16)) as [number, number, number]
  }
  const numbers = value.match(/-?[\d.]+/g)?.map(Number) ?? []
  if (value.startsWith('rgb') && numbers.length >= 3) return [numbers[0]!, numbers[1]!, numbers[2]!]
  if (value.startsWith('hsl') && numbers.length >= 3) {
    const [h, s, l] = [((numbers[0]! % 360) + 360) % 360, numbers[1]! / 100, numbers[2]! / 100]
    const a = s * Math.min(l, 1 - l)
    const f = (n: number) => {
      const k = (n + h / 30) % 12
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
    }
    return [f(0), f(8), f(4)]
  }
  return null
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [parseColor(a), parseColor(b)].map((c) => (c ? luminance(c) : 0)) as [number, number]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/**
 * White where it reaches 4.5:1, else the page's dark ink where that does, else black (which always does then: a colour too
 * light for white is at least 4.67:1 against black; a mid-tone like #e4572e is too light for white and too dark for the ink).
 */
export function textOn(background: string): string {
  if (!parseColor(background) || contrastRatio(LIGHT_TEXT, background) >= 4.5) return LIGHT_TEXT
  return contrastRatio(DARK_TEXT, background) >= 4.5 ? DARK_TEXT : BLACK_TEXT
}
