// Writes docs/board-format.schema.json from the zod schema in shared/format/.
// Run after changing the board format: npx tsx scripts/board-schema.ts
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BOARD_SCHEMA_FILE, boardFileJsonSchemaText } from '../shared/format/jsonSchema.js'

const target = fileURLToPath(new URL(`../${BOARD_SCHEMA_FILE}`, import.meta.url))
writeFileSync(target, boardFileJsonSchemaText())
console.log(`Wrote ${BOARD_SCHEMA_FILE}`)
