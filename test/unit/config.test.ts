import { describe, expect, it } from 'vitest'
import { REPO_ROOT, loadConfig } from '../../server/config.js'

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
    })
  })

  it('reads every setting from the environment, resolving relative paths against the repository', () => {
    const config = loadConfig({
      PORT: '3000', HOST: '127.0.0.1', DATA_DIR: 'var/boards', CLIENT_DIR: '/opt/client',
      PUBLIC_URL: 'https://zigzag.example.org/', UNLOAD_GRACE_MS: '100', COMPACT_EVERY: '50', AUTO_VERSION_MS: '0',
    })
    expect(config).toEqual({
      port: 3000, host: '127.0.0.1', dataDir: `${REPO_ROOT}/var/boards`, clientDir: '/opt/client',
      publicUrl: 'https://zigzag.example.org', unloadGraceMs: 100, compactEvery: 50, autoVersionMs: 0,
    })
  })

  it('says which setting is wrong instead of starting with a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ COMPACT_EVERY: '0' })).toThrow(/COMPACT_EVERY/)
    expect(() => loadConfig({ PUBLIC_URL: 'zigzag.example.org' })).toThrow(/PUBLIC_URL/)
  })
})
