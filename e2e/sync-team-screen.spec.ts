import { expect, seriousViolations, test } from './fixtures';
import { connect, newProfile, newTeam } from './sync-helpers';

// The Team screen at desktop and phone width: accessible (axe) before and after connecting, no
// sideways scrolling on a phone. With SCREENSHOTS=1 it also refreshes docs/screenshots/team*.png.
test.describe.configure({ timeout: 120_000 });

const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of sizes) {
  test(`Team screen at ${size.name} width: axe clean, form errors, connected status`, async ({
    browser,
    baseURL,
  }) => {
    const team = await newTeam({ members: 1 });
    const { context, page } = await newProfile(browser, baseURL);
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await expect(page.getByRole('heading', { name: 'Work with a team' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: submitting the empty form says what is missing and puts the focus on the first field.
    await page.getByLabel('Server address').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Server address')).toBeFocused();
    await expect(page.getByText('Enter the address of your team’s server.')).toBeVisible();
    await page.getByLabel('Server address').fill('http://127.0.0.1:1/elsewhere');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/connects only to its own address/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await connect(page, team, team.members[0]!);
    await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeAttached();
    await expect(page.getByText(/Shared with your team: synced with/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    if (process.env.SCREENSHOTS) {
      const file = size.name === 'desktop' ? 'team' : `team-${size.name}`;
      await page.screenshot({ path: `docs/screenshots/${file}.png`, fullPage: true });
    }
    await context.close();
  });
}
