import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createTeam } from '../couchdb/install.ts';
import { expect, openLibrary, REFERENCE_TITLE } from './fixtures';
import { claimPanel } from './review-helpers';

/** The test CouchDB that playwright.config.ts starts (and the admin it made). */
const couchUrl = () => {
  const url = process.env.COUCH_URL;
  if (!url) throw new Error('COUCH_URL is not set: run the specs through playwright.config.ts');
  return url;
};
const admin = () => ({ name: process.env.COUCH_ADMIN_NAME!, password: process.env.COUCH_ADMIN_PASSWORD! });

export type Person = { name: string; password: string };
export type TestTeam = { db: string; members: Person[]; viewers: Person[] };

/** A team database of its own for one test: `members` writers and `viewers` readers (unique names). */
export async function newTeam(counts: { members?: number; viewers?: number } = {}): Promise<TestTeam> {
  const db = `e2e-${randomUUID().slice(0, 8)}`;
  const people = (kind: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `${kind}${i + 1}-${db}`, password: `${kind}-pw` }));
  const team = { db, members: people('m', counts.members ?? 2), viewers: people('v', counts.viewers ?? 0) };
  await createTeam(couchUrl(), admin(), { db, members: team.members, viewers: team.viewers });
  return team;
}

/** A browser profile of its own (its own IndexedDB, cookies and tabs), on the library. */
export async function newProfile(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await openLibrary(page);
  return { context, page };
}

/** The sync status as the Team screen shows it (data-state of the status panel). */
export const syncState = (page: Page) => page.locator('.sync-status');

/** Connects a profile to the team through the Team screen, via the app's same-origin /couchdb, and waits until it is up to date. */
export async function connect(page: Page, team: TestTeam, person: Person) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  const origin = new URL(page.url()).origin;
  await page.getByLabel('Server address').fill(`${origin}/couchdb`);
  await page.getByLabel('Team database').fill(team.db);
  await page.getByLabel('User name').fill(person.name);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in and connect' }).click();
  await expect(page.getByRole('heading', { name: 'Connected team' })).toBeVisible({ timeout: 20_000 });
  await waitUpToDate(page);
}

/** Waits for "Up to date" with nothing waiting to be sent (first syncs on a loaded machine take a while). */
export async function waitUpToDate(page: Page, timeout = 45_000) {
  await expect(syncState(page)).toHaveAttribute('data-state', 'idle', { timeout });
  await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout });
}

/** Opens the Team screen from anywhere in the app. */
export async function openTeam(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
}

/** Opens the reference article's claim 1; a click on the first highlight, not `j`: a key pressed while the screen is still loading is lost. */
export async function openFirstClaim(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  await page.locator('.article-text .claim-mark').first().click();
  await expect(claimPanel(page).getByRole('heading', { level: 2 })).toHaveText(/^Claim 1 of \d+$/);
  return claimPanel(page);
}
