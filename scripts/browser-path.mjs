// Which Chromium the end-to-end tests drive: Playwright's own when installed, else Debian's.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The executable to launch, or null when none is installed. Undefined means "Playwright's own". */
export function findBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright knows no browser build for this platform.
  }
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null;
}
