import { expect, openLibrary, seriousViolations, test } from './fixtures';

// The Library draws only the rows in view. A keyboard user must still reach every article in order,
// a screen reader must hear each row's place in the whole list, and a focused row must not vanish
// (taking the focus with it) when the page scrolls it out of view.
const COUNT = 40;
const article = (i: number) =>
  `Ferry ${i} timetable changes\n\nThe harbour master, Lee Moss, said: "Ferry ${i} will run every ${(i % 5) + 2} hours."`;

test('every row of a long Library is reached with the keyboard, keeps its focus out of view, and says its place', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openLibrary(page);
  const corpus = Array.from({ length: COUNT }, (_, i) =>
    JSON.stringify({ id: `f${i}`, title: `Ferry ${i}`, text: article(i) }),
  ).join('\n');
  await page.getByLabel('Files (.txt, .md, .html) or JSONL corpora').setInputFiles({
    name: 'ferries.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(corpus),
  });
  await page.getByRole('button', { name: 'Import all' }).click();
  await expect(page.locator('.bulk-status')).toContainText(`finished: ${COUNT} imported`, {
    timeout: 120_000,
  });
  const total = COUNT + 1; // and the first-run article
  await expect(page.getByRole('heading', { name: `Articles (${total})` })).toBeVisible();
  const rows = page.locator('.articles > li');
  // fewer rows in the page than in the library: the list is virtualised
  await expect.poll(() => rows.count()).toBeLessThan(total);

  // Tab from the first row's link: link, Delete, next row's link … down to the oldest article.
  const first = page.locator('.articles > li[aria-posinset="1"]').getByRole('link');
  await first.focus();
  const seen: number[] = [];
  for (let step = 0; step < total * 2 && seen.at(-1) !== total; step++) {
    const place = await page.evaluate(() => {
      const li = document.activeElement?.closest('.articles > li');
      return li
        ? { at: Number(li.getAttribute('aria-posinset')), of: Number(li.getAttribute('aria-setsize')) }
        : null;
    });
    expect(place, `focus left the list at step ${step}`).not.toBeNull();
    expect(place!.of).toBe(total);
    if (seen.at(-1) !== place!.at) seen.push(place!.at);
    await page.keyboard.press('Tab');
  }
  expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  await expect(page.locator(':focus')).toHaveAccessibleName(/Police chief says|Delete “Police chief/);

  // A focused row scrolled far out of view stays in the page, focused.
  await page.evaluate(() => window.scrollTo(0, 0));
  const newest = page.locator('.articles > li[aria-posinset="1"]');
  const title = (await newest.getByRole('link').textContent())!;
  await newest.getByRole('link').focus();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByRole('link', { name: REFERENCE_LINK })).toBeVisible();
  await expect(page.getByRole('link', { name: title, exact: true })).toBeFocused();
  await expect(newest).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Delete “${title}”` })).toBeFocused();

  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rows.first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
});

const REFERENCE_LINK = /Police chief says people concerned about Rotherham child abuse/;
