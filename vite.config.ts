import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { defineConfig } from 'vitest/config'
import { pdfmakeLineOrder } from './scripts/pdfmakeLineOrder.js'
import { precompress } from './scripts/precompress.js'

/**
 * The page's service worker (Workbox, made at build time): a board opened once in this browser opens again without a
 * network, from its copy in IndexedDB (client/sync/boardCopy.ts). It keeps the app's files and answers a page load
 * with the app when the server cannot be reached; online, pages always come from the server. PDF export's font and
 * layout files (1.8 MB) are kept once used, not fetched on the first visit. Registered by client/sync/offlineApp.ts.
 */
const offlineApp = VitePWA({
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg}'],
    // The PDF's code and the tables of its fonts for other scripts are fetched when a report needs them, not on a first visit.
    globIgnores: ['**/pdfmake-*.js', '**/vfs_fonts-*.js', '**/pdfScriptFonts-*.js', '**/unicode-*.js', '**/bidi-*.js'],
    navigateFallback: null,
    runtimeCaching: [
      {
        urlPattern: ({ request, url }) => request.mode === 'navigate' && (url.pathname === '/' || url.pathname.startsWith('/b/')),
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: 'index.html' } },
      },
      {
        urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
        handler: 'CacheFirst',
        options: { cacheName: 'zigzag-assets', expiration: { maxEntries: 40 } },
      },
    ],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
})

// The client lives in client/; the build lands in dist/client, which the relay serves (brotli and gzip copies included).
export default defineConfig({
  root: 'client',
  plugins: [react(), offlineApp, pdfmakeLineOrder(), precompress()],
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
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Two let the files run side by side,
    // browser files too (each with its own server and Chromium): on a 2-core machine the whole suite took 298 and 374 s
    // so, against 435 s with the browser files one at a time (2026-12-06, other work running alongside). Three workers
    // gained nothing: the browser files are short of CPU, not waiting (755 s against 742 s with two, 2026-12-07).
    maxWorkers: 2,
    projects: [
      // Every file shares its worker's module cache (isolate: false): each file's own import of the app's modules, and
      // of Playwright (0.65 s of CPU alone), took much of its time. On a 2-core machine, unit 40 s → 12 s, server
      // 56 s → 37 s, browser 431 s → 362 s run alone; the whole suite in a fresh clone only 492 s → 476 s (2026-12-07):
      // the CPU that imports no longer take goes to the tests beside them. Each browser file still starts and closes its
      // own server; Chromium is started once per worker and each file closes only its own contexts (test/utils/browser.ts):
      // the whole suite 714 s → 643 s on a 2-core machine (2026-12-07).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', isolate: false } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node', testTimeout: 20_000, isolate: false } },
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
          // A change that crosses the relay to another page can take over a second while two browser files share two cores
          // (the default poll gives up after 1 s): fresh-clone CI runs failed on a card removed, not yet gone elsewhere.
          expect: { poll: { timeout: 4000 } },
          isolate: false,
        },
      },
    ],
  },
})
