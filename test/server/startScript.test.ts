import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../utils/childServer.js'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
let dir: string | undefined

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('npm start with CLIENT_DIR', () => {
  it('serves that folder and runs no build', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigzag-start-'))
    const clientDir = join(dir, 'client')
    mkdirSync(clientDir)
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>client from CLIENT_DIR</title>')
    // Any build would go through npx: this one only notes that it was called, and fails.
    const bin = join(dir, 'bin')
    mkdirSync(bin)
    writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "$*" >> ${join(dir, 'npx-calls')}\nexit 3\n`)
    chmodSync(join(bin, 'npx'), 0o755)
    const port = await freePort()
    const proc = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), CLIENT_DIR: clientDir, WARM_UP_ROUNDS: '0' },
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    try {
      let page = ''
      for (let tries = 0; tries < 300 && proc.exitCode === null && !page; tries++) {
        page = await fetch(`http://127.0.0.1:${port}/`).then((res) => res.text(), () => '')
        if (!page) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(existsSync(join(dir, 'npx-calls')) ? readFileSync(join(dir, 'npx-calls'), 'utf8') : 'no build').toBe('no build')
      expect(page).toContain('client from CLIENT_DIR')
    } finally {
      proc.kill('SIGTERM')
      await exited
    }
  })
})
