import { expect, openLibrary, REFERENCE_TITLE, seriousViolations, test } from './fixtures';
import { claimList, claimPanel, openDock, openReference, selectClaim } from './review-helpers';
import { KELSEY_PROFILE } from './seeded-profile';

// axe over a whole screen takes a while on two shared cores: the scans live here, not in the stories.
// A bound, not a duration: a story of three scans took 60 s at a load of 26.
test.describe.configure({ timeout: 150_000 });

// Stories that pass through the same screens share one page: a browser context, its seeded profile
// and the app's start cost a story more than a scan does. Each step is still its own check.

test('the Library screen, then the Article screen with a claim selected, have no serious or critical accessibility violations', async ({
  page,
}) => {
  await test.step('the Library screen', async () => {
    await openLibrary(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
  await test.step('the Article screen, a claim selected', async () => {
    await page.getByRole('link', { name: REFERENCE_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
    const marks = page.locator('.claim-mark');
    if (await marks.count()) await marks.first().click(); // audit the selected state too
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('at phone width: the Article screen is readable with the claim list under the text, and the claim panel is an accessible sheet', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await test.step('the Article screen, the claim list under the text', async () => {
    await openLibrary(page);
    await page.getByRole('link', { name: REFERENCE_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
    const text = await page.getByRole('region', { name: 'Article text' }).boundingBox();
    const list = await page.getByRole('complementary', { name: 'Claims' }).boundingBox();
    expect(text && list && list.y >= text.y + text.height).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  });
  await test.step('the claim panel as a phone sheet', async () => {
    await page.keyboard.press('j');
    const panel = claimPanel(page);
    await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
    const box = await panel.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(389);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });
});

test('the no-source confirmation and the shortcut list are accessible dialogs, and the claim panel with its source form open has no serious or critical violations', async ({
  page,
}) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const panel = claimPanel(page);
  await test.step('the no-source confirmation and the shortcut list', async () => {
    await panel.getByRole('heading', { level: 2 }).focus();
    await page.keyboard.press('3');
    await expect(page.getByRole('dialog', { name: 'Set “True” without a source?' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: /without a source/ })).toBeHidden();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  });
  await test.step('the claim panel with the source form and the reassign list open', async () => {
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: /Add a source/ }).click();
    await panel.getByRole('combobox', { name: 'Reassign to' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('a quotation in two parts, one part open, has no serious or critical violations', async ({ page }) => {
  await openDock(page);
  const item = claimList(page)
    .locator('li[data-claim-id]')
    .filter({ hasText: 'The new dock will open in May' });
  await item.getByRole('button', { name: 'Part 2 of 2' }).click();
  await expect(claimPanel(page).getByRole('navigation', { name: 'Parts of this quotation' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('on the Kelsey profile', () => {
  test.use({ seedProfile: KELSEY_PROFILE });
  test('the Claims screen with rows selected and the bulk bar shown has no serious or critical violations', async ({
    page,
  }) => {
    await page.goto('/claims');
    const grid = page.getByRole('grid');
    await grid.locator('[aria-rowindex="2"]').getByRole('checkbox').click();
    await grid.locator('[aria-rowindex="3"]').getByRole('checkbox').click();
    await expect(page.getByText(/2 claims\s*selected/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('without the app', () => {
  // nothing of the seeded profile is read: no page to restore it in
  test.use({ seedProfile: null });
  test('the scan can fail: a button with no name and an image with no text are reported', async ({
    page,
  }) => {
    await page.setContent('<main><h1>Probe</h1><button></button><img src="data:,"></main>');
    const ids = (await seriousViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  });
});
