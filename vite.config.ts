import { availableParallelism } from 'node:os';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { cspOnlyInBuild, previewSecurityHeaders } from './scripts/csp.ts';

const alias = [
  { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
  // Dexie's own ES module build, as its author advises for ES-module bundles, in the app, its workers and
  // the tests alike. The package's default entry wraps its ES5 UMD build (the wrapper only keeps a CommonJS
  // and an ES copy in one Node process apart): 1.9 kB more gzip before the first paint and in each worker.
  { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
];

export default defineConfig({
  resolve: { alias },
  worker: { format: 'es' },
  build: {
    modulePreload: {
      // Every browser the app supports has module preload; the polyfill would only add to the first load.
      polyfill: false,
      // A lazy chunk's own imports are not preloaded with a <link> each (CSS still is): each append
      // cost the page 0.4-15 ms, 20-50 ms in the render that opens a screen (its 22 imports), where the
      // browser fetches them, a step later, as it reads the chunk. index.html keeps its links.
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: {
      output: {
        // Every module the entry imports statically in one chunk. Left to itself, the bundler split
        // them into ten small chunks when a lazy export chunk began importing `uuid` (v5 claim URNs)
        // beside the first load's v7 ids: 149.0 -> 152.2 kB gzip before first paint, over the 150 kB
        // budget, from chunk overhead alone (bench:bundle). One chunk: 148.7 kB, 2 requests.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'] },
            // The database's write middlewares and upgrade steps (src/db/write-layer.ts), which its first
            // open waits for: one request, not six small chunks shared with the lazy screens.
            { name: 'write-layer', test: /\/src\/db\/(write-layer\.ts|search-notes\.ts|derived\/)/ },
          ],
        },
      },
    },
  },
  plugins: [
    react(),
    cspOnlyInBuild(),
    VitePWA({
      // 'prompt': a new version waits until the person chooses to reload (main.tsx shows "Update ready").
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Claimdesk',
        short_name: 'Claimdesk',
        description:
          'Track the attributed claims in news articles: who said what, with sources and verdicts.',
        theme_color: '#1f3a5f',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,txt}'],
        navigateFallback: '/index.html',
        // The first service worker takes control of the open page at once, so it works offline without a reload.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  preview: {
    port: 4173,
    strictPort: true,
    host: '127.0.0.1',
    // With COUCH_URL set (the e2e run sets it), /couchdb/* on the app's origin is the test CouchDB,
    // as a newsroom's reverse proxy would serve it (docs/SYNC.md): same origin, first-party cookie.
    ...(process.env.COUCH_URL
      ? {
          proxy: {
            '/couchdb': { target: process.env.COUCH_URL, rewrite: (path) => path.replace(/^\/couchdb/, '') },
          },
        }
      : {}),
    headers: previewSecurityHeaders(fileURLToPath(new URL('./index.html', import.meta.url))),
  },
  test: {
    // Every core, not Vitest's default of one fewer: on the 2-core gate that default is a single worker,
    // and the main process, which only hands out files and collects results, left the second core idle
    // for the whole run. Files share nothing across workers (fake-indexeddb is per process; the couch
    // project's tests each make their own database on the one test server).
    maxWorkers: availableParallelism(),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'core',
          environment: 'node',
          // Pure functions and the CLIs in-process: no globals, mocks or stores to leak between files, so
          // one module graph per worker, not per file (52 files: 60 s of CPU isolated, 19 s shared).
          isolate: false,
          // a bound for a loaded two-core machine, not an expected duration
          testTimeout: 30_000,
          include: ['src/core/**/*.test.ts', 'src/cli/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          environment: 'node',
          testTimeout: 30_000,
          include: ['src/db/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'ui',
          environment: 'jsdom',
          // One jsdom and one load of React, Dexie and the app per worker, not per file: building them
          // again for every file was most of this project's time (10 of its files: 205 s isolated,
          // 56 s shared, back to back at load 30). Its tests clean up what they share (cleanup,
          // unstubAllGlobals, resetDb).
          isolate: false,
          testTimeout: 30_000,
          include: ['src/{features,stores,ui,app,workers}/**/*.test.{ts,tsx}'],
          // src/test/setup-ui.ts: every test starts from the shared modules' first state
          setupFiles: ['fake-indexeddb/auto', 'src/test/setup-ui.ts'],
        },
      },
      {
        // The CouchDB side of sync: started here, stopped after the project's files (docs/SYNC.md).
        resolve: { alias },
        test: {
          name: 'couch',
          environment: 'node',
          include: ['couchdb/**/*.test.ts', 'src/sync/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          globalSetup: ['src/sync/testing/global-setup.ts'],
          // requests to a server on a loaded two-core machine; a second server loads PouchDB again
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
