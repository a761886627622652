import { expect, test } from './fixtures';
import { connect, newProfile, newTeam, openFirstClaim, openTeam } from './sync-helpers';

// Two browser profiles (own IndexedDB, cookies) on one team through the test CouchDB, which
// playwright.config.ts starts; the app reaches it under its own origin (/couchdb).
// Two first syncs and a live change each way: at load 40 the story ran out of 120 s in its first sync.
test.describe.configure({ timeout: 240_000 });

test('two profiles on one team converge: a verdict set in one appears in the other', async ({
  browser,
  baseURL,
}) => {
  const team = await newTeam({ members: 2 });
  const a = await newProfile(browser, baseURL);
  const b = await newProfile(browser, baseURL);
  await connect(a.page, team, team.members[0]!);
  await connect(b.page, team, team.members[1]!);
  await expect(a.page.getByTestId('team-role')).toHaveText('Member');

  // B keeps the claim open while A changes it: the change arrives live, with no reload.
  const panelB = await openFirstClaim(b.page);
  await expect(panelB.getByRole('radio', { name: '1 Unchecked' })).toBeChecked();
  const panelA = await openFirstClaim(a.page);
  await a.page.keyboard.press('2');
  await expect(panelA.getByRole('radio', { name: '2 In progress' })).toBeChecked();

  await expect(panelB.getByRole('radio', { name: '2 In progress' })).toBeChecked({ timeout: 30_000 });
  await expect(panelB.getByText(/Verdict: Unchecked → In progress/)).toBeVisible();

  // And back the other way.
  await panelB
    .getByPlaceholder('Why this verdict, in a sentence or two')
    .fill('Asked the council press office.');
  await panelB.getByPlaceholder('Why this verdict, in a sentence or two').blur();
  await expect(panelA.getByPlaceholder('Why this verdict, in a sentence or two')).toHaveValue(
    'Asked the council press office.',
    { timeout: 30_000 },
  );

  await openTeam(a.page);
  await expect(a.page.getByRole('heading', { name: 'Connected team' })).toBeVisible();
  await a.context.close();
  await b.context.close();
});
