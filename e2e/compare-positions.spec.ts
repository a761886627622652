import { readFileSync } from 'node:fs';
import { compareReference, matrix, matrixRow, placeCard, stanceTarget } from './compare-helpers';
import { expect, importStatus, openLibrary, pasteArticle, seriousViolations, test } from './fixtures';

const Q1 = 'Is child sexual exploitation still organised in Rotherham?';
const Q2 = 'Did the police act on the councillors’ report?';

test.describe('compare positions on the reference article', () => {
  test('accept a suggestion, write a question, place all five speakers, see the conflict, reload', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await compareReference(page);
    const suggestions = page.getByRole('region', { name: 'Suggested questions' });
    const first = suggestions.getByRole('listitem').first();
    await expect(first.getByLabel('Suggested question')).toHaveValue(/^What do the speakers say about/);
    const offered = await suggestions.getByRole('listitem').count();
    expect(offered).toBeGreaterThanOrEqual(2);

    // reject one suggestion, accept another with its wording edited
    await suggestions.getByRole('listitem').last().getByRole('button', { name: 'Reject' }).click();
    await expect(suggestions.getByRole('listitem')).toHaveCount(offered - 1);
    await first.getByLabel('Suggested question').fill(Q1);
    await first.getByRole('button', { name: 'Accept' }).click();
    const questions = page.getByRole('region', { name: 'Questions', exact: true });
    await expect(questions.getByText(Q1)).toBeVisible();
    await expect(suggestions.getByRole('listitem')).toHaveCount(offered - 2);

    // write another
    await questions.getByLabel('Write a question').fill(Q2);
    await questions.getByRole('button', { name: 'Add question' }).click();
    await expect(questions.getByText(Q2)).toBeVisible();

    // drag and drop: the councillors are for
    await placeCard(page, 'organised gangs are sexually exploiting children').dragTo(
      stanceTarget(page, Q1, 'For'),
    );
    await expect(matrixRow(page, Q1)).toContainText('organised gangs are sexually exploiting children');

    // keyboard: the commissioner is against (Enter picks up, focus goes to the first stance, Tab to Against)
    await placeCard(page, 'What has been alleged is untrue').focus();
    await page.keyboard.press('Enter');
    await expect(stanceTarget(page, Q1, 'For')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(stanceTarget(page, Q1, 'Against')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(placeCard(page, 'What has been alleged is untrue')).toBeFocused();

    // pick up by click, place by click: the MP, the minister, the inquiry
    await placeCard(page, 'multiple current examples').click();
    await stanceTarget(page, Q1, 'For').click();
    await placeCard(page, 'continue to drive improvement').click();
    await stanceTarget(page, Q1, 'Mixed').click();
    await placeCard(page, 'address “blatant” failures').dragTo(stanceTarget(page, Q1, 'Neutral'));
    await placeCard(page, 'spoke to the district commander').dragTo(stanceTarget(page, Q2, 'For'));

    const table = matrix(page);
    await expect(table.getByRole('columnheader')).toHaveCount(6);
    for (const name of [
      'Alan Billings',
      'Conservative councillors',
      'Alexander Stafford',
      'James Cartlidge',
      'independent inquiry',
    ])
      await expect(table.getByRole('columnheader', { name: new RegExp(name) })).toBeVisible();
    const row1 = matrixRow(page, Q1);
    await expect(row1.getByText('Conflict', { exact: true })).toBeVisible();
    await expect(row1.getByRole('cell')).toHaveCount(5);
    await expect(row1.getByRole('cell').filter({ hasText: 'said nothing on this' })).toHaveCount(0);
    await expect(row1).toContainText('Against“What has been alleged is untrue');
    await expect(row1).toContainText(/Unchecked · 0 sources/);
    const row2 = matrixRow(page, Q2);
    await expect(row2.getByText('Conflict', { exact: true })).toHaveCount(0);
    await expect(row2.getByRole('cell').filter({ hasText: 'said nothing on this' })).toHaveCount(4);
    await expect(table).toHaveAccessibleName(/2 questions; 1 with a conflict/);

    // undo the last placement with Ctrl+Z, then put it back
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('Control+z');
    await expect(row2.getByRole('cell').filter({ hasText: 'said nothing on this' })).toHaveCount(5);
    await page.keyboard.press('Control+Shift+z');
    await expect(row2.getByRole('cell').filter({ hasText: 'said nothing on this' })).toHaveCount(4);

    // arrow keys move between cells
    await row1.getByRole('rowheader').focus();
    await page.keyboard.press('ArrowRight');
    await expect(row1.getByRole('cell').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(row2.getByRole('cell').first()).toBeFocused();

    // hide a column: kept in the URL, so a reload (or a bookmark) shows the same view
    await page.getByText(/^Columns \(5 of 5 shown\)/).click();
    // the box follows the URL, which the router updates a moment after the click: wait for it
    // (uncheck() checks the state at once and fails when the machine is slow)
    const stafford = page.getByRole('checkbox', { name: 'Alexander Stafford' });
    await stafford.click();
    await expect(stafford).not.toBeChecked();
    await page.getByRole('button', { name: 'Move James Cartlidge left' }).click();
    await expect(table.getByRole('columnheader')).toHaveCount(5);
    await expect(page).toHaveURL(/[?&]hide=/);
    await page.reload();
    await expect(matrixRow(page, Q1).getByText('Conflict', { exact: true })).toBeVisible();
    await expect(matrix(page).getByRole('columnheader')).toHaveCount(5);
    await expect(matrix(page).getByRole('columnheader').nth(1)).toHaveText('Alan Billings');
    await expect(matrixRow(page, Q1)).toContainText('organised gangs are sexually exploiting children');

    // no axe violations at desktop, nor at phone width (one question at a time, speakers stacked)
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = page.getByRole('region', { name: Q1 });
    await expect(phone).toBeVisible();
    await expect(page.getByText('Question 1 of 2')).toBeVisible();
    await expect(phone.getByRole('heading', { level: 4 })).toHaveCount(4);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByRole('region', { name: Q2 })).toBeVisible();
    await expect(page).toHaveURL(/[?&]q=/);
    expect(await seriousViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  test('Billings’ profile across two articles, with his verdict chart', async ({ page }) => {
    test.setTimeout(90_000);
    await openLibrary(page);
    const text = readFileSync(new URL('./data/billings-funding.txt', import.meta.url), 'utf8');
    await pasteArticle(page, text);
    await expect(importStatus(page)).toContainText('Imported Commissioner promises specialist officers');

    await compareReference(page);
    const questions = page.getByRole('region', { name: 'Questions', exact: true });
    await questions.getByLabel('Write a question').fill(Q1);
    await questions.getByRole('button', { name: 'Add question' }).click();
    await expect(questions.getByText(Q1)).toBeVisible();
    await placeCard(page, 'What has been alleged is untrue').click();
    await stanceTarget(page, Q1, 'Against').click();
    await matrix(page).getByRole('link', { name: 'Alan Billings' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Alan Billings' })).toBeVisible();
    await expect(page.getByText(/claims in 2 articles/)).toBeVisible();
    const chart = page.getByRole('table', { name: /^Claims by verdict/ });
    await expect(chart.getByRole('rowheader', { name: 'Unchecked' })).toBeVisible();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(2);
    await expect(timeline).toContainText('Commissioner promises specialist officers');
    const byQuestion = page.getByRole('region', { name: 'By question' });
    await expect(byQuestion.getByRole('heading', { name: Q1 })).toBeVisible();
    await expect(byQuestion).toContainText('AgainstWhat has been alleged is untrue');
    await expect(page.getByRole('region', { name: 'By article and date' })).toContainText(
      'The extra £2m will pay for 20 specialist officers',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(chart).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
