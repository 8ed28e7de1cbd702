import { randomUUID } from 'node:crypto'
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'zigzag.lock'

/** Who holds DATA_DIR: its pid, and when that process started (Linux), so a pid reused by another process is told apart. */
interface Holder {
  pid: number
  started?: number
  key: string
}

export class DataDirInUseError extends Error {}

/**
 * Keeps a second process off one SQLite DATA_DIR: each keeps the boards it has open in memory, so two on one file split a
 * board live, each showing only the cards made through it until a restart (operator QA). The lock is a file naming its
 * holder; one whose process is gone (crashed, killed, or this very pid in an earlier life, as in a restarted container)
 * is taken over. Errors other than "in use" are the file system's (a DATA_DIR this user cannot write).
 */
export function lockDataDir(dir: string): { release(): void } {
  const file = join(dir, LOCK_FILE)
  const me: Holder = { pid: process.pid, started: startTicks(process.pid), key: randomUUID() }
  const text = `${JSON.stringify(me)}\n`
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' })
      return { release: () => (holder(file)?.key === me.key ? unlinkSync(file) : undefined) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const other = holder(file)
    if (other && runs(other)) {
      throw new DataDirInUseError(`DATA_DIR ${dir} is in use by another Zigzag process (pid ${other.pid}); stop it first, or use PostgreSQL and Redis to run several (docs/scale-out.md)`)
    }
    takeOver(file, other)
  }
  throw new DataDirInUseError(`DATA_DIR ${dir} is being taken by other Zigzag processes starting at the same time; start one only`)
}

function holder(file: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>
    return Number.isInteger(parsed.pid) && typeof parsed.key === 'string' ? (parsed as Holder) : undefined
  } catch {
    return undefined // gone meanwhile, or cut short by a crash while it was written
  }
}

function runs(other: Holder): boolean {
  if (other.pid === process.pid) return false
  try {
    process.kill(other.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false // EPERM: it runs, as another user
  }
  const started = startTicks(other.pid)
  return started === undefined || other.started === undefined || started === other.started
}

/**
 * Moves the stale lock aside before removing it, so that of two processes taking it over at once, the second cannot
 * remove the lock the first has just written: if what it moved is not the stale lock it judged, it puts it back.
 */
function takeOver(file: string, stale: Holder | undefined): void {
  const aside = `${file}.${process.pid}.stale`
  try {
    renameSync(file, aside)
  } catch {
    return // gone meanwhile
  }
  const moved = holder(aside)
  if (moved !== undefined && moved.key !== stale?.key) {
    try {
      linkSync(aside, file)
    } catch {
      // a third process wrote one meanwhile: the next attempt reads it
    }
  }
  unlinkSync(aside)
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined off Linux. */
function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const value = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
    return Number.isFinite(value) ? value : undefined
  } catch {
    return undefined
  }
}
