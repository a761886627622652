import type { Browser } from '@playwright/test';
import { expect, REFERENCE_TITLE, test } from './fixtures';
import { connect, newProfile, newTeam, openTeam, waitUpToDate } from './sync-helpers';

// Two profiles and a first sync of 5,000 claims: minutes on a loaded two-core machine; bounded.
test.describe.configure({ timeout: 480_000 });

// 250 copies of the 26 reference claims: 6,526 claims, four of the first sync's 2,000-document batches
// (src/sync/engine.ts), so the reload lands between batches with work left after it. 160 copies (three
// batches) was tried to shorten the story: under load (two suites at once) its first sight of the
// progress bar was already the end (3,391 of 3,391) in both attempts, so the reload came too late.
const COPIES = 250;

type Doc = Record<string, unknown> & { _id: string; _rev?: string; id: string };

/** Server-side (as the admin): many more claims on the team's reference article, so a first sync takes batches. */
async function growTeamLibrary(db: string): Promise<number> {
  const base = process.env.COUCH_URL!;
  const auth = `Basic ${Buffer.from(`${process.env.COUCH_ADMIN_NAME}:${process.env.COUCH_ADMIN_PASSWORD}`).toString('base64')}`;
  const headers = { authorization: auth, 'content-type': 'application/json', accept: 'application/json' };
  const all = (await (await fetch(`${base}/${db}/_all_docs?include_docs=true`, { headers })).json()) as {
    rows: { doc: Doc }[];
  };
  const claims = all.rows.map((r) => r.doc).filter((d) => d._id.startsWith('claims:'));
  expect(claims.length).toBeGreaterThan(0);
  const copies: Doc[] = [];
  for (let k = 1; k <= COPIES; k++) {
    for (const { _rev: _, ...claim } of claims) {
      const id = `${claim.id}-copy${k}`;
      copies.push({ ...claim, _id: `claims:${id}`, id, updatedAt: Date.now() });
    }
  }
  for (let i = 0; i < copies.length; i += 1_000) {
    const res = await fetch(`${base}/${db}/_bulk_docs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ docs: copies.slice(i, i + 1_000) }),
    });
    expect(res.status).toBe(201);
  }
  return claims.length * (COPIES + 1);
}

/**
 * A team whose library A grew on the server, and a second profile B that has just asked to connect
 * (by hand: `connect` waits for nothing left to send).
 */
async function secondProfileConnecting(browser: Browser, baseURL: string | undefined) {
  const team = await newTeam({ members: 2 });
  const a = await newProfile(browser, baseURL);
  await connect(a.page, team, team.members[0]!);
  const total = await growTeamLibrary(team.db);
  const b = await newProfile(browser, baseURL);
  await openTeam(b.page);
  const origin = new URL(b.page.url()).origin;
  await b.page.getByLabel('Server address').fill(`${origin}/couchdb`);
  await b.page.getByLabel('Team database').fill(team.db);
  await b.page.getByLabel('User name').fill(team.members[1]!.name);
  await b.page.getByLabel('Password').fill(team.members[1]!.password);
  await b.page.getByRole('button', { name: 'Sign in and connect' }).click();
  return { a, b, total };
}

test('a first sync survives a reload while its rows arrive and another while its filters are prepared: every claim once, the Team, Claims and profile screens say what is left', async ({
  browser,
  baseURL,
}, testInfo) => {
  // B has a library of its own: its rows wait to be sent until the filter rows are built (so not `connect`)
  const { a, b, total } = await secondProfileConnecting(browser, baseURL);

  // The progress bar with numbers; reload as soon as part of the library has arrived.
  const bar = b.page.getByRole('progressbar', { name: 'Received from the team' });
  await expect(bar).toBeVisible({ timeout: 45_000 });
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 45_000, intervals: [100] })
    .toBeGreaterThan(0);
  const done = Number(await bar.getAttribute('value'));
  const max = Number(await bar.getAttribute('max'));
  expect(done).toBeLessThan(max);
  await b.page.reload();

  // It carries on from its checkpoint by itself. The sync is done when its rows are in (up to date,
  // the last sync time set) while the filter rows are still being written.
  await openTeam(b.page);
  await expect(b.page.getByRole('heading', { name: 'Connected team' })).toBeVisible();
  const filters = b.page.getByRole('progressbar', { name: 'Filters prepared' });
  await expect(filters).toBeVisible({ timeout: 300_000 });
  await expect(b.page.locator('.sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(b.page.getByText('Just now')).toBeVisible();
  await expect(b.page.getByTestId('sync-indexing')).toContainText(
    `of ${total.toLocaleString('en-US')} claims`,
  );
  await b.page.screenshot({ path: testInfo.outputPath('team-indexing.png') });

  // Every claim once in the Library already (its counts are kept before the filter rows): the
  // reference article's own claims (which B had too) and the team's copies, none doubled by the reload
  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const row = b.page
    .getByRole('listitem')
    .filter({ has: b.page.getByRole('link', { name: REFERENCE_TITLE }) });
  await expect(row).toContainText(`${total.toLocaleString('en-US')} claims`.replace(/,/g, ''));

  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  const note = b.page.locator('.claims-filters-pending');
  await expect(note).toHaveAttribute('role', 'status');
  await expect(note).toContainText('may miss some claims');
  await b.page.screenshot({ path: testInfo.outputPath('claims-indexing.png') });

  // a speaker profile reads no filter row: every copy of the speaker's claims is counted meanwhile
  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await b.page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await b.page.locator('a[href^="/speakers/"]').first().click();
  await expect(b.page.locator('.profile-header')).toContainText(/\d{3,} claims in 1 article/);
  await b.page.screenshot({ path: testInfo.outputPath('profile-indexing.png') });
  await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();

  // a reload while the filter rows are written: it carries on by itself and finishes
  await b.page.reload();
  await expect(b.page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await expect(note).toBeEmpty({ timeout: 300_000 });
  await expect(b.page.locator('.claims-count')).toHaveText(`${total.toLocaleString('en-US')} claims`, {
    timeout: 30_000,
  });
  await openTeam(b.page);
  await waitUpToDate(b.page);
  await expect(filters).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});
