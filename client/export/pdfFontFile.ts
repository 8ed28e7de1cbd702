/**
 * A report font's file, made ready for pdfmake before it is used: the WOFF file the build ships unpacked into the
 * TrueType font inside it with the browser's own zlib (DecompressionStream), and checked for a Unicode character
 * map. pdfmake's own WOFF reader (fontkit with tiny-inflate) cannot inflate some tables that zlib reads fine
 * (tiny-inflate's "Data error"; Noto Sans SC subset 101 and TC subset 119 among fontsource's files): fontkit then has no
 * character map and pdfmake fails while laying out the report. A file that cannot be fetched, unpacked or read
 * rejects, and the report draws its text in another font (renderPdf).
 */

/** The TrueType or OpenType font in a WOFF file; other fonts unchanged. Rejects a file it cannot read. */
export async function sfntOf(file: ArrayBuffer): Promise<ArrayBuffer> {
  const view = new DataView(file)
  if (file.byteLength < 12) throw new Error('not a font file')
  if (view.getUint32(0) !== 0x774f4646) return checked(file) // 'wOFF'
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
  return checked(sfnt.buffer)
}

const padded = (length: number) => (length + 3) & ~3

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** The cmap subtables fontkit looks for, by platform and encoding: Windows Unicode full and BMP, Unicode. */
const UNICODE_MAPS = new Set(['3/10', '3/1', '0/6', '0/4', '0/3', '0/2', '0/1', '0/0'])

/** The font, if its cmap table has a Unicode subtable in a format fontkit reads (4, 6, 12 or 13). */
function checked(sfnt: ArrayBuffer): ArrayBuffer {
  const view = new DataView(sfnt)
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    if (view.getUint32(12 + i * 16) !== 0x636d6170) continue // 'cmap'
    const cmap = view.getUint32(20 + i * 16)
    const subtables = view.getUint16(cmap + 2)
    for (let s = 0; s < subtables; s++) {
      const at = cmap + 4 + s * 8
      if (!UNICODE_MAPS.has(`${view.getUint16(at)}/${view.getUint16(at + 2)}`)) continue
      const format = view.getUint16(cmap + view.getUint32(at + 4))
      if ([4, 6, 12, 13].includes(format)) return sfnt
    }
    throw new Error('no Unicode character map in the font')
  }
  throw new Error('no character map in the font')
}
