import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failedStart, freePort } from '../utils/childServer.js'

/** A bad setting stops the start with one log line saying what is wrong (the operator reads it in journalctl or docker logs). */
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zigzag-start-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function refusal(env: Record<string, string>): Promise<{ code: number | null; lines: string[]; error: string }> {
  const { code, output } = await failedStart(await freePort(), join(dir, 'data'), env)
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
