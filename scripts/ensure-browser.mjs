// Makes sure a Chromium is there for the end-to-end tests, installing Debian's package when it can.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, SYSTEM_CHROMIUM } from './browser-path.mjs';

const found = findBrowser();
if (found !== null) {
  console.log(`e2e browser: ${found ?? "Playwright's own Chromium"}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('e2e browser: none found; installing Debian chromium (about a minute)…');
  const run = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const ok = run(['update', '-qq']).status === 0 && run(['install', '-y', '-qq', 'chromium']).status === 0;
  if (ok && existsSync(SYSTEM_CHROMIUM)) process.exit(0);
}

console.error(
  [
    'No Chromium for the end-to-end tests.',
    'Install one of these, then run npm test again:',
    '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
    '  any platform:   npx playwright install chromium',
    '  or point CHROMIUM_PATH at an existing Chromium or Chrome executable.',
  ].join('\n'),
);
process.exit(1);
