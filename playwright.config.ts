import { defineConfig, devices } from '@playwright/test';
import { SEEDED_PROFILE } from './e2e/seeded-profile';
import { findBrowser } from './scripts/browser-path.mjs';

const executablePath = findBrowser() ?? undefined;
const PORT = Number(process.env.E2E_PORT ?? 4174);
// The test CouchDB for the sync specs (src/sync/testing/couch-server.ts): next to the app's port, so
// engineers running e2e side by side on their own E2E_PORT do not share one. Specs read
// process.env.COUCH_URL (direct, CORS with credentials) or use the preview's same-origin proxy
// `${baseURL}/couchdb`, which the app's CSP (connect-src 'self') allows. docs/SYNC.md.
const COUCH_PORT = Number(process.env.COUCH_PORT ?? PORT + 1800);
process.env.COUCH_URL = `http://127.0.0.1:${COUCH_PORT}`;
process.env.COUCH_ADMIN_NAME ??= 'admin';
process.env.COUCH_ADMIN_PASSWORD ??= 'claimdesk-admin';

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig<{ seedProfile: string | null }>({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A retry is there to take a trace of a failure. A test that passes only on its retry is flaky: the
  // list names it, and each one is a race in the app or the test to find. STRICT_FLAKES=1 fails the run
  // on it (the three-runs-under-load check uses it); the gate does not, so one rare race found on a
  // loaded machine does not hold back everything else (session 9's gate was lost to a 3 px measurement).
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: process.env.STRICT_FLAKES === '1',
  workers: 2,
  // A bound, not an expected duration: a story takes some 5-15 s on a quiet machine, but at a load
  // of 30 (five engineers and a suite on two cores) simple ones took 35-55 s and passed only on retry.
  timeout: 60_000,
  // Eight engineers share two cores: a state can take seconds to appear. Waits stay bounded.
  // At load 30 a screen's count ("Counting…") stayed over 10 s twice in a whole run.
  expect: { timeout: 20_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
  },
  projects: [
    // The first run, once: its storage is the starting profile of every story but the faults specs.
    { name: 'seed', testMatch: /seeded-profile\.setup\.ts/, use: { ...browser, serviceWorkers: 'block' } },
    {
      name: 'chromium',
      testIgnore: /faults-.*\.spec\.ts/,
      dependencies: ['seed'],
      // No service worker in the stories: in each fresh profile it installed and precached the whole
      // build (62 files, 1.5 MB) while the story ran, some 18% of a story's time (review-corrections:
      // 135 s → 111 s summed, back to back at load 15-25). The stories about it (offline,
      // sync-offline-conflict) and the faults project (faults-csp's offline reload) allow it.
      // `seedProfile`, not `storageState`: Playwright restores a storage state in an extra page of every
      // new context (a fifth of a story); e2e/seeded-profile-restore.ts writes it in the story's own page.
      use: { ...browser, seedProfile: SEEDED_PROFILE, serviceWorkers: 'block' },
    },
    // Fault injection starts from an empty profile, as it always has.
    { name: 'faults', testMatch: /faults-.*\.spec\.ts/, use: browser },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/sync-server.ts --port ${COUCH_PORT}`,
      url: `http://127.0.0.1:${COUCH_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node_modules/.bin/vite build && node_modules/.bin/vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      // The build took 4 min 19 s at load 65 (session 10): a bound, not an expected time (~40 s quiet).
      timeout: 360_000,
    },
  ],
});
