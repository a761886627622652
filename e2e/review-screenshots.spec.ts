import { expect, test } from './fixtures';
import { claimPanel, openReference } from './review-helpers';

// The claim panel at desktop and phone widths: SCREENSHOTS=1 npx playwright test review-screenshots
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots/claim-panel*.png');

const sizes = [
  { file: 'claim-panel', width: 1280, height: 800 },
  { file: 'claim-panel-phone', width: 390, height: 844 },
] as const;

for (const size of sizes) {
  test(`claim panel at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openReference(page);
    await page
      .locator('.claim-mark', { hasText: 'there are currently some 35 active cases' })
      .first()
      .click();
    const panel = claimPanel(page);
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: /Add a source/ }).click();
    await panel.getByLabel('Address (URL)').fill('https://www.southyorkshire-pcc.gov.uk/');
    await panel.getByLabel('Title').fill('South Yorkshire PCC: CSE investigations');
    await panel.getByLabel('Publisher').fill('South Yorkshire PCC');
    await panel.getByLabel('Quoted passage').fill('There are currently 35 active investigations.');
    await panel.getByRole('button', { name: 'Attach source' }).click();
    await expect(panel.getByRole('heading', { name: 'Sources (1)' })).toBeVisible();
    await panel.getByRole('radio', { name: 'Mostly true' }).click();
    await expect(panel.getByRole('radio', { name: 'Mostly true' })).toBeChecked();
    await panel.getByRole('combobox', { name: 'Add a tag' }).fill('policing');
    await page.keyboard.press('Enter');
    await panel.getByRole('combobox', { name: 'Add a tag' }).fill('statistics');
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('list', { name: 'Tags on this claim' }).getByRole('listitem')).toHaveCount(
      2,
    );
    await page.waitForTimeout(4500); // toasts fade
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.querySelector('.claim-panel')?.scrollTo(0, 0);
      if (window.innerWidth > 820)
        document.querySelector('.claim-mark[data-selected]')?.scrollIntoView({ block: 'center' });
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${size.file}.png` });
  });
}
