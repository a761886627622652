import { expect, seriousViolations, test } from './fixtures';

// Chunks aborted by the page's routes: the service worker must not serve them from its cache instead.
test.use({ serviceWorkers: 'block' });
test.describe.configure({ timeout: 90_000 });

const databases = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('a screen whose code does not load says so with a Reload, and the other screens still work', async ({
  page,
}) => {
  await page.route(/\/assets\/claims-route-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/claims');
  const alert = page.getByRole('alert').filter({ hasText: 'this screen cannot be shown' });
  await expect(alert).toContainText('Part of Claimdesk did not load');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  // the header and the footer stay; the Library opens from the menu
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the database's write layer not loading: the banner asks for a reload, and no database is created", async ({
  page,
}) => {
  await page.route(/\/assets\/write-layer-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'Part of Claimdesk did not load' });
  await expect(banner).toContainText('reload the page. Nothing saved was touched.');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  expect(await databases(page)).not.toContain('claimdesk');

  // the connection is back: a reload opens the library
  await page.unroute(/\/assets\/write-layer-[^/]*\.js$/);
  await page.reload();
  await expect(page.getByRole('link', { name: /Police chief says/ })).toBeVisible({ timeout: 30_000 });
  await expect(banner).toHaveCount(0);
});
