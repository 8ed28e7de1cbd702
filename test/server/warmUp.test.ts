import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LogFields, LogLevel } from '../../server/log.js'
import { warmUpBoardLoading } from '../../server/warmUp.js'
import { generatedBoardFile, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { touchpoints } from '../../shared/model/index.js'
import { type TestServer, startTestServer } from '../utils/server.js'

describe('the warm-up before the server listens', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('loads a generated board that is a valid board file with the touchpoints asked for', () => {
    const parsed = parseBoardFile(generatedBoardFile(120, 4, 3))
    if (!parsed.ok) throw new Error(parsed.errors.join('; '))
    const doc = new Y.Doc()
    importBoard(doc, parsed.file)
    expect(touchpoints(doc)).toHaveLength(120)
    expect(warmUpBoardLoading(2, 120)).toBeGreaterThan(0)
    expect(warmUpBoardLoading(0)).toBe(0)
  })

  it('runs the rounds it is given, says so in the log, and the server then serves boards', async () => {
    const lines: { level: LogLevel; event: string; fields?: LogFields }[] = []
    server = await startTestServer({ warmUpRounds: 2, log: (level, event, fields) => void lines.push({ level, event, fields }) })
    const warmed = lines.filter((l) => l.event === 'server.warmed-up')
    expect(warmed).toHaveLength(1)
    expect(warmed[0]!.fields).toMatchObject({ rounds: 2, touchpoints: 1000 })
    expect(warmed[0]!.fields!.ms).toBeGreaterThan(0)
    const created = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(created.status).toBe(201)
  })

  it('is skipped with 0 rounds', async () => {
    const lines: string[] = []
    server = await startTestServer({ warmUpRounds: 0, log: (_level, event) => void lines.push(event) })
    expect(lines).not.toContain('server.warmed-up')
  })
})
