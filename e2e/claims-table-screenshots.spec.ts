import { claimCount, confirmWithoutSource, grid } from './claims-table-fixtures';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ seedProfile: KELSEY_PROFILE });

// SCREENSHOTS=1 E2E_PORT=4176 npx playwright test e2e/claims-table-screenshots.spec.ts
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots/claims-table*.png');

const sizes = [
  { file: 'claims-table', width: 1280, height: 800 },
  { file: 'claims-table-phone', width: 390, height: 844 },
] as const;

for (const size of sizes) {
  test(`the Claims screen at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/claims');
    await expect(claimCount(page)).not.toHaveText('Counting…');
    // Some review state: a few verdicts (one flagged), a tag, a selection, the focus on a row.
    const row = (n: number) => grid(page).locator(`[aria-rowindex="${n + 1}"]`);
    await expect(row(1)).toBeVisible(); // the rows are a read of their own, after the count
    // Select answers 2–4 by keyboard (j moves, x selects).
    await page.locator('body').press('j');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('j');
      await page.keyboard.press('x');
    }
    await expect(claimCount(page)).toContainText('3 selected');
    await page.locator('body').press('7');
    await confirmWithoutSource(page, 'False');
    await expect(page.locator('.toaster')).toContainText('Set 3 claims to False.');
    await page.getByRole('region', { name: 'Bulk actions' }).getByLabel('Tag to add').fill('rotherham');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.keyboard.press('Escape');
    await row(1).getByRole('checkbox').click();
    await row(2).getByRole('checkbox').click();
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    const dismiss = page.locator('.toast-dismiss');
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${size.file}.png` });
  });
}
