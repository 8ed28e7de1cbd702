import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, REPO_ROOT, loadConfig } from '../../server/config.js'

describe('the server configuration', () => {
  it('runs on port 8080 on every interface with data in ./data when nothing is set', () => {
    expect(loadConfig({}, '/srv/zigzag')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/zigzag/data',
      clientDir: '/srv/zigzag/dist/client',
      publicUrl: undefined,
      unloadGraceMs: 5000,
      compactEvery: 500,
      autoVersionMs: 600_000,
      fixedFanOutWindowMs: undefined,
      databaseUrl: undefined,
      databaseSchema: undefined,
      redisUrl: undefined,
      clusterPeerTimeoutMs: 15_000,
      warmUpRounds: 4,
      logLevel: 'info',
      limits: {
        maxFrameBytes: 4_194_304, maxBoardBytes: 67_108_864, maxConnectionsPerBoard: 500, maxConnectionsPerIp: 300,
        messagesPerSecond: 200, awarenessPerSecond: 60, boardsPerMinute: 30,
      },
    })
  })

  it('reads every setting from the environment, resolving relative paths against the repository', () => {
    const config = loadConfig({
      PORT: '3000', HOST: '127.0.0.1', DATA_DIR: 'var/boards', CLIENT_DIR: '/opt/client',
      PUBLIC_URL: 'https://zigzag.example.org/', UNLOAD_GRACE_MS: '100', COMPACT_EVERY: '50', AUTO_VERSION_MS: '0',
      MAX_FRAME_BYTES: '65536', MAX_BOARD_BYTES: '1048576', MAX_CONNECTIONS_PER_BOARD: '20', MAX_CONNECTIONS_PER_IP: '10',
      RATE_LIMIT_MESSAGES: '50', RATE_LIMIT_AWARENESS: '5', RATE_LIMIT_BOARDS: '7', DATABASE_URL: 'postgres://zigzag@db/zigzag', REDIS_URL: 'redis://cache:6379',
      DATABASE_SCHEMA: 'boards', CLUSTER_PEER_TIMEOUT_MS: '5000', FAN_OUT_WINDOW_MS: '4', WARM_UP_ROUNDS: '0',
      LOG_LEVEL: 'warn',
    })
    expect(config).toEqual({
      port: 3000, host: '127.0.0.1', dataDir: `${REPO_ROOT}/var/boards`, clientDir: '/opt/client',
      publicUrl: 'https://zigzag.example.org', unloadGraceMs: 100, compactEvery: 50, autoVersionMs: 0, fixedFanOutWindowMs: 4,
      databaseUrl: 'postgres://zigzag@db/zigzag', databaseSchema: 'boards', redisUrl: 'redis://cache:6379', clusterPeerTimeoutMs: 5000, warmUpRounds: 0, logLevel: 'warn',
      limits: { maxFrameBytes: 65_536, maxBoardBytes: 1_048_576, maxConnectionsPerBoard: 20, maxConnectionsPerIp: 10, messagesPerSecond: 50, awarenessPerSecond: 5, boardsPerMinute: 7 },
    })
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS)
  })

  it('says which setting is wrong instead of starting with a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ COMPACT_EVERY: '0' })).toThrow(/COMPACT_EVERY/)
    expect(() => loadConfig({ MAX_FRAME_BYTES: '4MB' })).toThrow(/MAX_FRAME_BYTES must be a whole number/)
    expect(() => loadConfig({ PUBLIC_URL: 'zigzag.example.org' })).toThrow(/PUBLIC_URL/)
    expect(() => loadConfig({ FAN_OUT_WINDOW_MS: '2.5' })).toThrow(/FAN_OUT_WINDOW_MS must be a whole number from 0 to 1000/)
    expect(() => loadConfig({ WARM_UP_ROUNDS: 'yes' })).toThrow(/WARM_UP_ROUNDS must be a whole number from 0 to 100, got "yes"/)
    expect(() => loadConfig({ LOG_LEVEL: 'abc' })).toThrow('LOG_LEVEL must be one of error, warn, info, debug, got "abc"')
    for (const bad of ['not-a-url', 'mysql://zigzag@127.0.0.1/zigzag', 'db.internal:5432/zigzag']) {
      expect(() => loadConfig({ DATABASE_URL: bad })).toThrow(/^DATABASE_URL must be a PostgreSQL URL starting with postgres:\/\/ or postgresql:\/\//)
    }
    // A DATABASE_URL may hold a password: the message does not repeat it.
    expect(() => loadConfig({ DATABASE_URL: 'zigzag:s3cret@db:5432/zigzag' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('s3cret') }))
    expect(loadConfig({ DATABASE_URL: 'postgresql://zigzag:pw@db.internal/zigzag?sslmode=require' }).databaseUrl).toBe('postgresql://zigzag:pw@db.internal/zigzag?sslmode=require')
    expect(() => loadConfig({ REDIS_URL: 'not-a-url' })).toThrow(/^REDIS_URL must start with redis:\/\/ or rediss:\/\//)
    // A REDIS_URL may hold a password: the message does not repeat it.
    expect(() => loadConfig({ REDIS_URL: 'zigzag:s3cret@cache:6379' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('s3cret') }))
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache.internal:6380/2', DATABASE_URL: 'postgres://db/zigzag' }).redisUrl).toBe('rediss://:pw@cache.internal:6380/2')
  })

  it('refuses REDIS_URL without DATABASE_URL: each process would store its people\'s changes in its own SQLite file only', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow('REDIS_URL needs DATABASE_URL: processes that share boards through Redis must store them in one PostgreSQL database (docs/scale-out.md)')
  })

  it('takes the log levels the README lists, in any case, and debug (which logs what info does)', () => {
    expect(['error', 'WARN', ' info ', 'debug'].map((level) => loadConfig({ LOG_LEVEL: level }).logLevel)).toEqual(['error', 'warn', 'info', 'debug'])
  })
})
