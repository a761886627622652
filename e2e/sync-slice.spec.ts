import { basicAuth } from '../couchdb/install.ts';
import { expect, seriousViolations, test } from './fixtures';
import { newProfile, newTeam, openTeam, syncState, waitUpToDate } from './sync-helpers';

// A slice of a team library (issue 13): a person connects without receiving any article, finds
// articles on the team server by a tag their claims carry or a date range, chooses some by keyboard,
// and this browser then holds only those. At phone width, axe clean.
test.describe.configure({ timeout: 180_000 });

const T = 1_800_000_000_000;
const ARTICLES = [
  { n: 1, title: 'Budget cuts hit the county council', published: '2026-02-10', tag: 'budget' },
  { n: 2, title: 'Hospital waiting lists grow again', published: '2026-03-15', tag: 'health' },
  { n: 3, title: 'Rail fares rise for the third year', published: '2026-05-02', tag: 'transport' },
] as const;

/** The team's library written straight to its database (as another member's pushes would have). */
async function seedTeam(db: string) {
  const docs: Record<string, unknown>[] = [
    {
      _id: 'speakers:spk-e2e-1',
      id: 'spk-e2e-1',
      name: 'Alex Morgan',
      key: 'alex morgan',
      type: 'person',
      role: null,
      aliases: [],
      updatedAt: T,
      deletedAt: null,
    },
  ];
  for (const a of ARTICLES) {
    const quote = `Spending on ${a.tag} fell by ${a.n * 10} per cent`;
    const text = `${a.title}.\n\nAlex Morgan said: "${quote}."`;
    const id = `art-${String(a.n).padStart(32, '0')}`;
    docs.push({
      _id: `articles:${id}`,
      id,
      title: a.title,
      text,
      outlet: null,
      url: null,
      publishedAt: a.published,
      importedAt: T + a.n,
      extractorVersion: 'e2e',
      sha256: String(a.n).padStart(64, '0'),
      boilerplate: [],
      updatedAt: T,
      deletedAt: null,
    });
    const start = text.indexOf(quote);
    const claimId = `${id}.${String(start).padStart(6, '0')}-${String(start + quote.length).padStart(6, '0')}`;
    docs.push({
      _id: `claims:${claimId}`,
      id: claimId,
      articleId: id,
      speakerId: 'spk-e2e-1',
      text: quote,
      start,
      end: start + quote.length,
      quote: { exact: quote, prefix: '', suffix: '' },
      kind: 'direct',
      cue: 'said',
      speakerMention: null,
      confidence: 0.9,
      checkworthy: { score: 0.5, signals: [] },
      verdict: 'unchecked',
      ratingNote: '',
      tags: [a.tag],
      notes: '',
      origin: 'extracted',
      createdAt: T,
      updatedAt: T,
      deletedAt: null,
    });
  }
  const admin = { name: process.env.COUCH_ADMIN_NAME!, password: process.env.COUCH_ADMIN_PASSWORD! };
  const res = await fetch(`${process.env.COUCH_URL}/${db}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basicAuth(admin) },
    body: JSON.stringify({ docs }),
  });
  const answer = (await res.json()) as { error?: string }[];
  expect(answer.filter((r) => r.error)).toEqual([]);
}

test('a slice: only the articles found by tag, or chosen by keyboard, arrive; phone width, axe clean', async ({
  browser,
  baseURL,
}) => {
  const team = await newTeam({ members: 1 });
  await seedTeam(team.db);
  const person = team.members[0]!;
  const { context, page } = await newProfile(browser, baseURL);
  await page.setViewportSize({ width: 390, height: 844 });

  const library = async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  };
  const expectLibrary = async (present: readonly string[], absent: readonly string[]) => {
    await library();
    for (const title of present) await expect(page.getByRole('link', { name: title })).toBeVisible();
    for (const title of absent) await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await openTeam(page);
  };
  const slice = page.getByRole('region', { name: 'What this browser syncs' });

  // connect without receiving any article
  await openTeam(page);
  await page.getByLabel('Choose which articles to sync before any are received').check();
  const origin = new URL(page.url()).origin;
  await page.getByLabel('Server address').fill(`${origin}/couchdb`);
  await page.getByLabel('Team database').fill(team.db);
  await page.getByLabel('User name').fill(person.name);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in and connect' }).click();
  await expect(page.getByRole('heading', { name: 'Connected team' })).toBeVisible({ timeout: 30_000 });
  await waitUpToDate(page, 60_000);
  await expect(page.getByTestId('team-slice-current')).toHaveText(/No articles yet/);
  await expectLibrary(
    [],
    ARTICLES.map((a) => a.title),
  );

  // by a tag on their claims
  await slice.getByLabel('Tag on their claims').fill('budget');
  await slice.getByRole('button', { name: 'Find articles' }).click();
  await expect(slice.getByRole('status').filter({ hasText: '1 article found.' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(slice.getByRole('checkbox', { name: ARTICLES[0].title })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await slice.getByRole('button', { name: 'Sync only these 1 article' }).click();
  await expect(page.getByTestId('team-slice-current')).toHaveText(/1 article \(tag “budget”\)/);
  await expect(syncState(page)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await waitUpToDate(page, 60_000);
  await expectLibrary([ARTICLES[0].title], [ARTICLES[1].title, ARTICLES[2].title]);

  // a date range lists only what was published in it
  await slice.getByLabel('Tag on their claims').fill('');
  await slice.getByLabel('Published from').fill('2026-05-01');
  await slice.getByLabel('Published up to').fill('2026-05-31');
  await slice.getByRole('button', { name: 'Find articles' }).click();
  await expect(slice.getByRole('status').filter({ hasText: '1 article found.' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(slice.getByRole('checkbox')).toHaveCount(1);
  await expect(slice.getByRole('checkbox', { name: ARTICLES[2].title })).toBeVisible();

  // everything listed (with the article this profile had and pushed), one left out by keyboard
  await slice.getByLabel('Published from').fill('');
  await slice.getByLabel('Published up to').fill('');
  await slice.getByLabel('Published up to').press('Enter');
  await expect(slice.getByRole('status').filter({ hasText: '4 articles found.' })).toBeVisible({
    timeout: 30_000,
  });
  const rail = slice.getByRole('checkbox', { name: ARTICLES[2].title });
  await rail.focus();
  await page.keyboard.press('Space');
  await expect(rail).not.toBeChecked();
  await slice.getByRole('button', { name: 'Sync only these 3 articles' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('team-slice-current')).toHaveText(/3 articles \(chosen by hand/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(syncState(page)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await waitUpToDate(page, 60_000);
  await expectLibrary([ARTICLES[0].title, ARTICLES[1].title], [ARTICLES[2].title]);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: 'docs/screenshots/team-slice-phone.png', fullPage: true });
  await context.close();
});
