import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';

// Pictures of the screens for the README and for reviewing layout: SCREENSHOTS=1 npx playwright test screenshots
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots/');

const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of sizes) {
  test(`screens at ${size.name} width`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openLibrary(page);
    await page.screenshot({ path: `docs/screenshots/library-${size.name}.png` });
    await page.getByRole('link', { name: REFERENCE_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
    const mark = page.locator('.claim-mark[data-claim-id]').nth(1);
    if (await mark.count()) await mark.click();
    await page.waitForTimeout(800); // let the smooth scroll to the selected claim finish
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    const file = size.name === 'desktop' ? 'article' : `article-${size.name}`;
    await page.screenshot({ path: `docs/screenshots/${file}.png` });
  });
}
