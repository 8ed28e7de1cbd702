import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCK_FILE, lockDataDir } from '../../server/dataDirLock.js'

let dir: string
let child: ChildProcess | undefined

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zigzag-lock-'))
})

afterEach(() => {
  child?.kill('SIGKILL')
  child = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** Another process that runs until the test ends, and when it started (ticks since boot; undefined off Linux). */
function otherProcess(): { pid: number; started: number | undefined } {
  child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  const pid = child.pid!
  let started: number | undefined
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    started = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
  } catch {
    started = undefined
  }
  return { pid, started }
}

const lockFile = () => join(dir, LOCK_FILE)
const writeLock = (holder: object | string) => writeFileSync(lockFile(), typeof holder === 'string' ? holder : JSON.stringify(holder))
const lockPid = () => (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number }).pid

describe('the DATA_DIR lock', () => {
  it('refuses a data dir another running process holds, naming its pid', () => {
    const other = otherProcess()
    writeLock({ pid: other.pid, started: other.started, key: 'theirs' })
    expect(() => lockDataDir(dir)).toThrow(`DATA_DIR ${dir} is in use by another Zigzag process (pid ${other.pid}); stop it first, or use PostgreSQL and Redis to run several`)
    expect(lockPid()).toBe(other.pid)
  })

  it('takes over the lock of a process that is gone, of a pid now used by another process, and a lock cut short', async () => {
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    await new Promise((resolve) => gone.once('exit', resolve))
    const other = otherProcess()
    const stale: (object | string)[] = [{ pid: gone.pid, key: 'crashed' }, '{"pid":']
    if (other.started !== undefined) stale.push({ pid: other.pid, started: other.started - 1, key: 'reused' })
    for (const holder of stale) {
      writeLock(holder)
      const lock = lockDataDir(dir)
      expect(lockPid()).toBe(process.pid)
      lock.release()
      expect(existsSync(lockFile())).toBe(false)
    }
  })

  it('gives back only its own lock: one a new process took over since stays', () => {
    const first = lockDataDir(dir)
    writeLock({ pid: otherProcess().pid, key: 'next' }) // as if a crash of ours had been taken over by a new process
    first.release()
    expect(existsSync(lockFile())).toBe(true)
  })
})
