import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { seedContext } from './seeded-profile-restore';

export { expect };

export const REFERENCE_TITLE = /Police chief says people concerned about Rotherham child abuse/;

const read = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');

/** A short article written for these tests: three named speakers, direct and reported speech. */
export const MILLBROOK = {
  text: read('millbrook-bridge.txt'),
  title: 'Council approves £4.2m repair of Millbrook footbridge',
};

/**
 * Opens the library and waits for the first-run reference article, so every test starts the same way.
 * The first run extracts the whole reference article: on a loaded two-core machine that alone can
 * take several seconds, so its wait is longer than the default.
 */
export async function openLibrary(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible({ timeout: 20_000 });
}

/**
 * Opens a library longer than the page: its rows are drawn only in view, so the first-run article,
 * the oldest, is not in the page. Waits for the list to be read and its first row shown instead.
 */
export async function openLongLibrary(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const list = page.locator('.article-list');
  await expect(list).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  await expect(list.locator('.articles > li').first()).toBeVisible();
}

/** Pastes text into the import form and submits it. */
export async function pasteArticle(page: Page, text: string, title?: string) {
  await page.getByLabel('Article text (or HTML)').fill(text);
  if (title) await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

/** The import feedback (busy, imported, already there, refused). */
export const importStatus = (page: Page) => {
  const panel = page.getByRole('region', { name: 'Import an article' });
  return panel.getByRole('status').or(panel.getByRole('alert'));
};

/** Waits until the service worker controls the page, after which the app shell is cached. */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 15_000,
  });
}

/** The verdicts of the claims stored in IndexedDB now (not what a screen shows ahead of a write). */
export function storedVerdicts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('claims').objectStore('claims').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { verdict: string }[]).map((c) => c.verdict));
          };
        };
      }),
  );
}

type Fixtures = {
  /** The Millbrook article, imported through the paste form on the library page. */
  seededArticle: { title: string };
};

/**
 * axe's serious and critical violations on the page as it is now, with a few offending nodes each.
 * Every rule runs as before; two settings only spare work no caller reads: `axe.run` in the page
 * itself (the app has no frames, so the frame-by-frame mode, which finishes in a second page the
 * size of all results, buys nothing), and details (a selector per node) for violations only, not
 * for the thousands of nodes that pass.
 */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
}

type SeedOptions = {
  /**
   * A storage-state file whose IndexedDB the story starts with, written in the story's own page before
   * the app opens its database (e2e/seeded-profile-restore.ts). `null`: an empty profile.
   */
  seedProfile: string | null;
};

export const test = base.extend<Fixtures & SeedOptions>({
  seedProfile: [null, { option: true }],
  context: async ({ context, seedProfile }, use) => {
    const check = seedProfile ? await seedContext(context, seedProfile) : () => {};
    await use(context);
    check();
  },
  seededArticle: async ({ page }, use) => {
    await openLibrary(page);
    await pasteArticle(page, MILLBROOK.text);
    await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
    await use({ title: MILLBROOK.title });
  },
});
