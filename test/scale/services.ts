import pg from 'pg'
import { randomId } from '../../shared/ids.js'

/** The services the scale-out suite talks to; CI starts them (.ci/run). */
export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A fresh schema per test file, dropped afterwards, so runs never see each other's boards. */
export function testSchema(): { name: string; drop(): Promise<void> } {
  const name = `zigzag_test_${randomId(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`
  return {
    name,
    async drop() {
      const client = new pg.Client({ connectionString: DATABASE_URL })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}
