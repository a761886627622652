import { expect, test } from './fixtures';
import { connect, newProfile, newTeam, openFirstClaim } from './sync-helpers';

test.describe.configure({ timeout: 120_000 });

test('a viewer reads the team library, and every write action is off with the reason', async ({
  browser,
  baseURL,
}) => {
  const team = await newTeam({ members: 1, viewers: 1 });
  const writer = await newProfile(browser, baseURL);
  await connect(writer.page, team, team.members[0]!);
  const panelW = await openFirstClaim(writer.page);
  await writer.page.keyboard.press('2');
  await expect(panelW.getByRole('radio', { name: '2 In progress' })).toBeChecked();

  const viewer = await newProfile(browser, baseURL);
  await connect(viewer.page, team, team.viewers[0]!);
  await expect(viewer.page.getByTestId('team-role')).toHaveText('Viewer');
  await expect(viewer.page.getByText(/You can read the team’s library but not change it/)).toBeVisible();

  const panel = await openFirstClaim(viewer.page);
  // It reads what the team wrote…
  await expect(panel.getByRole('radio', { name: '2 In progress' })).toBeChecked({ timeout: 30_000 });
  await expect(panel.getByText(/You are a viewer on this team/)).toBeVisible();
  // …and cannot change it: controls off, the verdict keys say why instead.
  await expect(panel.getByRole('radio', { name: '3 True' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: /Add a source/ })).toBeDisabled();
  await expect(panel.getByLabel('Rating explanation')).toBeDisabled();
  await viewer.page.keyboard.press('3');
  await expect(viewer.page.getByText(/You are a viewer on this team/).last()).toBeVisible();
  await expect(panel.getByRole('radio', { name: '2 In progress' })).toBeChecked();

  await viewer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const importPanel = viewer.page.getByRole('region', { name: 'Import an article' });
  await expect(importPanel.getByLabel('Article text (or HTML)')).toBeDisabled();
  await expect(importPanel.getByText(/You are a viewer on this team/)).toBeVisible();

  await writer.context.close();
  await viewer.context.close();
});
