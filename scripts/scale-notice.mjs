// Printed at the end of `npm test`: the scale-out suite is not part of it, and why.
import { readdirSync } from 'node:fs'
import { connect } from 'node:net'

const database = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379')

function reachable(url, defaultPort) {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || defaultPort) })
    const done = (ok) => { socket.destroy(); resolve(ok) }
    socket.setTimeout(500, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

const files = readdirSync(new URL('../test/scale/', import.meta.url)).filter((f) => f.endsWith('.test.ts'))
const [pgUp, redisUp] = await Promise.all([reachable(database, 5432), reachable(redis, 6379)])
const state = (up, url) => `${url.host} ${up ? 'reachable' : 'NOT reachable'}`
console.log([
  '',
  `Not run by npm test: the scale-out suite (${files.map((f) => `test/scale/${f}`).join(', ')}).`,
  'It needs PostgreSQL and Redis, so it runs separately with `npm run test:scale` (CI runs it after npm test).',
  `Right now: PostgreSQL ${state(pgUp, database)}, Redis ${state(redisUp, redis)}` +
    (pgUp && redisUp ? '.' : ': `npm run test:scale` would fail here; start them first (docs/scale-out.md).'),
].join('\n'))
