import { expect, test } from './fixtures';
import { claimList, claimPanel, openDock } from './review-helpers';

const linds = (page: import('@playwright/test').Page) =>
  claimList(page).locator('li[data-claim-id]').filter({ hasText: 'The new dock will open in May' });

test('a quotation split around its cue is one item with numbered parts, one verdict, and says why', async ({
  page,
}) => {
  test.setTimeout(90_000); // import, two verdicts and a source on a machine shared by six engineers
  await openDock(page);
  const item = linds(page);
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-parts', '2');
  // Both runs in one item, the cue and the name between them left out.
  await expect(item.locator('.claim-item-text')).toContainText('After that we start on the breakwater');
  await expect(item.locator('.claim-item-text')).not.toContainText('said harbour engineer');
  const parts = item.getByRole('group', { name: /2 parts$/ });

  // A part opens in the panel, which names the part and says why the speaker is Tova Lind.
  await parts.getByRole('button', { name: 'Part 2 of 2' }).click();
  const panel = claimPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('navigation', { name: 'Parts of this quotation' })).toContainText(
    'Part 2 of 2 of one quotation',
  );
  await expect(panel.locator('.claim-why')).toContainText(
    /Why this speaker: Direct quote · speaker 'harbour engineer Tova Lind' from .* \(rule quote-same-sentence, confidence \d+ %\)\./,
  );
  await expect(parts.getByRole('button', { name: 'Part 2 of 2' })).toHaveAttribute('aria-pressed', 'true');
  // In the text, the two runs light up together.
  const marks = page.locator('.article-text .claim-mark[aria-pressed="true"]');
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0)).toContainText('The new dock will open in May');
  await expect(marks.nth(1)).toContainText('After that we start');

  // The panel moves between parts; the first part's why line names the cue after the quote.
  await panel.getByRole('button', { name: 'Part 1 of 2' }).click();
  await expect(panel.locator('.claim-why')).toContainText("cue 'said'");
  await expect(panel.locator('.claim-why')).toContainText('rule quote-cue-after');

  // A verdict chosen on the item applies to both parts.
  await item.getByLabel('Verdict (all parts)').selectOption('in progress');
  await expect(page.getByTestId('announcer')).toContainText(
    'Verdict set to In progress on all 2 parts of the quotation.',
  );
  await expect(panel.locator('.verdict-badge')).toHaveText('In progress');
  await panel.getByRole('button', { name: 'Part 2 of 2' }).click();
  await expect(panel.getByRole('navigation', { name: 'Parts of this quotation' })).toContainText(
    'Part 2 of 2',
  );
  await expect(panel.locator('.verdict-badge')).toHaveText('In progress');

  // A source on part 2 counts for the quotation: rating it from the list asks nothing more.
  await panel.getByRole('button', { name: /Add a source/ }).click();
  await panel.getByLabel('Address (URL)').fill('https://example.org/kelsey-harbour-board-minutes');
  await panel.getByLabel('Title').fill('Kelsey harbour board minutes');
  await panel.getByLabel('Title').press('Enter');
  await expect(panel.getByRole('heading', { name: 'Sources (1)' })).toBeVisible();
  await item.getByLabel('Verdict (all parts)').selectOption('true');
  await expect(page.getByTestId('announcer')).toContainText('Verdict set to True on all 2 parts');
  await expect(page.getByText('without a source?')).toHaveCount(0);
  await expect(item.getByText('No source')).toHaveCount(0);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/desktop.png`, fullPage: true });
});

test('j and k move by quotation, from whichever part is open', async ({ page }) => {
  test.setTimeout(90_000); // an import and six moves on a machine shared by six engineers
  await openDock(page);
  const panel = claimPanel(page);
  const heading = panel.getByRole('heading', { level: 2 });
  const open = () => panel.locator('.claim-context mark');

  await linds(page).getByRole('button', { name: 'Part 2 of 2' }).click();
  await expect(open()).toContainText('After that we start');
  await page.locator('.claim-why').click(); // leave the list button: keys go to the page
  await page.keyboard.press('j');
  await expect(open()).toHaveText('the works had cost more than the board first promised');
  await page.keyboard.press('j');
  await expect(open()).toContainText('We were told four million pounds');
  await page.keyboard.press('k');
  await expect(open()).toHaveText('the works had cost more than the board first promised');
  // Back into Tova Lind's quotation at its first part, not its second.
  await page.keyboard.press('k');
  await expect(open()).toContainText('The new dock will open in May');
  await expect(heading).toHaveText(/^Claim \d+ of 7$/); // the headline (“…, engineer says”) is Tova Lind’s too
  await expect(panel.getByRole('navigation', { name: 'Parts of this quotation' })).toContainText(
    'Part 1 of 2',
  );
});

test('at phone width the parts and the why line fit, with nothing scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDock(page);
  const item = linds(page);
  if (process.env.SCREENSHOTS) {
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/phone-list.png` });
  }
  await item.getByRole('button', { name: 'Part 2 of 2' }).click();
  const panel = claimPanel(page);
  await expect(panel.locator('.claim-why')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await item.getByRole('button', { name: 'Part 1 of 2' }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/phone-panel.png` });
  }
});
