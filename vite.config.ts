import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { precompress } from './scripts/precompress.js'

// The client lives in client/; the build lands in dist/client, which the relay serves (brotli and gzip copies included).
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // precompress() takes about 3 s at brotli's best level, on purpose: not worth a warning in every build.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
      '/healthz': 'http://localhost:8080',
    },
  },
  test: {
    root: '.',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Two let the unit and server files
    // run side by side (about 70 s instead of 98 here); the browser files still run one at a time (fileParallelism).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      // Needs PostgreSQL and Redis (see test/scale/services.ts): `npm run test:scale`, not part of `npm test`.
      ...(process.env.ZIGZAG_SCALE_TESTS
        ? [{ extends: true as const, test: { name: 'scale', include: ['test/scale/**/*.test.ts'], environment: 'node', testTimeout: 30_000, fileParallelism: false } }]
        : []),
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
