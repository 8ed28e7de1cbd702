import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipped = promisify(gzip)

/** Text the server sends as is; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text file of
 * the build, once, at the highest levels: the server sends the one the
 * browser accepts (server/staticFiles.ts) without compressing anything per
 * request. A copy that is not smaller than the file is not written.
 */
export function precompress(): Plugin {
  return {
    name: 'zigzag:precompress',
    apply: 'build',
    async writeBundle({ dir: outDir = '' }, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name))
      await Promise.all(files.map(async (name) => {
        const path = join(outDir, name)
        const source = await readFile(path)
        if (source.length < MIN_BYTES) return
        const [br, gz] = await Promise.all([
          brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
          gzipped(source, { level: constants.Z_BEST_COMPRESSION }),
        ])
        if (br.length < source.length) await writeFile(`${path}.br`, br)
        if (gz.length < source.length) await writeFile(`${path}.gz`, gz)
      }))
    },
  }
}
