import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BOARD_SCHEMA_FILE, boardFileJsonSchema, boardFileJsonSchemaText, parseBoardFile } from '../../shared/format/index.js'

const repoFile = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8')
const committed = () => repoFile(BOARD_SCHEMA_FILE)

describe('the JSON Schema of the board format', () => {
  it('is committed exactly as the zod schema generates it', () => {
    if (committed() !== boardFileJsonSchemaText()) {
      throw new Error(`${BOARD_SCHEMA_FILE} is out of date with shared/format/boardFile.ts; run \`npx tsx scripts/board-schema.ts\` and commit the result`)
    }
  })

  it('lets editors check hand-written files: required fields, closed objects, the format header', () => {
    const schema = boardFileJsonSchema() as {
      required: string[]; additionalProperties: boolean; properties: Record<string, { const?: unknown; minimum?: number; maximum?: number }>
    }
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'exportedAt', 'meta', 'phases', 'lanes', 'personas']))
    expect(schema.required).not.toContain('touchpoints')
    expect(schema.additionalProperties).toBe(false)
    expect(schema.properties.format.const).toBe('zigzag-board')
    expect(schema.properties.formatVersion).toMatchObject({ type: 'integer', minimum: 1, maximum: 3 })
  })

  it('accepts the example in docs/board-format.md', () => {
    const example = repoFile('docs/board-format.md').split('```json')[1].split('```')[0]
    expect(parseBoardFile(JSON.parse(example))).toMatchObject({ ok: true })
  })
})
