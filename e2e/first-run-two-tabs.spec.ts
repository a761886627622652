import { expect, REFERENCE_TITLE, test } from './fixtures';

// The first run itself: these stories start from a profile with nothing stored.
test.use({ seedProfile: null });

test('two tabs opened at once on a fresh profile add the reference article once, without an error', async ({
  context,
}) => {
  const [first, second] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([first.goto('/'), second.goto('/')]);
  for (const page of [first, second]) {
    await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible({ timeout: 30_000 });
  }
  for (const page of [first, second]) {
    await page.reload();
    await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toHaveCount(1);
    await expect(page.getByText(/Could not add the example article/)).toHaveCount(0);
  }
});
