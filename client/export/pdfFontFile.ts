/**
 * A report font's file, made ready for pdfmake before it is used: the WOFF file the build ships unpacked into the
 * TrueType font inside it with the browser's own zlib (DecompressionStream), and checked for a Unicode character
 * map. pdfmake's own WOFF reader (fontkit with tiny-inflate) cannot inflate some tables that zlib reads fine
 * (tiny-inflate's "Data error"; Noto Sans SC subset 101 and TC subset 119 among fontsource's files): fontkit then has no
 * character map and pdfmake fails while laying out the report. A file that cannot be fetched, unpacked or read
 * rejects, and the report draws its text in another font (renderPdf).
 */

/** A font ready for pdfmake, and whether it has a glyph for a code point. */
export interface FontFile { sfnt: ArrayBuffer; has: (cp: number) => boolean }

/**
 * The TrueType or OpenType font in a WOFF file (other fonts unchanged), with the code points its character map gives
 * a glyph: fontsource's ranges for a CJK subset name characters its file lacks (Noto Sans TC's list simplified ones).
 * Rejects a file it cannot read.
 */
export async function fontFileOf(file: ArrayBuffer): Promise<FontFile> {
  const sfnt = await sfntOf(file)
  return { sfnt, has: characterMap(sfnt) }
}

async function sfntOf(file: ArrayBuffer): Promise<ArrayBuffer> {
  const view = new DataView(file)
  if (file.byteLength < 12) throw new Error('not a font file')
  if (view.getUint32(0) !== 0x774f4646) return file // 'wOFF'
  const flavor = view.getUint32(4)
  const count = view.getUint16(12)
  if (44 + count * 20 > file.byteLength) throw new Error('WOFF table directory past the end of the file')
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = []
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20
    const [tag, offset, compLength, length, checksum] = [0, 4, 8, 12, 16].map((o) => view.getUint32(at + o)) as [number, number, number, number, number]
    if (offset + compLength > file.byteLength) throw new Error('WOFF table past the end of the file')
    const stored = new Uint8Array(file, offset, compLength)
    const data = compLength < length ? await inflate(stored) : stored
    if (data.byteLength !== length) throw new Error('WOFF table of the wrong length')
    tables.push({ tag, checksum, data })
  }
  const headerLength = 12 + count * 16
  const size = tables.reduce((total, table) => total + padded(table.data.byteLength), headerLength)
  const sfnt = new Uint8Array(size)
  const out = new DataView(sfnt.buffer)
  const power = 2 ** Math.floor(Math.log2(count))
  out.setUint32(0, flavor)
  out.setUint16(4, count)
  out.setUint16(6, power * 16)
  out.setUint16(8, Math.log2(power))
  out.setUint16(10, count * 16 - power * 16)
  let offset = headerLength
  tables.forEach((table, i) => {
    out.setUint32(12 + i * 16, table.tag)
    out.setUint32(16 + i * 16, table.checksum)
    out.setUint32(20 + i * 16, offset)
    out.setUint32(24 + i * 16, table.data.byteLength)
    sfnt.set(table.data, offset)
    offset += padded(table.data.byteLength)
  })
  return sfnt.buffer
}

const padded = (length: number) => (length + 3) & ~3

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** The cmap subtables fontkit looks for, best first: Windows Unicode full, then BMP, then Unicode. */
const UNICODE_MAPS = ['3/10', '0/6', '0/4', '3/1', '0/3', '0/2', '0/1', '0/0']

/** Whether the font's Unicode character map (format 4 or 12, what fontsource's files have) gives a code point a glyph. */
function characterMap(sfnt: ArrayBuffer): (cp: number) => boolean {
  const view = new DataView(sfnt)
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    if (view.getUint32(12 + i * 16) !== 0x636d6170) continue // 'cmap'
    const cmap = view.getUint32(20 + i * 16)
    const found = new Map<string, number>()
    for (let s = 0; s < view.getUint16(cmap + 2); s++) {
      const at = cmap + 4 + s * 8
      const table = cmap + view.getUint32(at + 4)
      if ([4, 12].includes(view.getUint16(table))) found.set(`${view.getUint16(at)}/${view.getUint16(at + 2)}`, table)
    }
    const table = UNICODE_MAPS.map((key) => found.get(key)).find((at) => at !== undefined)
    if (table === undefined) throw new Error('no Unicode character map in the font')
    return view.getUint16(table) === 12 ? format12(view, table) : format4(view, table)
  }
  throw new Error('no character map in the font')
}

function format12(view: DataView, table: number): (cp: number) => boolean {
  const groups: [number, number][] = []
  for (let g = 0, n = view.getUint32(table + 12); g < n; g++) {
    const at = table + 16 + g * 12
    if (view.getUint32(at + 8) !== 0 || view.getUint32(at) !== view.getUint32(at + 4)) groups.push([view.getUint32(at), view.getUint32(at + 4)])
  }
  return (cp) => groups.some(([from, to]) => cp >= from && cp <= to)
}

function format4(view: DataView, table: number): (cp: number) => boolean {
  const segments = view.getUint16(table + 6) / 2
  const ends = table + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  return (cp) => {
    if (cp > 0xffff) return false
    for (let s = 0; s < segments; s++) {
      if (cp > view.getUint16(ends + s * 2)) continue
      const start = view.getUint16(starts + s * 2)
      if (cp < start) return false
      const rangeOffset = view.getUint16(rangeOffsets + s * 2)
      const delta = view.getUint16(deltas + s * 2)
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0
      const glyph = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2)
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0
    }
    return false
  }
}
