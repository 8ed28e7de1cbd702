import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { jsonLogger } from '../../server/log.js'

function capture() {
  const lines: string[] = []
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).trim().split('\n')); done() } })
  return { lines, stream }
}

describe('the server log', () => {
  it('writes one JSON object per event with level, time, event and fields', () => {
    const { lines, stream } = capture()
    const log = jsonLogger(stream)
    log('warn', 'sync.malformed', { board: 'b1', conn: 'c7', error: 'unknown message type 99' })
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0]) as Record<string, unknown>
    expect(entry).toMatchObject({ level: 40, event: 'sync.malformed', board: 'b1', conn: 'c7', error: 'unknown message type 99' })
    expect(new Date(entry.time as string).getTime()).toBeGreaterThan(0)
  })

  it('leaves out info lines when LOG_LEVEL asks for warnings only', () => {
    const { lines, stream } = capture()
    const log = jsonLogger(stream, 'warn')
    log('info', 'sync.joined')
    log('error', 'store.write-failed')
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['store.write-failed'])
  })
})
