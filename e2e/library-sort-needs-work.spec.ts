import { bodyRows, claimCount, confirmWithoutSource, KELSEY, openKelsey } from './claims-table-fixtures';
import { expect, REFERENCE_TITLE, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ seedProfile: KELSEY_PROFILE });

test('the library sorts by what still needs work, flagged first, and keeps the order in the URL', async ({
  page,
}) => {
  await openKelsey(page);
  const titles = page.locator('.articles .article-link');
  await page.getByLabel('Sort').selectOption('needs-work');
  await expect(page).toHaveURL(/\?sort=needs-work/);
  // Nothing flagged yet: the article with more unchecked claims comes first.
  await expect(titles.first()).toHaveText(KELSEY.title);
  await expect(
    page.getByRole('progressbar', { name: `Claims checked in “${KELSEY.title}”` }),
  ).toHaveAttribute('aria-valuetext', `0 of ${KELSEY.claims}`);

  // Rate one reference claim with no source (a flag): the reference article moves to the top.
  const referenceProgress = page.getByRole('progressbar', {
    name: new RegExp(`Claims checked in “${REFERENCE_TITLE.source}`),
  });
  const referenceClaims = (await referenceProgress.getAttribute('aria-valuetext'))!.split(' of ')[1];
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  const reference = await page
    .getByLabel('Article', { exact: true })
    .locator('option', { hasText: REFERENCE_TITLE })
    .getAttribute('value');
  await page.getByLabel('Article', { exact: true }).selectOption(reference!);
  // the filtered count, not the whole library's still on screen while the filter's reads are out:
  // a `j` then would pick a row of the old list, which the filtered one replaces
  await expect(claimCount(page)).toHaveText(`${referenceClaims} claims`);
  // the count and the rows are two reads: j moves among rows, so wait for them
  await expect(bodyRows(page).first()).toBeVisible();
  // the Article menu keeps the focus after the choice, and a menu takes typed letters as its own:
  // leave it as a person would, with a click on the page, before the table's keys
  await page.getByRole('heading', { name: 'Claims', level: 1 }).click();
  await expect(page.getByLabel('Article', { exact: true })).not.toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('7');
  await confirmWithoutSource(page, 'False');
  await expect(page.locator('.toaster')).toContainText('Set 1 claim to False.');

  await page.goto('/?sort=needs-work');
  await expect(titles.first()).toHaveText(REFERENCE_TITLE);
  await expect(page.getByText('1 rated without a source')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Sort')).toHaveValue('needs-work');
  await expect(titles.first()).toHaveText(REFERENCE_TITLE);
});
