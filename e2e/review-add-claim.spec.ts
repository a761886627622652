import { expect, test } from './fixtures';
import { claimCount, claimList, claimPanel, openReference, selectArticleText } from './review-helpers';

test.beforeEach(async ({ page }) => openReference(page));

const numbersOf = (page: import('@playwright/test').Page) =>
  claimList(page)
    .locator('li[data-claim-id]')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute('data-claim-id'), li.querySelector('.claim-number')?.textContent]),
      ),
    );

test('a claim added by hand takes the next number; no other claim is renumbered', async ({ page }) => {
  const before = await numbersOf(page);
  const total = await claimCount(page);
  // Early in the article, so reading order would put it before most claims.
  await selectArticleText(page, 'an independent inquiry, led by Professor Alexis Jay in 2014');
  await page.keyboard.press('n');
  await page.getByRole('dialog', { name: 'Add a claim' }).getByRole('button', { name: 'Add claim' }).click();
  await expect(claimList(page).locator('.claim-part-text')).toHaveCount(total + 1);
  const after = await numbersOf(page);
  const added = await claimPanel(page).getAttribute('data-claim-id');
  expect(after[added!]).toBe(`${total + 1}.`);
  for (const [id, n] of Object.entries(before)) expect(after[id]).toBe(n);
  await expect(claimPanel(page).getByRole('heading', { level: 2 })).toHaveText(
    `Claim ${total + 1} of ${total + 1}`,
  );
});

test('a drag from the page header into the text is refused with the reason; no claim is made', async ({
  page,
}) => {
  const before = await claimList(page).locator('li[data-claim-id]').count();
  await page.evaluate(() => {
    const heading = document.querySelector('.article-header h1')!.firstChild!;
    const text = document.querySelector('.article-text')!;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent?.includes('has spoken out')) node = walker.nextNode();
    const range = document.createRange();
    range.setStart(heading, 0);
    range.setEnd(node!, node!.textContent!.indexOf('has spoken out'));
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await page.keyboard.press('n');
  await expect(page.getByRole('status').filter({ hasText: /cannot run over page furniture/ })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Add a claim' })).toHaveCount(0);
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(before);
});

test('after Esc closes a claim, j goes on to the next one, not back to the first', async ({ page }) => {
  const panel = claimPanel(page);
  await page.keyboard.press('j');
  await expect(panel).toBeVisible();
  const first = await panel.getAttribute('data-claim-id');
  await page.keyboard.press('j');
  await expect(panel).not.toHaveAttribute('data-claim-id', first!);
  const second = await panel.getAttribute('data-claim-id');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.keyboard.press('j');
  await expect(panel).toBeVisible();
  const third = await panel.getAttribute('data-claim-id');
  expect([first, second]).not.toContain(third);
});
