import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mustBuildClient } from '../../scripts/clientBuild.js'

/** A repository of its own, so no test ever builds into the real dist/client. */
let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zigzag-start-'))
  for (const dir of ['client', 'shared', 'dist/client']) mkdirSync(join(root, dir), { recursive: true })
  writeFileSync(join(root, 'client', 'main.tsx'), '')
  writeFileSync(join(root, 'shared', 'model.ts'), '')
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

function builtAt(seconds: number): void {
  const index = join(root, 'dist', 'client', 'index.html')
  writeFileSync(index, '')
  utimesSync(index, seconds, seconds)
}

describe('npm start', () => {
  it('builds dist/client when it is missing or older than the client or shared sources, not when it is newer', () => {
    expect(mustBuildClient(root, {})).toBe(true)
    builtAt(1_000_000) // 1970: older than the sources just written
    expect(mustBuildClient(root, {})).toBe(true)
    builtAt(Date.now() / 1000 + 60)
    expect(mustBuildClient(root, {})).toBe(false)
  })

  it('serves a CLIENT_DIR as it is and builds nothing, however old dist/client is', () => {
    builtAt(1_000_000)
    expect(mustBuildClient(root, { CLIENT_DIR: '/srv/zigzag-client' })).toBe(false)
    rmSync(join(root, 'dist'), { recursive: true })
    expect(mustBuildClient(root, { CLIENT_DIR: 'client-build' })).toBe(false)
    expect(mustBuildClient(root, { CLIENT_DIR: '  ' })).toBe(true) // empty is unset, as for the server
  })
})
