import { compareReference, matrix, placeCard, stanceTarget } from './compare-helpers';
import { expect, seriousViolations, test } from './fixtures';

// A student comparing two speakers on one question, keyboard first, on a phone and a desktop.
test.describe('a student compares two speakers', () => {
  test('keyboard: the focus stays put, the export is named for the speakers, toasts stay small on a phone', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await compareReference(page);
    // choosing the article (the only one: the picker goes) leaves the keyboard in the Articles panel
    await expect(page.getByRole('heading', { name: 'Articles' })).toBeFocused();

    const suggestions = page.getByRole('region', { name: 'Suggested questions' });
    const fields = suggestions.getByLabel('Suggested question');
    for (const wording of await fields.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)))
      expect(wording).toMatch(
        /^What do the speakers say about (the )?[a-z][^,]*?(, [^,]+)*( and [^,]+)?\?$/i,
      );
    const second = await fields.nth(1).inputValue();
    const question = await fields.first().inputValue();
    await suggestions.getByRole('button', { name: 'Accept' }).first().press('Enter');
    const questions = page.getByRole('region', { name: 'Questions', exact: true });
    await expect(questions.getByText(question)).toBeVisible();
    // the keyboard moves on to the suggestion that took its place
    await expect(fields.first()).toHaveValue(second);
    await expect(fields.first()).toBeFocused();

    // two speakers placed with the keyboard: Enter on a claim, Enter (or Tab, Enter) on a stance
    await placeCard(page, 'What has been alleged is untrue').press('Enter');
    await expect(stanceTarget(page, question, 'For')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(placeCard(page, 'What has been alleged is untrue')).toBeFocused();
    await placeCard(page, 'organised gangs are sexually exploiting children').press('Enter');
    // the second Enter goes to the stance once the focus is there (pressed sooner, it lands on the claim again)
    await expect(stanceTarget(page, question, 'For')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(placeCard(page, 'organised gangs are sexually exploiting children')).toBeFocused();

    // one toast at a time on a phone, two lines at most, at the bottom
    const toasts = page.locator('.toast').filter({ visible: true });
    await expect(toasts).toHaveCount(1);
    await expect(toasts).toContainText('Placed as For under');
    const box = (await toasts.boundingBox())!;
    expect(box.height).toBeLessThan(80);
    expect(box.y + box.height).toBeGreaterThan(844 - 40);
    // Esc in it dismisses it, and the keyboard goes back to the claim
    await toasts.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('.toast')).toHaveCount(0);
    await expect(placeCard(page, 'organised gangs are sexually exploiting children')).toBeFocused();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).press('Enter');
    const name = (await download).suggestedFilename();
    expect(name).toMatch(
      /^claimdesk-compare-(alan-billings-vs-conservative-councillors|conservative-councillors-vs-alan-billings)[a-z-]*-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(matrix(page).getByRole('columnheader')).toHaveCount(3);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a stale link to a speaker says so and offers a way back', async ({ page }) => {
    await page.goto('/speakers/sp-not-in-this-library');
    await expect(page.getByRole('heading', { level: 1, name: 'Speaker not found' })).toBeVisible();
    await expect(page.getByText(/old bookmark, or a link from another device or library/)).toBeVisible();
    await expect(page).toHaveTitle(/Speaker not found/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the library' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  });
});
