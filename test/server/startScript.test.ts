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

describe('npm start, stopped as a supervisor stops it', () => {
  it('stops the server itself when npm gets SIGTERM, and lets go of the port and the data folder', async () => {
    // npm hands the signal to the shell it runs the script in; without `exec` that shell died and left the server running.
    dir = mkdtempSync(join(tmpdir(), 'zigzag-start-'))
    const clientDir = join(dir, 'client')
    mkdirSync(clientDir)
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Zigzag</title>')
    const port = await freePort()
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), CLIENT_DIR: clientDir, WARM_UP_ROUNDS: '0' },
      stdio: 'ignore',
      detached: true, // its own process group, so a failing test can still stop whatever it started
    })
    const up = () => fetch(`http://127.0.0.1:${port}/healthz`).then((res) => res.ok, () => false)
    try {
      let serving = false
      for (let tries = 0; tries < 300 && !serving; tries++) {
        serving = await up()
        if (!serving) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(serving).toBe(true)
      process.kill(npm.pid!, 'SIGTERM')
      let stopped = false
      for (let tries = 0; tries < 100 && !stopped; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        stopped = !(await up()) && !existsSync(join(dir, 'data', 'zigzag.lock'))
      }
      expect(stopped).toBe(true)
    } finally {
      try { process.kill(-npm.pid!, 'SIGKILL') } catch { /* already gone */ }
    }
  }, 40_000)
})
