import { createServer as createNetServer } from 'node:net'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failedStart, freePort } from '../utils/childServer.js'
import { startTestServer } from '../utils/server.js'

/** A bad setting stops the start with one log line saying what is wrong (the operator reads it in journalctl or docker logs). */
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zigzag-start-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function refusal(env: Record<string, string>, options?: Parameters<typeof failedStart>[3]): Promise<{ code: number | null; lines: string[]; error: string }> {
  const { code, output } = await failedStart(await freePort(), join(dir, 'data'), env, options)
  const lines = output.trim().split('\n')
  let error = ''
  try {
    const entry = JSON.parse(lines.at(-1) ?? '') as { event?: string; error?: string }
    if (entry.event === 'server.start-failed') error = entry.error ?? ''
  } catch {
    // not a log line: the test below shows what was printed
  }
  return { code, lines, error }
}

describe('a server started with a bad setting', () => {
  it('says in one line that LOG_LEVEL is wrong and which levels it takes', async () => {
    const { code, lines, error } = await refusal({ LOG_LEVEL: 'abc' })
    expect(lines, lines.join('\n')).toHaveLength(1)
    expect(error).toBe('LOG_LEVEL must be one of error, warn, info, debug, got "abc"')
    expect(code).toBe(1)
  })

  it('says DATABASE_URL must be a PostgreSQL URL, not where a misread one failed to connect', async () => {
    for (const url of ['not-a-url', 'mysql://zigzag@127.0.0.1/zigzag']) {
      const { code, lines, error } = await refusal({ DATABASE_URL: url })
      expect(lines, lines.join('\n')).toHaveLength(1)
      expect(error).toMatch(/^DATABASE_URL must be a PostgreSQL URL starting with postgres:\/\/ or postgresql:\/\//)
      expect(code).toBe(1)
    }
  })
})

describe('a server that cannot reach what a setting names', () => {
  it('names HOST when it is no address of this machine', async () => {
    // An address of the documentation range (TEST-NET-1), which no machine here has: no name lookup, no network.
    const { code, error } = await refusal({ HOST: '192.0.2.1' })
    expect(error).toMatch(/^HOST: "192\.0\.2\.1" is not an address of this machine \(.*EADDRNOTAVAIL/)
    expect(code).toBe(1)
  })

  it('names PORT when another program listens on it', async () => {
    const taken = createNetServer()
    const port = await freePort()
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve))
    try {
      const { code, output } = await failedStart(port, join(dir, 'data'))
      const entry = JSON.parse(output.trim().split('\n').at(-1)!) as { event: string; error: string }
      expect(entry.event).toBe('server.start-failed')
      expect(entry.error).toMatch(new RegExp(`^PORT: ${port} is in use on 127\\.0\\.0\\.1 by another program \\(.*EADDRINUSE`))
      expect(code).toBe(1)
    } finally {
      taken.close()
    }
  })

  it('names DATABASE_URL when PostgreSQL does not answer there', async () => {
    const { code, error } = await refusal({ DATABASE_URL: 'postgres://zigzag@127.0.0.1:1/zigzag' })
    expect(error).toMatch(/^DATABASE_URL: PostgreSQL could not be opened \(.*ECONNREFUSED/)
    expect(code).toBe(1)
  })
})

describe('a server whose DATA_DIR it cannot use', () => {
  it.runIf(existsSync('/proc/self'))('says it cannot make it, instead of hanging (a folder under /proc)', async () => {
    const where = `/proc/zigzag-${process.pid}/data`
    const { code, error } = await refusal({ DATA_DIR: where }, { timeout: 8000 })
    expect(error).toMatch(new RegExp(`^DATA_DIR ${where} cannot be made \\(ENOENT: .*\\): it must be a folder, and the user this process runs as \\(uid \\d+\\) must be able to write it$`))
    expect(code).toBe(1)
  })

  it('names the database and DATA_DIR when SQLite cannot open it', async () => {
    const data = join(dir, 'data')
    mkdirSync(join(data, 'zigzag.db'), { recursive: true }) // a folder where the file should be
    await expect(startTestServer({ dataDir: data })).rejects.toThrow(
      `The database ${join(data, 'zigzag.db')} cannot be opened (unable to open database file): DATA_DIR ${data} must be a folder, and the user this process runs as`,
    )
  })

  // Another user must reach the repository to run the server from it: a fresh clone in `mktemp -d` (mode 700, CI) is
  // closed to them, and the server never starts there.
  it.runIf(process.getuid?.() === 0 && openToOthers(process.cwd()))('tells a server run as another user that this user must be able to write it', async () => {
    chmodSync(dir, 0o755)
    mkdirSync(join(dir, 'data'), { mode: 0o755 }) // root's, as after `sudo mkdir`
    const { code, error } = await refusal({ HOME: '/tmp' }, { uid: 65534, gid: 65534 })
    expect(error).toMatch(new RegExp(`^DATA_DIR ${join(dir, 'data')} cannot be written \\(EACCES: .*\\): it must be a folder, and the user this process runs as \\(uid 65534\\) must be able to write it$`))
    expect(code).toBe(1)
  })
})

/** Whether every folder from the root down to `path` lets other users through (o+x). */
function openToOthers(path: string): boolean {
  for (let at = resolve(path); ; at = dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) return false
    if (dirname(at) === at) return true
  }
}
