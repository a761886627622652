import type { Page } from '@playwright/test';
import {
  expect,
  importStatus,
  MILLBROOK,
  openLibrary,
  pasteArticle,
  REFERENCE_TITLE,
  test,
} from './fixtures';
import { claimList, claimPanel } from './review-helpers';

type Violation = { directive: string; blocked: string; source: string };

/** Records every CSP violation the page (or its workers) reports, from the first script on. */
async function watchCsp(page: Page) {
  const console: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (load|execute|apply|evaluate|create|connect|frame)/i.test(text)) {
      console.push(text);
    }
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __csp: Violation[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile });
    });
  });
  return {
    console,
    events: () => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp),
  };
}

test('the built app is served with a strict CSP, and no screen breaks it', async ({ page }) => {
  test.setTimeout(120_000);
  const csp = await watchCsp(page);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header.startsWith(meta ?? '∅')).toBe(true);

  // Library, with the first-run import (the worker) and a paste import
  await openLibrary(page);
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
  // the service worker registers and takes control
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 15_000,
  });

  // Article, with a claim open
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  await claimList(page).locator('li[data-claim-id]').first().getByRole('button').first().click();
  await expect(claimPanel(page)).toBeVisible();

  // Claims table, with a search (the search index)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Claims/ })).toBeVisible();
  await page.getByRole('searchbox').first().fill('officers');
  await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible();

  // Shortcut help, an unknown article and an unknown route
  await page.keyboard.press('Escape');
  await page.locator('body').press('?');
  await page.keyboard.press('Escape');
  await page.goto('/articles/no-such-article');
  await expect(page.getByText('Article not found')).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByText('Page not found')).toBeVisible();

  // Offline reload through the service worker's cache keeps the same policy
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByText('Page not found')).toBeVisible();
  await page.context().setOffline(false);

  expect(await csp.events()).toEqual([]);
  expect(csp.console).toEqual([]);
});

test('a script the policy does not allow is refused and reported (the check can fail)', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    return (window as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await csp.events()).map((v) => v.directive)).toContain('script-src-elem');
});
