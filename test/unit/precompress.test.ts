import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { precompress } from '../../scripts/precompress.js'

let dir: string

afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the plugin's writeBundle over files already written to `dir`, as Vite does after a build. */
async function runPlugin(files: Record<string, Buffer | string>): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'zigzag-build-'))
  mkdirSync(join(dir, 'assets'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  const hook = precompress().writeBundle as (options: { dir: string }, bundle: Record<string, unknown>) => Promise<void>
  await hook.call({}, { dir }, Object.fromEntries(Object.keys(files).map((name) => [name, {}])))
}

describe('precompress', () => {
  it('writes a brotli and a gzip copy of each text file that decode to the same bytes', async () => {
    const script = 'const phases = ' + JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ phase: `Phase ${i}`, touchpoints: [] })))
    const styles = '.touchpoint { color: red }\n'.repeat(200)
    await runPlugin({ 'assets/index-abc.js': script, 'assets/index-def.css': styles })
    for (const [name, source] of [['assets/index-abc.js', script], ['assets/index-def.css', styles]] as const) {
      const br = readFileSync(join(dir, `${name}.br`))
      const gz = readFileSync(join(dir, `${name}.gz`))
      expect(br.length, name).toBeLessThan(source.length / 4)
      expect(brotliDecompressSync(br).toString(), name).toBe(source)
      expect(gunzipSync(gz).toString(), name).toBe(source)
    }
  })

  it('leaves small files, images and files that do not shrink alone', async () => {
    const noise = randomBytes(4096)
    await runPlugin({ 'index.html': '<!doctype html><title>Zigzag</title>', 'assets/photo-123.png': Buffer.alloc(8192, 1), 'assets/noise-456.js': noise })
    for (const name of ['index.html', 'assets/photo-123.png', 'assets/noise-456.js']) {
      expect(existsSync(join(dir, `${name}.br`)), name).toBe(false)
      expect(existsSync(join(dir, `${name}.gz`)), name).toBe(false)
    }
  })
})
