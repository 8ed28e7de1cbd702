import jsQR from 'jsqr'
import type { Locator } from 'playwright-core'
import { PNG } from 'pngjs'

/** Screenshots an element and decodes the QR code in it, as a phone camera would. */
export async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot())
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  return result?.data ?? null
}
