import { z } from 'zod'
import { BOARD_FORMAT_VERSION, BoardFileSchema } from './boardFile.js'

/** Where the generated schema is committed, relative to the repository root. */
export const BOARD_SCHEMA_FILE = 'docs/board-format.schema.json'

/**
 * The JSON Schema of what may be written in a board file, generated from the
 * zod schema so the two never disagree. Fields with defaults are optional.
 */
export function boardFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(BoardFileSchema, { io: 'input', target: 'draft-2020-12' }),
    title: `Zigzag board file, format version ${BOARD_FORMAT_VERSION}`,
  }
}

/** The exact text of the committed schema file. */
export const boardFileJsonSchemaText = (): string => `${JSON.stringify(boardFileJsonSchema(), null, 2)}\n`
